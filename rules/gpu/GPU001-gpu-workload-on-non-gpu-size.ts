import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, gpuIntent, isUnknown, knownString } from '../../src/engine/facts.js';
import { isGpuSize } from '../../src/model/gpu.js';

export const GPU_WORKLOAD_KINDS = ['aks.nodepool', 'ml.compute', 'vm', 'vmss'] as const;

const KIND_NAMES: Record<string, string> = { 'aks.nodepool': 'node pool', 'ml.compute': 'AML compute', vm: 'VM', vmss: 'scale set' };

export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

const rule: Rule = {
  meta: {
    id: 'GPU001',
    name: 'gpu-workload-on-non-gpu-size',
    shortDescription: 'A node pool, compute, VM or scale set meant for GPU work uses a size without a GPU.',
    fullDescription:
      'A pool named or labelled for GPU work that gets a CPU size (the classic `Standard_D16s_v5` typo for `Standard_NC16as_T4_v3`) schedules GPU jobs that never start, while the nodes bill at full price — one team burned $4,000 this way. GPU sizes are the NC, ND, NG and NV families; NP is FPGA, not GPU.',
    help: 'Use an N-series GPU size (Standard_NC*, Standard_ND*, Standard_NG*, Standard_NV*), or drop the GPU name/label/taint if the workload is meant for CPU.',
    level: 'error',
    tags: ['cost', 'gpu'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/gpu/GPU001-gpu-workload-on-non-gpu-size.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            if (isUnknown(r, 'vmSize') && gpuIntent(r)) ctx.undecided?.(r, 'vmSize');
            const size = knownString(r, 'vmSize');
            if (size === undefined || isGpuSize(size)) continue;
            const why = gpuIntent(r);
            if (!why) continue;
            const { location, related } = factLocations(r, 'vmSize');
            ctx.report({
              resource: r,
              attributePath: 'vmSize',
              location,
              related,
              message: `${kindName(kind)} "${displayName(r)}" is meant for GPU work (${why}) but "${size}" is not a GPU size; use an N-series GPU size (NC, ND, NG, NV).`,
            });
          }
        }
      },
    };
  },
};
export default rule;
