import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, leafName } from '../../src/engine/facts.js';
import type { Graph, RuleContext } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import { RBAC_DEFAULT_API_VERSION, REMOVE_OPERATION, SECRETS_READER_ROLE, VAULT_WRITE_PERMISSION } from '../../src/model/facts/keyvault.js';

/** The access policies a vault declares: inline entries and standalone policy resources that name it. */
interface DeclaredPolicies {
  /** `none`: none in the scanned code; `unknown`: the inline list cannot be evaluated. */
  state: 'some' | 'none' | 'unknown';
  /** For the message: "2 access policies (access_policy)". */
  text: string;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? 'y' : 'ies'}`;
}

/**
 * Whether a standalone access-policy resource grants anything: an ARM/Bicep `vaults/accessPolicies`
 * child named `remove` takes policies away, and one with an empty `accessPolicies` list adds
 * none (RULES.md KV002: "empty accessPolicies" is no access policy declared).
 */
function declaresPolicies(ctx: Pick<RuleContext, 'fact'>, p: Resource<'keyvault.accesspolicy'>): boolean {
  if (leafName(p)?.toLowerCase() === REMOVE_OPERATION) return false;
  const entries = ctx.fact(p, 'entries').value;
  return !(entries?.kind === 'list' && entries.items.length === 0);
}

function declaredPolicies(ctx: Pick<RuleContext, 'fact'>, kv: Resource<'keyvault'>, g: Graph): DeclaredPolicies {
  // Read without a "could not decide" line: the vault uses access policies either way (the finding
  // is decided), an unknown list only says so in the message ("not evaluated").
  const written = kv.attrs.get('accessPolicies');
  const inline = { value: written?.value, state: written?.value?.kind === 'unknown' ? 'unknown' : 'known', sourcePath: written?.sourcePath ?? 'accessPolicies' };
  const standalone = g.ofKind('keyvault.accesspolicy').filter((p) => p.parent === kv && declaresPolicies(ctx, p)).length;
  const parts: string[] = [];
  if (inline.value?.kind === 'list' && inline.value.items.length > 0) {
    // A dynamic block over an unknown collection beside written blocks is an unknown entry.
    const known = inline.value.items.filter((i) => i.kind !== 'unknown').length;
    if (known === inline.value.items.length) parts.push(`${plural(known, 'access polic')} (${inline.sourcePath})`);
    else if (known > 0) parts.push(`at least ${plural(known, 'access polic')} (${inline.sourcePath}; more not evaluated)`);
    else parts.push(`access policies (${inline.sourcePath}, not evaluated)`);
  }
  if (standalone > 0) parts.push(plural(standalone, 'standalone access polic'));
  if (parts.length > 0) return { state: 'some', text: parts.join(' and ') };
  if (inline.state === 'unknown') return { state: 'unknown', text: `access policies (${inline.sourcePath}, not evaluated)` };
  return { state: 'none', text: '' };
}

export default defineRule({
  meta: {
    id: 'KV002',
    name: 'keyvault-rbac-authorization',
    shortDescription: 'Key Vault uses access policies instead of Azure RBAC authorization.',
    fullDescription: `With the legacy access-policy model, anyone who holds Contributor (or \`${VAULT_WRITE_PERMISSION}\`) on the vault can grant themselves access to every secret, key and certificate by adding an access policy, and those grants live outside Azure RBAC: no Privileged Identity Management, no deny assignments, no central access reviews. Azure ML workspaces keep connection secrets and customer-managed keys in this vault, so a privilege escalation here exposes the whole platform. The default depends on the API: ARM, Bicep and azapi API versions from ${RBAC_DEFAULT_API_VERSION} create vaults with RBAC when the property is absent; older API versions and azurerm create them with access policies. A vault that is explicitly set to access policies, or that declares access policies, is a warning; one that only takes the old default and declares no access policy is a note.`,
    help: `Set rbac_authorization_enabled = true (azurerm v3: enable_rbac_authorization; ARM/Bicep/azapi: properties.enableRbacAuthorization = true, or use API version ${RBAC_DEFAULT_API_VERSION} or later) and grant data-plane access with role assignments such as "${SECRETS_READER_ROLE}" instead of access policies.`,
    level: 'warning',
    tags: ['security', 'identity', 'keyvault'],
    securitySeverity: 5.0,
    messages: {
      accessPolicies:
        'Key Vault "{{name}}" uses access policies instead of Azure RBAC because {{state}}; set {{attribute}} to true and grant access with role assignments.',
      defaultWithPolicies:
        'Key Vault "{{name}}" uses access policies because {{state}}{{api}} and it declares {{policies}}; {{fix}} and grant role assignments.',
      defaultNoPolicies:
        'Key Vault "{{name}}" gets the access-policy model because {{state}}{{api}}, though it declares no access policy; {{fix}} to use Azure RBAC.',
    },
  },
  create(ctx) {
    return {
      keyvault(kv, g) {
        const rbac = ctx.fact(kv, 'rbacAuthorization');
        if (rbac.bool() !== false) return;
        const data = { name: displayName(kv), state: rbac.describe(), attribute: rbac.sourcePath };
        if (!rbac.defaulted) {
          ctx.report({ resource: kv, attr: 'rbacAuthorization', messageId: 'accessPolicies', data });
          return;
        }
        // Absent: the default of the API version (azurerm sends false itself), or of the Azure CLI
        // version a step pins (`defaultSetBy`: raising it is a fix too).
        const api = kv.apiVersion !== undefined ? ` on API version ${kv.apiVersion}` : '';
        const setBy = kv.attrs.get('rbacAuthorization')?.defaultSetBy;
        const fix = `set ${rbac.sourcePath} to true${setBy ? ` (or ${setBy.fix})` : ''}`;
        const policies = declaredPolicies(ctx, kv, g);
        if (policies.state === 'none') {
          ctx.report({ resource: kv, attr: 'rbacAuthorization', messageId: 'defaultNoPolicies', level: 'note', data: { ...data, api, fix } });
          return;
        }
        ctx.report({ resource: kv, attr: 'rbacAuthorization', messageId: 'defaultWithPolicies', data: { ...data, api, fix, policies: policies.text } });
      },
    };
  },
});
