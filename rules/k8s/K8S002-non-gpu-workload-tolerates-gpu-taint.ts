import { defineRule } from '../../src/engine/define-rule.js';
import { configTaintReason } from '../../src/engine/scan.js';
import type { GpuNodePool, NodePoolTaint } from '../../src/engine/types.js';
import { ASSUMED_GPU_TAINT_OPTION, GPU_TAINT, hasGpuTaint, parseTaint } from '../../src/model/facts/aks.js';
import { mentionsGpu } from '../../src/model/facts/gpu.js';
import { ACCELERATOR_LABEL, ACCELERATOR_NVIDIA, isDaemonSetKind, isHardEffect, isPerNodeLabel, LINUX_NODE_LABELS } from '../../src/model/facts/k8s.js';
import { gpuRequests, mayBeTolerated, selectorAdmits, taintVerdict, isUnknownTerm, templateName, UNDECIDED_TOLERATION, workloadPlace, unknownCountReason, unknownGpuRequests, unreadableReason, type K8sNodeRequirement, type K8sPodTemplate } from '../../src/model/k8s.js';

/** What K8S002 weighs a workload against: a scanned GPU pool, or the configured GPU taint when the scan has none. */
interface Target {
  pool?: GpuNodePool;
  taints: readonly (NodePoolTaint | { key: string; value: string; effect: string; text: string; automatic?: undefined })[];
  label(key: string): string | null | undefined;
}

/** Node labels that say nothing about GPU: every Linux node has them, or each node has its own value. */
function isGenericLabel(key: string): boolean {
  return key in LINUX_NODE_LABELS || isPerNodeLabel(key);
}

/**
 * Whether the template selects GPU nodes: the AKS accelerator label, a key or value that
 * mentions GPU, or a label value only a scanned GPU pool carries (its name, a custom label).
 */
function selectsGpuNodes(t: K8sPodTemplate, pools: readonly GpuNodePool[]): boolean {
  const reqs: K8sNodeRequirement[] = [...t.nodeSelector, ...(t.requiredNodeTerms ?? []).flat()];
  return reqs.some((r) => {
    if (r.operator === 'NotIn' || r.operator === 'DoesNotExist') return false;
    if (r.key === ACCELERATOR_LABEL || mentionsGpu(r.key) || r.values.some(mentionsGpu)) return true;
    if (isGenericLabel(r.key) || r.operator !== 'In') return false;
    return pools.some((p) => {
      const v = p.label(r.key);
      return typeof v === 'string' && r.values.includes(v);
    });
  });
}

/**
 * A label of the GPU nodes the configured taint stands for when the scan has no GPU pool: those
 * every Linux node has, and the accelerator label AKS puts on NVIDIA GPU nodes (the default
 * `sku=gpu:NoSchedule` is AKS's NVIDIA GPU pool taint). A workload that selects
 * `kubernetes.azure.com/accelerator: nvidia` selects them; other labels are unknown.
 */
function configuredNodeLabel(key: string): string | undefined {
  if (key === ACCELERATOR_LABEL) return ACCELERATOR_NVIDIA;
  return key in LINUX_NODE_LABELS ? LINUX_NODE_LABELS[key]! : undefined;
}

export default defineRule({
  meta: {
    id: 'K8S002',
    name: 'non-gpu-workload-tolerates-gpu-taint',
    shortDescription: 'Kubernetes workload that requests no GPU but tolerates the GPU node pool taint.',
    fullDescription:
      'The GPU taint keeps ordinary pods off GPU nodes. A workload that tolerates it (an exact toleration, a key-only Exists, or an empty-key Exists that tolerates every taint) without requesting a GPU, and without a nodeSelector or required node affinity that keeps it off GPU pools, can be scheduled onto GPU nodes and keep them from scaling down.',
    help: 'Remove the GPU toleration from workloads that do not use a GPU, or narrow a catch-all toleration (key "" with operator Exists) to the taints it needs; if the workload must run on GPU nodes (a device plugin, a GPU exporter), select them with nodeSelector kubernetes.azure.com/accelerator: nvidia (node_selector in a Terraform workload resource).',
    level: 'warning',
    tags: ['cost', 'gpu', 'kubernetes'],
    formats: ['k8s', 'terraform'],
    options: {
      taint: ASSUMED_GPU_TAINT_OPTION,
    },
    messages: {
      tolerates:
        '{{workload}} requests no GPU but tolerates the taint "{{taint}}" of {{pool}}, and no nodeSelector or required node affinity keeps it off {{those}}, so it can land on and keep awake GPU nodes; remove the toleration or select non-GPU nodes.',
      daemonSet:
        '{{workload}} requests no GPU but tolerates the taint "{{taint}}" of {{pool}}, so it runs a pod on every GPU node; if it belongs there (a device plugin, an exporter), select GPU nodes with {{selector}}, otherwise remove the toleration.',
    },
  },
  create(ctx) {
    const configured = parseTaint(String(ctx.options.taint ?? GPU_TAINT));
    return {
      'k8s.workload'(w) {
        const t = w.k8s;
        if (!t || gpuRequests(t).length > 0) return;
        // No toleration written, and none an alias or merge key may supply: it tolerates nothing.
        if (t.tolerations.length === 0 && !t.unreadable.some((u) => u.hides === 'tolerations' || u.hides === 'pod')) return;
        // A GPU count that is a placeholder may be 1: whether it requests no GPU is unknown.
        const open = unknownGpuRequests(t)[0];
        if (open) {
          ctx.undecided(w, 'resources', unknownCountReason(open.entry), open.entry.keyAt);
          return;
        }
        // Devices claimed through dynamic resource allocation may be GPUs (a DRA GPU driver): no limit says so.
        if (t.resourceClaimsAt) {
          ctx.undecided(w, 'resourceClaims', 'its pods claim devices through dynamic resource allocation (resourceClaims), which may be GPUs', t.resourceClaimsAt);
          return;
        }
        // Tolerations partly unknown (a static toleration beside a `dynamic` block over a variable,
        // an alias among written items) can only tolerate more: the known ones still decide a pool
        // they tolerate (self-review 97). Any other part unknown leaves the workload undecided.
        const tolerationsUnknown = t.unreadable.find((u) => u.hides === 'tolerations');
        // (A node selector term that cannot be read is weighed by selectorAdmits: terms are ORed,
        // so a known term that admits the pool decides; self-review 100.)
        const blocking = t.unreadable.find((u) => u.hides !== 'tolerations' && !isUnknownTerm(u)) ?? (t.tolerations.length === 0 ? tolerationsUnknown : undefined);
        if (blocking) {
          const u = blocking;
          // What is unknown: the tolerations, or whether a container requests a GPU (its resources).
          ctx.undecided(w, u.hides === 'request' ? 'resources' : u.hides === 'placement' ? 'nodeSelector' : 'tolerations', unreadableReason(u, `${u.what} cannot be read`), u.at);
          return;
        }
        // The pools of the manifest's nearest project (src/engine/scan.ts).
        const pools = ctx.scan.gpuNodePools(workloadPlace(w));
        const daemonSet = isDaemonSetKind(t.workloadKind);
        if (daemonSet && selectsGpuNodes(t, pools)) return;
        // A pool meant for GPU with a CPU size (GPU001's finding: `Standard_D16s_v5` for an N-series
        // size) still carries the GPU taint: what tolerates it lands on the GPU nodes once the size
        // is fixed (review 95: the note vanished, and the configured taint was not assumed either).
        const targets: Target[] = pools.length
          ? pools
              .filter((p) => p.taints)
              // Real GPU pools first: the finding names one when both carry the taint (self-review 95).
              .sort((a, b) => Number(a.cpuSize !== undefined) - Number(b.cpuSize !== undefined))
              .map((p) => ({ pool: p, taints: p.taints!, label: p.label }))
          : configured
            ? [{ taints: [{ ...configured, text: `${configured.key}${configured.value ? `=${configured.value}` : ''}:${configured.effect}` }], label: configuredNodeLabel }]
            : [];
        let undecidedTolerations = false;
        for (const target of targets) {
          // The pool's own GPU taints (not the Spot taint AKS adds): a pool without one is AKS001's finding.
          const own = target.taints.filter((x) => isHardEffect(x.effect) && x.automatic === undefined);
          if (own.length === 0) continue;
          const verdict = taintVerdict(t, target.taints);
          // A taint that may be tolerated (a placeholder) leaves this pool undecided: another pool
          // may still decide (recorded after the loop if none does). One surely not tolerated keeps it off.
          if (mayBeTolerated(verdict)) {
            undecidedTolerations = true;
            continue;
          }
          if (verdict.missing.length > 0) {
            undecidedTolerations ||= tolerationsUnknown !== undefined;
            continue;
          }
          const admits = selectorAdmits(t, target.label);
          if (admits === false) continue;
          if (admits === undefined) {
            ctx.undecided(w, 'nodeSelector', `whether its nodeSelector or node affinity admits ${target.pool ? `GPU node pool "${target.pool.name}"` : 'the GPU nodes'} depends on node labels that are not in the scanned code, or on a selector filled in when the manifest is rendered`, t.header);
            continue;
          }
          // The taint that names GPU (the configured one, or a NoSchedule taint whose key or value says gpu) names the finding.
          const taint = own.find((x) => hasGpuTaint([x.text], String(ctx.options.taint ?? GPU_TAINT))) ?? own[0]!;
          const toleration = verdict.toleratedBy.get(taint)!;
          const related = [...(t.consumedAt ? [t.consumedAt] : []), ...(target.pool && 'at' in taint ? [{ ...taint.at, label: `taint "${taint.text}" of GPU node pool "${target.pool.name}"` }] : [])];
          ctx.report({
            resource: w,
            // (The pools' taints and the tolerations key: context, not where the value came from.)
            relatedIsContext: true,
            location: toleration.at,
            related,
            attributePath: 'tolerations',
            level: daemonSet ? 'note' : undefined,
            messageId: daemonSet ? 'daemonSet' : 'tolerates',
            data: {
              workload: templateName(t),
              taint: taint.text,
              pool: target.pool ? `GPU node pool "${target.pool.name}"` : `the GPU node pools (gpu.taint; ${configTaintReason(ctx.scan, workloadPlace(w))})`,
              those: target.pool ? 'that pool' : 'them',
              // In the syntax the toleration is written in: a Terraform resource's node_selector map, a
              // kubernetes_manifest's camelCase HCL, YAML (a manifest; a heredoc or template in Terraform).
              selector: selectorFix(isTerraformCode(toleration.at.file) ? (t.syntax ?? 'hcl') : 'yaml'),
            },
          });
          return;
        }
        if (undecidedTolerations) ctx.undecided(w, 'tolerations', tolerationsUnknown ? unreadableReason(tolerationsUnknown, `${tolerationsUnknown.what} cannot be read`) : UNDECIDED_TOLERATION, tolerationsUnknown?.at ?? t.tolerationsAt ?? w.header);
        // A pool whose taints are unknown may carry a GPU taint this workload tolerates.
        const unknownPool = pools.find((p) => !p.taints);
        if (unknownPool) ctx.undecided(w, 'tolerations', `depends on the taints of GPU node pool "${unknownPool.name}", which are unknown (${unknownPool.taintsUnknown ?? 'unknown'})`, t.tolerationsAt ?? w.header);
      },
    };
  },
});

/** The node selector that keeps a workload off GPU nodes, in the syntax its object is written in. */
function selectorFix(syntax: 'blocks' | 'hcl' | 'yaml'): string {
  if (syntax === 'yaml') return `nodeSelector ${ACCELERATOR_LABEL}: ${ACCELERATOR_NVIDIA}`;
  return `${syntax === 'hcl' ? 'nodeSelector' : 'node_selector'} = { "${ACCELERATOR_LABEL}" = "${ACCELERATOR_NVIDIA}" }`;
}

/** A file of Terraform code (HCL or its JSON syntax) or a var file: where a fix is written in HCL. */
function isTerraformCode(file: string): boolean {
  return /\.(?:tf|tfvars)(?:\.json)?$/i.test(file);
}
