/**
 * Facts about Azure VM sizes used by the GPU rules.
 *
 * Source: Microsoft Learn, "Sizes for virtual machines in Azure"
 * (https://learn.microsoft.com/azure/virtual-machines/sizes/overview): the
 * GPU-accelerated families are NC (incl. NCads, NCCads confidential GPU), ND, NG and NV;
 * the NP family is FPGA-accelerated, not GPU.
 */

/** Size families that carry GPUs (prefix after `Standard_`, case-insensitive). */
export const GPU_FAMILY_PREFIXES = ['NC', 'ND', 'NG', 'NV'] as const;
/** FPGA family: starts with N but is not a GPU size. */
export const FPGA_FAMILY_PREFIXES = ['NP'] as const;

const GPU_SIZE = new RegExp(`^standard_(${GPU_FAMILY_PREFIXES.join('|')})`, 'i');

export function isGpuSize(size: string): boolean {
  return GPU_SIZE.test(size.trim());
}

/** Example non-GPU sizes used to test whether a guard admits them (GPU002). */
export const NON_GPU_PROBE_SIZES = ['Standard_NP10s', 'Standard_D16s_v5', 'Standard_DS3_v2', 'Standard_F8s_v2', 'Standard_E4s_v3', 'Standard_B2s'];

/** Words that mark a workload as meant for GPU work (RULES.md GPU001). */
export function mentionsGpu(text: string): boolean {
  return /gpu/i.test(text);
}
