/**
 * An AKS agent pool of type VirtualMachines (Bicep) with the given `virtualMachinesProfile.scale`
 * members, tainted and tagged for GPU work: the GPU003 and GPU004 tables read its scale profiles.
 */
export const virtualMachinesPool = (scale: string): string => `
resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-01-01' = {
  name: 'aks-prod/gpuvms'
  properties: {
    type: 'VirtualMachines'
    mode: 'User'
    nodeTaints: [ 'sku=gpu:NoSchedule' ]
    virtualMachinesProfile: {
      scale: {
        ${scale}
      }
    }
  }
  tags: { 'cost-center': 'cc-1' }
}
`;
