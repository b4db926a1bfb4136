resource gpu 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-infer'
  location: 'westeurope'
  tags: {
    'cost-center': 'cc-4471'
  }
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_ND96asr_v4'
    }
  }
}
