import { defineRule } from '../../src/engine/define-rule.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import { displayName, isKind, referenceName, registryRestriction, unscannedRegistryRestriction, type RegistryRestriction } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'AML002',
    name: 'private-registry-needs-image-build-compute',
    shortDescription: 'Workspace with a network-restricted container registry but no image-build compute.',
    fullDescription:
      'Azure ML builds environment images on serverless compute that cannot reach a container registry behind a firewall or private endpoint. Without an image-build compute cluster, every environment build (and so every job and deployment that needs a new image) fails with a registry access error.',
    help: 'Set image_build_compute_name (ARM/Bicep/azapi: properties.imageBuildCompute) to a CPU AML compute cluster in the workspace’s virtual network.',
    level: 'error',
    // Not Azure ML YAML: a workspace YAML names its registry by resource ID, and no registry is
    // defined in Azure ML YAML, so the restriction is never known there.
    formats: [...RESOURCE_FORMATS],
    tags: ['reliability', 'network', 'aml'],
    messages: {
      noImageBuildCompute:
        'ML workspace "{{name}}" has no image-build compute ({{state}}) but its registry "{{registry}}" is network-restricted ({{why}}), so image builds fail; set {{attribute}} to a CPU compute cluster.',
    },
  },
  create(ctx) {
    return {
      'ml.workspace'(ws, g) {
        const acr = g.target(ws, 'containerRegistry');
        const ref = ws.refs.get('containerRegistry');
        let restriction: RegistryRestriction | undefined;
        if (isKind(acr, 'acr')) restriction = registryRestriction(ctx, g, acr);
        else if (ref && !acr) {
          // A registry outside the scanned code (a data source, an `existing` resource, an id): a
          // scanned private endpoint with group registry to its id restricts it; otherwise whether
          // it is network-restricted is unknown, which matters only without an image-build compute.
          restriction = unscannedRegistryRestriction(ctx, g, ref);
          if (!restriction && ctx.fact(ws, 'imageBuildCompute').state === 'absent') {
            // A reference that is itself unknown says why (a module output that is not declared); a known one names a registry not scanned.
            const why = ref.kind === 'unknown' ? `the value naming its container registry is unknown (${ref.reason})` : 'its container registry is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)';
            ctx.undecided(ws, 'containerRegistry', `${why}, so whether it is network-restricted is unknown`, ref.origin);
          }
        }
        if (!restriction) return;
        const ibc = ctx.fact(ws, 'imageBuildCompute');
        // Set (or unknown): nothing to report. Absent or an empty string: no image-build compute.
        const empty = ibc.string()?.trim() === '';
        if (ibc.state !== 'absent' && !empty) return;
        const registry = acr ? displayName(acr) : referenceName(ref, 'registries');
        ctx.report({
          resource: ws,
          attr: 'imageBuildCompute',
          related: [{ ...restriction.at, label: `registry "${registry}": ${restriction.why}` }],
          messageId: 'noImageBuildCompute',
          data: {
            name: displayName(ws),
            state: empty ? `${ibc.sourcePath} is empty` : ibc.describe(),
            registry,
            why: restriction.why,
            attribute: ibc.sourcePath,
          },
        });
      },
    };
  },
});
