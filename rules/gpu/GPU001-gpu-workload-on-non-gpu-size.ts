import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuIntentOf, gpuNameUndecided, knownString } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import type { SizedKind } from '../../src/model/kinds.js';
import { EXAMPLE_SIZES, gpuFamilyNames, gpuSizePatterns, isGpuSize, isVmSizeName, SIZE_PREFIX, workloadName } from '../../src/model/facts/gpu.js';

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
      notSizeName:
        '{{workload}} "{{name}}" is meant for GPU work ({{why}}) but its size "{{size}}" is not a VM size name (they start with {{prefix}}), so it is no GPU size; set {{attribute}} to a size of a GPU family ({{families}}){{hint}}.',
      defaultNotGpuSize:
        '{{workload}} "{{name}}" is meant for GPU work ({{why}}) but {{attribute}} is not set, so it gets {{size}}, which has no GPU; set {{attribute}} to a size of a GPU family ({{families}}).',
    },
  },
  create(ctx) {
    // An unknown name may be the signal (`name = "gpu${each.key}"` under a for_each over a data
    // source; `${prefix}-gpu`, maybe `non-gpu`): with a known non-GPU size and no other signal,
    // --verbose says the name decides (gpuNameUndecided).
    const nameUndecided = (r: Resource<SizedKind>): void => {
      const reason = gpuNameUndecided(r);
      if (reason === undefined) return;
      const s = knownString(r, 'vmSize');
      if (s === undefined || isGpuSize(s)) return;
      ctx.undecided(r, 'name', reason, r.header);
    };
    const check = (r: Resource<SizedKind>): void => {
      // A known GPU size leaves nothing to find: the intent is not read (its unknown parts would
      // be "could not decide" lines for a finding that cannot be).
      const known = knownString(r, 'vmSize');
      if (known !== undefined && isGpuSize(known)) return;
      const why = gpuIntentOf(ctx, r);
      if (!why) {
        nameUndecided(r);
        return;
      }
      const size = ctx.fact(r, 'vmSize');
      const s = size.string();
      if (s === undefined || isGpuSize(s)) return;
      // An absent size is the default, said as such (`--size is not set, so it gets "Standard_DS3_v2"`;
      // the AKS server's choice is a description, not a size name).
      const defaulted = size.defaulted === true;
      ctx.report({
        resource: r,
        attr: 'vmSize',
        // `NC4as_T4_v3`: a GPU family's size without its prefix is a typo, not a CPU size.
        messageId: defaulted ? 'defaultNotGpuSize' : isVmSizeName(s) ? 'notGpuSize' : 'notSizeName',
        data: {
          workload: workloadName(r.kind, true),
          name: displayName(r),
          why,
          size: defaulted && isVmSizeName(s) ? `"${s}"` : s,
          attribute: size.sourcePath,
          families: gpuFamilyNames(),
          prefix: SIZE_PREFIX,
          hint: isGpuSize(`${SIZE_PREFIX}${s.trim()}`) ? `: "${SIZE_PREFIX}${s.trim()}"` : '',
        },
      });
    };
    return { 'aks.nodepool': check, 'ml.compute': check, vm: check, vmss: check };
  },
});
