import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuNameUndecided, gpuReasonOf, isSystemPool } from '../../src/engine/facts.js';
import { GPU_TAINT, hasGpuTaint, isSpotPriority, isSpotTaint, namesGpu, parseTaint, systemPoolAcceptsTaint, TAINT_PATTERN } from '../../src/model/facts/aks.js';

export default defineRule({
  meta: {
    id: 'AKS001',
    name: 'gpu-node-pool-without-taint',
    shortDescription: 'AKS GPU node pool without a NoSchedule taint.',
    fullDescription:
      'Without a NoSchedule taint, the scheduler places ordinary pods, daemon sets and log collectors on expensive GPU nodes, which then cannot scale down and crowd out the GPU jobs they were bought for.',
    help: `Add the taint \`${GPU_TAINT}\` (node_taints / nodeTaints) and give GPU workloads a matching toleration.`,
    level: 'error',
    tags: ['cost', 'gpu', 'aks'],
    options: {
      taint: {
        description: 'The taint GPU pools are expected to carry, as key=value:Effect.',
        schema: { type: 'string', pattern: TAINT_PATTERN },
        default: GPU_TAINT,
        configPath: ['gpu', 'taint'],
      },
    },
    messages: {
      noGpuTaint:
        'AKS node pool "{{name}}" is a GPU pool ({{why}}) but has no NoSchedule taint naming GPU ({{state}}{{spot}}); add "{{taint}}" to {{attribute}} so other pods stay off the GPU nodes.',
      // AKS refuses the GPU taint on a system pool (src/model/facts/aks.ts systemPoolAcceptsTaint): the fix is AKS002's.
      noGpuTaintSystemPool:
        'AKS system node pool "{{name}}" is a GPU pool ({{why}}) without a NoSchedule taint naming GPU ({{state}}{{spot}}); a system pool cannot take one (AKS refuses it); give it a CPU size and run GPU work in a user pool tainted "{{taint}}".',
    },
  },
  create(ctx) {
    const expected = ctx.options.taint as string;
    return {
      'aks.nodepool'(pool) {
        const why = gpuReasonOf(ctx, pool);
        if (!why) {
          // A name that may say GPU (`${prefix}-gpu`) on a pool without a GPU taint: the name decides (as GPU001 lists it).
          const reason = gpuNameUndecided(pool);
          const written = pool.attrs.get('taints')?.value;
          const untainted = written === undefined || written.kind === 'null' || (written.kind === 'list' && written.items.every((t) => t.kind === 'string') && !hasGpuTaint(written.items.map((t) => (t.kind === 'string' ? t.value : '')), expected));
          if (reason !== undefined && untainted) ctx.undecided(pool, 'name', reason, pool.header);
          return;
        }
        const taints = ctx.fact(pool, 'taints');
        const v = taints.value;
        if (taints.state === 'unknown' || (v && v.kind !== 'list' && v.kind !== 'null')) return;
        const items = v?.kind === 'list' ? v.items : [];
        const list: string[] = [];
        for (const item of items) {
          if (item.kind !== 'string') {
            if (item.kind === 'unknown') ctx.undecided(pool, 'taints', item.reason);
            return;
          }
          list.push(item.value);
        }
        if (hasGpuTaint(list, expected)) return;
        // A Spot pool also carries the taint AKS adds, which never names GPU: say so unless written.
        const priority = ctx.fact(pool, 'priority').value;
        const spotWritten = list.some((t) => {
          const p = parseTaint(t);
          return p !== undefined && isSpotTaint(p);
        });
        const spotAdded = priority?.kind === 'string' && isSpotPriority(priority.value) && !spotWritten;
        // (A system pool cannot take the expected taint when AKS refuses it there.)
        const expectedTaint = parseTaint(expected);
        const system = isSystemPool(ctx, pool) === true && expectedTaint !== undefined && !systemPoolAcceptsTaint(expectedTaint);
        // The taint that names GPU with another effect is the value to fix: where it is written
        // (a parameter's default, not the list that reads it; as a list read whole from an input is).
        const nearMiss = items.find((t) => t.kind === 'string' && namesGpu(t.value));
        ctx.report({
          resource: pool,
          attr: 'taints',
          ...(nearMiss ? { entry: nearMiss } : {}),
          messageId: system ? 'noGpuTaintSystemPool' : 'noGpuTaint',
          data: { name: displayName(pool), why, state: taints.describe(), spot: spotAdded ? ', plus the Spot taint AKS adds' : '', attribute: taints.sourcePath, taint: expected },
        });
      },
    };
  },
});
