import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import { displayName, factLocations, gpuIntent, hasGpuSize, isUnknown } from '../../src/engine/facts.js';
import { mentionsGpu } from '../../src/model/gpu.js';

/** `key=value:Effect` → parts (value optional). */
export function parseTaint(t: string): { key: string; value: string; effect: string } | undefined {
  const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(t.trim());
  return m ? { key: m[1]!, value: m[2] ?? '', effect: m[3]! } : undefined;
}

/** True when a taint list keeps non-GPU pods off: the configured taint, or a NoSchedule taint naming GPU. */
export function hasGpuTaint(taints: string[], expected: string): boolean {
  return taints.some((t) => {
    if (t.trim().toLowerCase() === expected.trim().toLowerCase()) return true;
    const p = parseTaint(t);
    return p !== undefined && p.effect === 'NoSchedule' && (mentionsGpu(p.key) || mentionsGpu(p.value));
  });
}

function taintStrings(r: Resource): string[] | undefined {
  const v = r.attrs.get('taints')?.value;
  if (!v) return [];
  if (v.kind === 'null') return [];
  if (v.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const item of v.items) {
    if (item.kind !== 'string') return undefined;
    out.push(item.value);
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'AKS001',
    name: 'gpu-node-pool-without-taint',
    shortDescription: 'AKS GPU node pool without a NoSchedule taint.',
    fullDescription:
      'Without a NoSchedule taint, the scheduler places ordinary pods, daemon sets and log collectors on expensive GPU nodes, which then cannot scale down and crowd out the GPU jobs they were bought for.',
    help: 'Add the taint `sku=gpu:NoSchedule` (node_taints / nodeTaints) and give GPU workloads a matching toleration.',
    level: 'error',
    tags: ['cost', 'gpu', 'aks'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    options: {
      taint: {
        description: 'The taint GPU pools are expected to carry, as key=value:Effect.',
        schema: { type: 'string', pattern: '^[^=:\\s]+(=[^=:\\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$' },
        default: 'sku=gpu:NoSchedule',
        configPath: ['gpu', 'taint'],
      },
    },
    docPath: 'rules/aks/AKS001-gpu-node-pool-without-taint.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind('aks.nodepool')) {
          const why = hasGpuSize(pool) ? 'it has a GPU size' : gpuIntent(pool);
          if (!why) continue;
          const taints = taintStrings(pool);
          if (!taints && isUnknown(pool, 'taints')) ctx.undecided?.(pool, 'taints');
          if (!taints || hasGpuTaint(taints, (ctx.options.taint as string))) continue;
          const { location, related } = factLocations(pool, 'taints');
          ctx.report({
            resource: pool,
            attributePath: 'taints',
            location,
            related,
            message: `AKS node pool "${displayName(pool)}" is a GPU pool (${why}) but has no NoSchedule taint naming GPU; add the taint "${(ctx.options.taint as string)}" so other pods stay off the GPU nodes.`,
          });
        }
      },
    };
  },
};
export default rule;
