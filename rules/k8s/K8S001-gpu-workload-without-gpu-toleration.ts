import { defineRule } from '../../src/engine/define-rule.js';
import { configTaintReason } from '../../src/engine/scan.js';
import type { GpuNodePool, NodePoolTaint } from '../../src/engine/types.js';
import type { Location } from '../../src/core/source.js';
import { ASSUMED_GPU_TAINT_OPTION, GPU_TAINT, parseTaint } from '../../src/model/facts/aks.js';
import { gpuRequests, mayBeTolerated, selectorAdmits, taintVerdict, templateName, UNDECIDED_TOLERATION, workloadPlace, unknownCountReason, unknownGpuRequests, unreadableReason, type TaintVerdict } from '../../src/model/k8s.js';

/** A pool and how the workload's tolerations meet its taints. */
interface Judged {
  pool: GpuNodePool;
  verdict: TaintVerdict;
}

function showTaint(t: { key: string; value: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

function taintLabel(t: NodePoolTaint, pool: GpuNodePool): string {
  return t.automatic === 'spot' ? `taint "${t.text}" that AKS adds to Spot GPU node pool "${pool.name}"` : `taint "${t.text}" of GPU node pool "${pool.name}"`;
}

/** The untolerated taints AKS's ExtendedResourceToleration plugin does not tolerate for the workload either. */
function hardMissing(v: TaintVerdict): TaintVerdict['missing'] {
  return v.missing.filter((m) => !v.byExtendedResource.includes(m));
}

/** The untolerated taints, those the plugin does not tolerate first (a stable order otherwise). */
function hardFirst(v: TaintVerdict): TaintVerdict['missing'] {
  // Surely lacking first, then those a toleration that cannot be decided may tolerate, then the plugin's.
  const hard = hardMissing(v);
  return [...hard.filter((m) => !v.maybe.includes(m)), ...hard.filter((m) => v.maybe.includes(m)), ...v.missing.filter((m) => v.byExtendedResource.includes(m))];
}


/** The GPU pools whose untolerated taint a finding lists as related locations. */
const MAX_RELATED_POOLS = 10;

export default defineRule({
  meta: {
    id: 'K8S001',
    name: 'gpu-workload-without-gpu-toleration',
    shortDescription: 'Kubernetes workload that requests a GPU but does not tolerate the taints of any GPU node pool.',
    fullDescription:
      'GPU node pools are tainted so that only GPU work lands on them. A pod that requests nvidia.com/gpu (or a MIG slice, a shared GPU, amd.com/gpu) can only run on a GPU node, so without a toleration for every NoSchedule/NoExecute taint of at least one GPU pool it stays Pending while the GPU nodes, billed per hour, sit idle or never scale up. A cluster of the manifest\'s project with node auto-provisioning (mode Auto) may give its pods a node from a Karpenter NodePool whose taints they tolerate: such a workload is left undecided.',
    help: 'Add a toleration for each NoSchedule/NoExecute taint of the GPU pool to the pod template (for the AKS default: key sku, operator Equal, value gpu, effect NoSchedule; a Spot pool also needs key kubernetes.azure.com/scalesetpriority, value spot). If a webhook or policy injects tolerations in your cluster, set k8s.assumeInjectedTolerations: true in the config.',
    level: 'error',
    tags: ['cost', 'gpu', 'kubernetes'],
    formats: ['k8s', 'terraform'],
    options: {
      taint: ASSUMED_GPU_TAINT_OPTION,
      assumeInjectedTolerations: {
        description: 'A webhook or policy injects tolerations into GPU pods at admission: K8S001 does not judge the written tolerations.',
        schema: { type: 'boolean' },
        default: false,
        configPath: ['k8s', 'assumeInjectedTolerations'],
      },
    },
    messages: {
      scannedPool:
        '{{workload}} requests "{{resource}}" but does not tolerate the {{taint}}{{others}}, so its pods stay Pending; add a toleration for {{missing}} to the pod template.',
      configTaint:
        '{{workload}} requests "{{resource}}" but does not tolerate the GPU taint "{{taint}}" (gpu.taint; {{why}}), so on a cluster whose GPU pools carry it its pods stay Pending; add a toleration for "{{taint}}" to the pod template.',
      extendedResource:
        '{{workload}} requests "{{resource}}" and relies on AKS adding the toleration for the taint "{{taint}}" {{pool}} (ExtendedResourceToleration); write the toleration in the pod template to keep it schedulable on clusters without that admission plugin.',
    },
  },
  create(ctx) {
    const assumeInjected = ctx.options.assumeInjectedTolerations === true;
    const configured = parseTaint(String(ctx.options.taint ?? GPU_TAINT));
    return {
      'k8s.workload'(w) {
        const t = w.k8s;
        if (!t) return;
        const gpu = gpuRequests(t);
        const first = gpu[0];
        const hidden = t.unreadable.find((u) => u.hides === 'request' || u.hides === 'pod');
        if (!first) {
          // `nvidia.com/gpu: ${GPU_COUNT}`: the count may be 0, so whether it needs a GPU pool is unknown.
          const open = unknownGpuRequests(t)[0];
          // (Not when it tolerates the taints it would need anyway: no finding hides there; review 87.)
          if (open) {
            if (!toleratesWhatItWouldNeed(t, ctx.scan.gpuNodePools(workloadPlace(w)), configured, [open.entry.name.toLowerCase()]))
              ctx.undecided(w, 'resources', unknownCountReason(open.entry), open.entry.keyAt);
          }
          // `resources: *gpu`, a container from `<<: *base`: a GPU request may be there.
          else if (hidden) ctx.undecided(w, 'resources', `${unreadableReason(hidden, `${hidden.what} cannot be read`)}, and a container may request a GPU there`, hidden.at);
          return;
        }
        const requested = [...new Set(gpu.map((g) => g.entry.name.toLowerCase()))];
        const at = first.entry.keyAt;
        if (assumeInjected) {
          ctx.undecided(w, 'tolerations', 'the config sets k8s.assumeInjectedTolerations: true (a webhook or policy injects tolerations), so K8S001 does not judge them', t.tolerationsAt ?? at);
          return;
        }
        if (t.injectedTolerationsAt) {
          ctx.undecided(w, 'tolerations', `a Namespace ${w.format === 'terraform' ? 'this configuration declares' : 'in this file'} adds default tolerations to its pods (scheduler.alpha.kubernetes.io/defaultTolerations), which the pods get at admission`, t.injectedTolerationsAt);
          return;
        }
        const unreadable = t.unreadable.find((u) => u.hides === 'tolerations');
        // Tolerations only partly unknown (a static toleration beside a `dynamic` block over a
        // variable without a value) can only tolerate more: when the known ones already tolerate
        // a pool it needs, nothing is missing (self-review 98: undecided).
        if (unreadable && t.tolerations.length > 0 && toleratesWhatItWouldNeed(t, ctx.scan.gpuNodePools(workloadPlace(w)), configured, requested)) return;
        if (unreadable) {
          ctx.undecided(w, 'tolerations', unreadableReason(unreadable, `${unreadable.what} is not a list of mappings that can be read`), unreadable.at);
          return;
        }
        // (The attribute that applies an object written elsewhere, a template, first: which resource it is.)
        const related: Location[] = [...(t.consumedAt ? [t.consumedAt] : []), ...(t.tolerationsAt ? [{ ...t.tolerationsAt, label: 'tolerations' }] : [])];
        const data = { workload: templateName(t), resource: first.entry.name };
        // The pools of the manifest's nearest project (src/engine/scan.ts).
        const scanned = ctx.scan.gpuNodePools(workloadPlace(w));
        // A pool meant for GPU with a CPU size (GPU001's finding) runs no GPU pod: its taints are
        // nothing the pod must tolerate. With only such pools, the pods are stuck for GPU001's reason.
        const all = scanned.filter((p) => p.cpuSize === undefined);
        if (all.length === 0 && scanned.length > 0) return;
        // Pools its nodeSelector / required node affinity rules out do not count (when it rules out every
        // GPU pool, the pod is stuck for another reason: judge it against all of them).
        const selectable = all.filter((p) => selectorAdmits(t, p.label) !== false);
        const pools = selectable.length > 0 ? selectable : all;
        // A cluster of its project with node auto-provisioning may give its pods a node from a
        // Karpenter NodePool whose taints they tolerate, which no pool of the code declares
        // (facts/aks.ts): what they lack is not known (review 119, an NAP cluster's vLLM Deployment).
        const autoProvisioned = ctx.scan.autoProvisioned?.(workloadPlace(w));
        // A workload submitted to Kueue gets the tolerations of the ResourceFlavor Kueue admits it
        // with (FORMATS.md 2(d): injected tolerations are unknown; review 125, a Job labelled
        // kueue.x-k8s.io/queue-name whose flavor tolerates sku=gpu).
        const queuedAt = t.kueueQueueAt;
        // A pool of its project whose size is not known may be a GPU pool its pods can run on (one
        // whose taints they tolerate, its selectors may admit): whether they stay Pending is not
        // known (review 125: an untainted default pool sized by a variable without a value).
        // (Taints keyed by the GPU resource it requests are tolerated for it by AKS's admission plugin.)
        const mayRunOn = (p: GpuNodePool): boolean => {
          if (selectorAdmits(t, p.label) === false) return false;
          if (!p.taints) return true;
          const v = taintVerdict(t, p.taints, requested);
          return v.missing.length === v.byExtendedResource.length || mayBeTolerated(v);
        };
        const unknownSizePool = (ctx.scan.unknownSizePools?.(workloadPlace(w)) ?? []).find(mayRunOn);
        // What is added to its pods at admission, or a pool that may be a GPU pool they can run on, may hold what they lack: undecided, never reported.
        // (`bySize`: where a pool of unknown size decides — against a scanned pool, not the configured taint.)
        const undecidedByInjection = (bySize: boolean): void => {
          if (bySize && unknownSizePool) {
            const where = unknownSizePool.header;
            ctx.undecided(w, 'tolerations', `depends on the size of node pool "${unknownSizePool.name}" (${ctx.relativePath(where.file)}:${where.range.start.line}), which is unknown (${unknownSizePool.sizeUnknown ?? 'unknown'}): if it is a GPU size, its pods may run there (${unknownSizePool.taints === undefined ? `its taints are not known either: ${unknownSizePool.taintsUnknown ?? 'unknown'}` : unknownSizePool.taints.length === 0 ? 'it has no taints' : 'they tolerate its taints'})`, t.tolerationsAt ?? at);
            return;
          }
          if (queuedAt) {
            const why = t.kueueQueueUnknown === undefined
              ? 'it is submitted by kueue.x-k8s.io/queue-name'
              : `its labels are not known (${t.kueueQueueUnknown}), and kueue.x-k8s.io/queue-name may be among them`;
            ctx.undecided(w, 'tolerations', `depends on the ResourceFlavor Kueue admits it with (${why}): Kueue adds that flavor's tolerations to its pods, and they are not known here`, queuedAt);
            return;
          }
          const nap = autoProvisioned!;
          const where = nap.modeAt ?? nap.header;
          ctx.undecided(w, 'tolerations', `AKS cluster "${nap.name}" (${ctx.relativePath(where.file)}:${where.range.start.line}) ${nap.unknownMode ? 'may provision' : 'provisions'} nodes by itself (${nap.why}): its pods may get a node whose taints they tolerate from a Karpenter NodePool`, t.tolerationsAt ?? at);
        };
        const mayBeInjected = queuedAt !== undefined || autoProvisioned !== undefined;

        if (pools.length === 0) {
          if (!configured) return;
          // No pool is known to be the manifest's (pools of several checkouts side by side, in the
          // scan or in the manifest's project): when it tolerates every hard taint of some tainted
          // GPU pool of those checkouts, "at least one GPU pool" holds, and the configured taint is
          // not demanded instead. An untainted pool of another checkout is no such sign (every pod tolerates it).
          if (scanned.length === 0 && toleratesSomePool(t, ctx.scan.checkoutPools?.(workloadPlace(w)) ?? [], requested)) return;
          const v = taintVerdict(t, [configured], requested);
          if (v.missing.length === 0) return;
          if (mayBeTolerated(v)) return ctx.undecided(w, 'tolerations', UNDECIDED_TOLERATION, t.tolerationsAt ?? at);
          if (v.byExtendedResource.length === v.missing.length) {
            ctx.report({ resource: w, location: at, related, relatedIsContext: true, attributePath: 'tolerations', level: 'note', messageId: 'extendedResource', data: { ...data, taint: showTaint(configured), pool: 'configured as the GPU taint (gpu.taint)' } });
            return;
          }
          // (What the admission plugin tolerates holds on any node: only a missing toleration waits on the NodePools.)
          // (A pool of unknown size does not change the configured taint's warning, a convention on
          // whatever cluster runs it, as a pool list wholly unknown does not: self-review 83. Its reason says so.)
          if (mayBeInjected) return undecidedByInjection(false);
          const why = configTaintReason(ctx.scan, workloadPlace(w));
          ctx.report({ resource: w, location: at, related, relatedIsContext: true, attributePath: 'tolerations', level: 'warning', messageId: 'configTaint', data: { ...data, taint: showTaint(configured), why } });
          return;
        }

        // "Tolerates at least one GPU pool fully": any pool whose hard taints are all tolerated.
        const judged: Judged[] = [];
        // A pool it tolerates but whose admission by its node selector is unknown (labels not in the
        // code, a selector term that cannot be read): the pods may be kept off it (self-review 100).
        let maybeAdmitted: GpuNodePool | undefined;
        for (const pool of pools) {
          if (!pool.taints) continue;
          const verdict = taintVerdict(t, pool.taints, requested);
          if (verdict.missing.length === 0) {
            if (selectable.length === 0 || selectorAdmits(t, pool.label) === true) return;
            maybeAdmitted ??= pool;
            continue;
          }
          judged.push({ pool, verdict });
        }
        if (maybeAdmitted) {
          ctx.undecided(w, 'nodeSelector', `it tolerates GPU node pool "${maybeAdmitted.name}", but whether its nodeSelector or node affinity admits that pool is unknown (node labels not in the scanned code, or a selector that cannot be read)`, at);
          return;
        }
        const unknownPool = pools.find((p) => !p.taints);
        if (unknownPool) {
          ctx.undecided(w, 'tolerations', `depends on the taints of GPU node pool "${unknownPool.name}", which are unknown (${unknownPool.taintsUnknown ?? 'unknown'})`, t.tolerationsAt ?? at);
          return;
        }
        if (judged.some((j) => mayBeTolerated(j.verdict))) {
          ctx.undecided(w, 'tolerations', UNDECIDED_TOLERATION, t.tolerationsAt ?? at);
          return;
        }
        const pending = (taint: object, pool: GpuNodePool): NodePoolTaint => pool.taints!.find((x) => x === taint)!;
        // Only taints keyed by a requested GPU resource are left: AKS's admission plugin tolerates them.
        const viaPlugin = judged.find((j) => j.verdict.byExtendedResource.length === j.verdict.missing.length);
        if (viaPlugin) {
          const taint = pending(viaPlugin.verdict.missing[0]!, viaPlugin.pool);
          ctx.report({
            resource: w, location: at, attributePath: 'tolerations', level: 'note', messageId: 'extendedResource',
            related: [...related, { ...taint.at, label: taintLabel(taint, viaPlugin.pool) }],
            relatedIsContext: true,
            data: { ...data, taint: taint.text, pool: `of GPU node pool "${viaPlugin.pool.name}"` },
          });
          return;
        }
        if (mayBeInjected || unknownSizePool) return undecidedByInjection(true);
        // The pool it comes closest to tolerating names the message; every pool's first untolerated taint is related.
        // Taints the admission plugin tolerates for it come last: the ones it really lacks name the cause.
        const closest = [...judged].sort((a, b) => hardMissing(a.verdict).length - hardMissing(b.verdict).length)[0]!;
        const missing = hardFirst(closest.verdict).map((m) => pending(m, closest.pool));
        // The closest pool's first, then the others' (at most MAX_RELATED_POOLS: a repository with
        // hundreds of pools gave every finding hundreds of related locations; the message counts them all).
        for (const j of [closest, ...judged.filter((x) => x !== closest)].slice(0, MAX_RELATED_POOLS)) {
          const taint = pending(hardFirst(j.verdict)[0]!, j.pool);
          related.push({ ...taint.at, label: taintLabel(taint, j.pool) });
        }
        // The other pools by address: one pool evaluated with several var files is one pool to the
        // reader (review 105: "the other 1 GPU pool" was the same pool in another variant); two
        // pools of one name in two clusters are two (review 106).
        // (By where each is declared too: `az aks nodepool add -n gpu` to two clusters is one address, two pools; audit 54.)
        const poolKey = (p: (typeof closest)['pool']): string => `${p.address}|${p.header.file}:${p.header.range.start.offset}`;
        const others = new Set(judged.filter((x) => x !== closest).map((x) => poolKey(x.pool)).filter((k) => k !== poolKey(closest.pool))).size;
        ctx.report({
          resource: w,
          // (The pools' taints and the tolerations key: context, not where the value came from.)
          relatedIsContext: true,
          location: at,
          related,
          attributePath: 'tolerations',
          messageId: 'scannedPool',
          data: {
            ...data,
            taint: taintLabel(missing[0]!, closest.pool),
            others: others === 0 ? '' : others === 1 ? ' (nor every taint of the other GPU pool)' : ` (nor every taint of the ${others} other GPU pools)`,
            missing: missing.map((m) => `"${m.text}"`).join(' and '),
          },
        });
      },
    };
  },
});

/**
 * Whether a workload requesting `requested` would not be reported: it tolerates every hard taint
 * of some GPU pool its selectors admit (all known), or, with no such pool, the configured taint.
 */
function toleratesWhatItWouldNeed(t: Parameters<typeof taintVerdict>[0], scanned: readonly GpuNodePool[], configured: ReturnType<typeof parseTaint>, requested: Parameters<typeof taintVerdict>[2]): boolean {
  const all = scanned.filter((p) => p.cpuSize === undefined);
  const selectable = all.filter((p) => selectorAdmits(t, p.label) !== false);
  const pools = selectable.length > 0 ? selectable : all;
  if (pools.length === 0) return configured !== undefined && taintVerdict(t, [configured], requested).missing.length === 0;
  return pools.some((p) => p.taints !== undefined && taintVerdict(t, p.taints, requested).missing.length === 0);
}

/** Whether the template tolerates every NoSchedule/NoExecute taint of some GPU-sized pool that has one (its taints known). */
function toleratesSomePool(t: Parameters<typeof taintVerdict>[0], pools: readonly GpuNodePool[], requested: Parameters<typeof taintVerdict>[2]): boolean {
  return pools.some((p) => {
    if (p.cpuSize !== undefined || p.taints === undefined) return false;
    const v = taintVerdict(t, p.taints, requested);
    return v.missing.length === 0 && v.toleratedBy.size > 0;
  });
}
