import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuIntentOf } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import type { SizedKind } from '../../src/model/kinds.js';
import { EXAMPLE_SIZES, gpuFamilyNames, gpuSizePatterns, isGpuSize, workloadName } from '../../src/model/facts/gpu.js';

export default defineRule({
  meta: {
    id: 'GPU001',
    name: 'gpu-workload-on-non-gpu-size',
    shortDescription: 'A node pool, compute, VM or scale set meant for GPU work uses a size without a GPU.',
    fullDescription: `A pool named or labelled for GPU work that gets a CPU size (the classic \`${EXAMPLE_SIZES.cpuTypo}\` typo for \`${EXAMPLE_SIZES.gpuMeant}\`) schedules GPU jobs that never start, while the nodes bill at full price — one team burned $4,000 this way. GPU sizes are the ${gpuFamilyNames()} families; NP is FPGA, not GPU.`,
    help: `Use an N-series GPU size (${gpuSizePatterns()}), or drop the GPU name/label/taint if the workload is meant for CPU.`,
    level: 'error',
    tags: ['cost', 'gpu'],
    messages: {
      notGpuSize:
        '{{workload}} "{{name}}" is meant for GPU work ({{why}}) but its size "{{size}}" has no GPU; set {{attribute}} to a size of a GPU family ({{families}}).',
    },
  },
  create(ctx) {
    const check = (r: Resource<SizedKind>): void => {
      const why = gpuIntentOf(ctx, r);
      if (!why) return;
      const size = ctx.fact(r, 'vmSize');
      const s = size.string();
      if (s === undefined || isGpuSize(s)) return;
      ctx.report({
        resource: r,
        attr: 'vmSize',
        messageId: 'notGpuSize',
        data: { workload: workloadName(r.kind, true), name: displayName(r), why, size: s, attribute: size.sourcePath, families: gpuFamilyNames() },
      });
    };
    return { 'aks.nodepool': check, 'ml.compute': check, vm: check, vmss: check };
  },
});
