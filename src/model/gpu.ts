/**
 * Moved to `src/model/facts/gpu.ts` (one table per Azure fact); this re-export remains only
 * until every importer (AML003) reads the facts module. Do not add anything here.
 */
export { isGpuSize, mentionsGpu, NON_GPU_PROBE_SIZES, GPU_FAMILIES, FPGA_FAMILIES } from './facts/gpu.js';
