import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, readOrUndecided } from '../../src/engine/facts.js';
import type { Graph } from '../../src/engine/types.js';
import type { OpaqueModuleCall, Resource } from '../../src/model/resource.js';
import { isProjectWorkspace, predatesPublicNetworkAccess, PUBLIC_NETWORK_ACCESS_API_VERSION } from '../../src/model/facts/aml.js';

/** A private endpoint in the scanned code that targets the workspace. */
function privateEndpointOf(g: Graph, ws: Resource): Resource | undefined {
  return g.ofKind('private-endpoint').find((pe) => g.target(pe, 'target') === ws);
}

/**
 * A module call whose body is not read (a registry module, EVAL002; a linked template linted
 * without its arguments) that is passed the workspace (`private_connection_resource_id =
 * …ws.id`, `baseResource: { id: ws.id }`): a private endpoint it creates is not known.
 */
function unreadCallGivenWorkspace(g: Graph, ws: Resource): OpaqueModuleCall | undefined {
  return [...g.opaqueModules, ...g.unboundCalls].find((call) => [...call.args.values()].some((v) => g.refersTo(v, ws)));
}

export default defineRule({
  meta: {
    id: 'AML001',
    name: 'workspace-public-network-access',
    shortDescription: 'Azure ML workspace reachable from the public internet.',
    fullDescription:
      'An Azure Machine Learning workspace with public network access enabled (explicitly, or by leaving it unset: azurerm and ARM default to enabled) accepts control-plane and data-plane calls from any network. Models, datasets, credentials held in connections and the attached key vault are one leaked token away from the internet. An AI Studio / AI Foundry project takes its network settings from its hub, so the hub is judged, not the project. On workspace API versions before 2021-07-01, which have no publicNetworkAccess, a workspace is public unless a private endpoint targets it and allowPublicAccessWhenBehindVnet is not true; when a module that is not evaluated (a registry module) is passed the workspace, a private endpoint it may create is not known, and the workspace is left undecided.',
    help: 'Set public_network_access_enabled = false (AI Foundry hub: public_network_access = "Disabled"; ARM/Bicep/azapi: properties.publicNetworkAccess = "Disabled") and reach the workspace through a private endpoint. For a project, secure its hub.',
    level: { prod: 'error', unknown: 'warning', nonprod: 'note' },
    tags: ['security', 'network', 'aml'],
    securitySeverity: 7.5,
    messages: {
      publicWorkspace:
        'ML workspace "{{name}}" is reachable from the public internet because {{state}}; set {{attribute}} to {{off}} and reach it through a private endpoint.',
      legacyPublicBehindVnet:
        'ML workspace "{{name}}" is reachable from the public internet because {{state}} (API version {{api}} predates publicNetworkAccess); set {{attribute}} to false, or use API version {{since}} or later with publicNetworkAccess Disabled.',
      legacyNoPrivateEndpoint:
        'ML workspace "{{name}}" is reachable from the public internet: API version {{api}} predates publicNetworkAccess and no private endpoint in the scanned code targets the workspace; add one, or use API version {{since}} or later with publicNetworkAccess Disabled.',
    },
  },
  create(ctx) {
    return {
      'ml.workspace'(ws, g) {
        // A project inherits its hub's network settings: the hub is judged.
        const kind = ctx.fact(ws, 'workspaceKind');
        if (kind.state === 'unknown') return;
        const kindName = kind.string();
        if (kindName !== undefined && isProjectWorkspace(kindName)) {
          // Its hub is judged; a hub the scan does not hold leaves the project's access unknown.
          if (!g.target(ws, 'hub')) ctx.undecided(ws, 'publicNetworkAccess', "a project takes its hub's network settings, and its hub is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)");
          return;
        }

        const access = ctx.fact(ws, 'publicNetworkAccess');
        if (access.defaulted && ws.apiVersion !== undefined && predatesPublicNetworkAccess(ws.apiVersion)) {
          // RULES.md AML001, legacy reading (see the rule doc): public unless a private
          // endpoint targets it and allowPublicAccessWhenBehindVnet is not true.
          const behind = ctx.fact(ws, 'publicAccessBehindVnet');
          const legacy = { name: displayName(ws), api: ws.apiVersion, since: PUBLIC_NETWORK_ACCESS_API_VERSION };
          if (behind.bool() === true) {
            ctx.report({ resource: ws, attr: 'publicAccessBehindVnet', messageId: 'legacyPublicBehindVnet', data: { ...legacy, state: behind.describe(), attribute: behind.sourcePath } });
            return;
          }
          if (behind.state === 'unknown' || privateEndpointOf(g, ws)) return;
          const call = unreadCallGivenWorkspace(g, ws);
          if (call) {
            ctx.undecided(ws, 'publicNetworkAccess', `API version ${ws.apiVersion} predates publicNetworkAccess, so a private endpoint decides, and module "${call.name}" ("${call.source}"), which is ${call.partial ? 'read only up to a syntax error' : 'not evaluated'}, is passed the workspace: a private endpoint it may create is not known`);
            return;
          }
          // A file of the evaluation read only up to a syntax error may declare one after it (review 114).
          const broken = g.evaluation.incomplete?.[0];
          if (broken !== undefined) {
            ctx.undecided(ws, 'publicNetworkAccess', `API version ${ws.apiVersion} predates publicNetworkAccess, so a private endpoint decides, and ${ctx.relativePath(broken)} does not parse: a private endpoint written in what could not be read is not known`);
            return;
          }
          ctx.report({ resource: ws, messageId: 'legacyNoPrivateEndpoint', attributePath: 'publicNetworkAccess', data: legacy });
          return;
        }
        if (readOrUndecided(ctx, ws, 'publicNetworkAccess', access, access.bool(), 'Enabled or Disabled') !== true) return;
        ctx.report({
          resource: ws,
          attr: 'publicNetworkAccess',
          messageId: 'publicWorkspace',
          data: { name: displayName(ws), state: access.describe(), attribute: access.sourcePath, off: access.spelled(false) },
        });
      },
    };
  },
});
