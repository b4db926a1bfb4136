import type { Location } from '../../src/core/source.js';
import type { Graph, Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import { displayName, factLocations, knownBool, knownString } from '../../src/engine/facts.js';

/** Why a registry is network-restricted, with the place that restricts it; undefined if it is not (or not known). */
export function registryRestriction(g: Graph, acr: Resource): { why: string; at: Location } | undefined {
  if (knownBool(acr, 'publicNetworkAccess') === false) return { why: 'public network access is disabled', at: factLocations(acr, 'publicNetworkAccess').location };
  if (knownString(acr, 'networkDefaultAction')?.toLowerCase() === 'deny') return { why: 'its network rule set denies by default', at: factLocations(acr, 'networkDefaultAction').location };
  for (const pe of g.ofKind('private-endpoint')) {
    if (g.target(pe, 'target') !== acr) continue;
    const groups = pe.attrs.get('groupIds')?.value;
    if (groups?.kind === 'list' && groups.items.some((x) => x.kind === 'string' && x.value.toLowerCase() === 'registry'))
      return { why: `private endpoint "${displayName(pe)}" (group registry) targets it`, at: { ...pe.header, label: 'private endpoint' } };
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'AML002',
    name: 'private-registry-needs-image-build-compute',
    shortDescription: 'Workspace with a network-restricted container registry but no image-build compute.',
    fullDescription:
      'Azure ML builds environment images on serverless compute that cannot reach a container registry behind a firewall or private endpoint. Without an image-build compute cluster, every environment build (and so every job and deployment that needs a new image) fails with a registry access error.',
    help: 'Set image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) to a CPU AML compute cluster in the workspace’s virtual network.',
    level: 'error',
    tags: ['reliability', 'network', 'aml'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML002-private-registry-needs-image-build-compute.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind('ml.workspace')) {
          const acr = g.target(ws, 'containerRegistry');
          if (!acr || acr.kind !== 'acr') continue;
          const restriction = registryRestriction(g, acr);
          if (!restriction) continue;
          const ibc = ws.attrs.get('imageBuildCompute')?.value;
          if (ibc && !(ibc.kind === 'string' && ibc.value.trim() === '')) continue; // set (or unknown)
          const { location, related } = factLocations(ws, 'imageBuildCompute');
          ctx.report({
            resource: ws,
            attributePath: 'imageBuildCompute',
            location,
            related: [...related, { ...restriction.at, label: `registry "${displayName(acr)}": ${restriction.why}` }],
            message: `ML workspace "${displayName(ws)}" uses registry "${displayName(acr)}", which is network-restricted (${restriction.why}), but has no image-build compute, so environment image builds fail; set it to a CPU compute cluster.`,
          });
        }
      },
    };
  },
};
export default rule;
