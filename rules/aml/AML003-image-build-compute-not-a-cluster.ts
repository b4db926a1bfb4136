import { defineRule } from '../../src/engine/define-rule.js';
import { amlComputeTypeOf, displayName, knownString, literalLeafOf, whereWritten } from '../../src/engine/facts.js';
import { isGpuSize } from '../../src/model/facts/gpu.js';
import type { Resource } from '../../src/model/resource.js';
import { locationContains, sameRange } from '../../src/core/source.js';

/** How a message names a compute of the wrong type. */
const WRONG_TYPE = { instance: 'a compute instance', other: 'not an AML compute cluster' } as const;

export default defineRule({
  meta: {
    id: 'AML003',
    name: 'image-build-compute-not-a-cluster',
    shortDescription: 'Image-build compute of a workspace is not a CPU AML compute cluster of that workspace.',
    fullDescription:
      'Azure ML builds environment images on the compute named by `image_build_compute_name` / `properties.imageBuildCompute`, and that must be an AML compute cluster (AmlCompute) of the same workspace. A compute instance, an attached Kubernetes compute or any other type cannot run image builds, so every environment build — and with it every job and deployment that needs a new image — fails. A GPU cluster can build, but each build then allocates a GPU node for minutes of CPU-only work (and waits for scarce GPU quota).',
    help: 'Point image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) at a small CPU AML compute cluster of the same workspace (e.g. a DS3_v2 size, min nodes 0) in the workspace’s virtual network.',
    level: 'error',
    tags: ['reliability', 'cost', 'aml'],
    messages: {
      notACluster:
        'ML workspace "{{name}}" builds images on "{{compute}}", which is {{what}} ({{type}}), so image builds fail; point {{attribute}} at a CPU AML compute cluster of this workspace.',
      otherWorkspace:
        'ML workspace "{{name}}" builds images on "{{compute}}", the name of a compute of workspace "{{other}}", not of this one, so image builds fail; point {{attribute}} at a CPU AML compute cluster of this workspace.',
      gpuCluster:
        'ML workspace "{{name}}" builds images on compute cluster "{{compute}}", which has GPU size "{{size}}"; image builds need only CPU, so point {{attribute}} at a small CPU cluster and keep GPU nodes for training.',
    },
  },
  create(ctx) {
    /**
     * The last segment of a compute's name (`ws/cpu-cluster` → `cpu-cluster`), when known: a
     * child name whose workspace part is unknown (`'${workspaceName}/cpu-cluster'`) still ends
     * in a literal. Read without recording "could not decide" (see below).
     */
    const leafName = (c: Resource<'ml.compute'>): string | undefined => literalLeafOf(c.name) ?? knownString(c, 'name')?.split('/').pop();
    return {
      'ml.workspace'(ws, g) {
        const ibc = ctx.fact(ws, 'imageBuildCompute');
        const target = ibc.string()?.trim();
        if (!target) return; // absent, empty (AML002's business) or unknown
        const own = g.ofKind('ml.compute').filter((c) => c.parent === ws);
        const computes = own.filter((c) => leafName(c)?.toLowerCase() === target.toLowerCase());
        if (computes.length === 0) {
          // The name read from another workspace's compute (`…compute_cluster.b_cpu.name`): that
          // compute, which is no compute of this workspace (a literal name may be one not scanned).
          const origin = ibc.value?.origin;
          // The name written in that compute's own declaration (a local both read is no reference to it).
          const elsewhere =
            origin &&
            g.ofKind('ml.compute').find((c) => {
              const written = c.attrs.get('name')?.value?.origin;
              return c.parent && c.parent !== ws && c.extent !== undefined && locationContains(c.extent, origin) && written !== undefined && sameRange(written, origin);
            });
          if (elsewhere) {
            ctx.report({
              resource: ws,
              attr: 'imageBuildCompute',
              related: [{ ...elsewhere.header, label: `compute "${target}" of workspace "${displayName(elsewhere.parent!)}"` }],
              messageId: 'otherWorkspace',
              data: { name: displayName(ws), compute: target, attribute: ibc.sourcePath, other: displayName(elsewhere.parent!) },
            });
            return;
          }
          // Compute names are unique in a workspace, so a compute whose name is unknown matters
          // only when no compute of the scanned code is known to have the target's name.
          const unnamed = own.filter((c) => leafName(c) === undefined);
          for (const c of unnamed) ctx.fact(c, 'name');
          // Not in the scanned code, or in a file evaluated apart (a CI step's `az ml compute create`
          // beside a Terraform workspace): cannot decide, and --verbose says so (RULES.md Conventions).
          if (unnamed.length === 0) ctx.undecided(ws, 'imageBuildCompute', `compute "${target}" is not among the resources evaluated with the workspace (not in the scanned code, or in a file not read with this one), so whether it is a CPU compute cluster of it is unknown`);
          return;
        }
        const types = computes.map((c) => amlComputeTypeOf(ctx, c));
        if (types.includes(undefined)) return;
        const clusters = computes.filter((_, i) => types[i] === 'cluster');
        const base = { name: displayName(ws), compute: target, attribute: ibc.sourcePath };
        if (clusters.length === 0) {
          const c = computes[0]!;
          const type = types[0] as keyof typeof WRONG_TYPE;
          // The evidence: the ARM computeType as written, else the azurerm resource type.
          const written = ctx.fact(c, 'computeTypeRaw').string() ?? c.sourceType;
          ctx.report({
            resource: ws,
            attr: 'imageBuildCompute',
            related: [{ ...c.header, label: `compute "${target}" (${written})` }],
            messageId: 'notACluster',
            data: { ...base, what: WRONG_TYPE[type], type: written },
          });
          return;
        }
        const sizes = clusters.map((c) => ctx.fact(c, 'vmSize').string());
        if (sizes.some((s) => s === undefined || !isGpuSize(s))) return; // a CPU (or not known) cluster
        const c = clusters[0]!;
        ctx.report({
          resource: ws,
          attr: 'imageBuildCompute',
          related: [{ ...whereWritten(c, 'vmSize'), label: `compute cluster "${target}" size ${sizes[0]}` }],
          messageId: 'gpuCluster',
          data: { ...base, size: sizes[0]! },
        });
      },
    };
  },
});
