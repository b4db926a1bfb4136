import type { Rule } from '../../src/engine/types.js';
import { amlComputeType, displayName, factLocations, knownString, leafName } from '../../src/engine/facts.js';
import { isGpuSize } from '../../src/model/gpu.js';

const TYPE_NAMES: Record<string, string> = { instance: 'a compute instance', other: 'not an AML compute cluster' };

const rule: Rule = {
  meta: {
    id: 'AML003',
    name: 'image-build-compute-not-a-cluster',
    shortDescription: 'Image-build compute of a workspace is not a CPU AML compute cluster of that workspace.',
    fullDescription:
      'Azure ML builds environment images on the compute named by `image_build_compute_name` / `properties.imageBuildCompute`, and that must be an AML compute cluster (AmlCompute) of the same workspace. A compute instance, an attached Kubernetes compute or any other type cannot run image builds, so every environment build — and with it every job and deployment that needs a new image — fails. A GPU cluster can build, but each build then allocates a GPU node for minutes of CPU-only work (and waits for scarce GPU quota).',
    help: 'Point image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) at a small CPU AML compute cluster of the same workspace (e.g. Standard_DS3_v2, min nodes 0) in the workspace’s virtual network.',
    level: 'error',
    tags: ['reliability', 'cost', 'aml'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML003-image-build-compute-not-a-cluster.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind('ml.workspace')) {
          const ibc = knownString(ws, 'imageBuildCompute')?.trim();
          if (!ibc) continue; // absent, empty (AML002's business) or unknown
          const computes = g
            .ofKind('ml.compute')
            .filter((c) => c.parent === ws && leafName(c)?.toLowerCase() === ibc.toLowerCase());
          if (computes.length === 0) continue; // not in the scanned code: cannot decide
          const types = computes.map((c) => amlComputeType(c));
          if (types.includes(undefined)) continue;
          const clusters = computes.filter((c) => amlComputeType(c) === 'cluster');
          const { location, related } = factLocations(ws, 'imageBuildCompute');
          if (clusters.length === 0) {
            const c = computes[0]!;
            const what = TYPE_NAMES[amlComputeType(c)!]!;
            ctx.report({
              resource: ws,
              attributePath: 'imageBuildCompute',
              location,
              related: [...related, { ...c.header, label: `compute "${ibc}" (${c.sourceType})` }],
              message: `ML workspace "${displayName(ws)}" builds images on "${ibc}", which is ${what} (${c.sourceType}), so image builds fail; point the image-build compute at a CPU AML compute cluster of this workspace.`,
            });
            continue;
          }
          const sizes = clusters.map((c) => knownString(c, 'vmSize'));
          if (sizes.some((s) => s === undefined || !isGpuSize(s))) continue; // a CPU (or not known) cluster
          const c = clusters[0]!;
          ctx.report({
            resource: ws,
            attributePath: 'imageBuildCompute',
            location,
            related: [...related, { ...factLocations(c, 'vmSize').location, label: `compute cluster "${ibc}" size ${sizes[0]}` }],
            message: `ML workspace "${displayName(ws)}" builds images on compute cluster "${ibc}", which has GPU size "${sizes[0]}"; image builds need only CPU, so use a small CPU cluster and keep GPU nodes for training.`,
          });
        }
      },
    };
  },
};
export default rule;
