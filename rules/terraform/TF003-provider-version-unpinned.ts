import { defineRule } from '../../src/engine/define-rule.js';

/** Providers built into Terraform: they cannot (and need not) be listed in required_providers. */
const BUILTIN = new Set(['terraform']);

export default defineRule({
  meta: {
    id: 'TF003',
    name: 'provider-version-unpinned',
    shortDescription: 'Provider without a version constraint in required_providers.',
    fullDescription:
      'Without a version constraint, `terraform init` installs the newest provider release on every fresh checkout or CI runner. A major release of azurerm renames and removes arguments and changes defaults (v4 renamed `enable_rbac_authorization`, changed feature flags, required `subscription_id`), so a pipeline that worked yesterday fails — or, worse, plans destructive replacements — without a single change in the code. A root module that does not list a provider at all gets the same unpinned `hashicorp/<name>` implicitly.',
    help: 'Add the provider to `terraform { required_providers { … } }` with a source and a version constraint, e.g. `azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }`, and commit `.terraform.lock.hcl`.',
    level: 'warning',
    tags: ['reliability', 'supply-chain', 'terraform'],
    // A `terraformModule` hook says Terraform; azapi is a Terraform provider too.
    formats: ['terraform', 'azapi'],
    messages: {
      noVersion:
        'Provider "{{name}}" has no version constraint in required_providers, so every init may install a new major release; add version = "~> X.Y" to its entry.',
      noEntry:
        'Provider "{{name}}" is {{use}} here but has no required_providers entry, so Terraform installs the newest hashicorp/{{name}} unpinned; add it to required_providers with a source and a version constraint.',
    },
  },
  create(ctx) {
    return {
      terraformModule(m) {
        for (const rp of m.requiredProviders) {
          const v = rp.version;
          if (v && !(v.kind === 'string' && v.value.trim() === '')) continue; // set (or unknown)
          ctx.report({
            subject: `module:${m.dir}`,
            attributePath: `required_providers.${rp.name}`,
            location: rp.at,
            messageId: 'noVersion',
            data: { name: rp.name },
          });
        }
        // RULES.md: a missing entry matters only for root modules (they select the versions).
        if (!m.isRoot) return;
        const declared = new Set(m.requiredProviders.map((p) => p.name.toLowerCase()));
        const seen = new Set<string>();
        const uses = [...m.usedProviders, ...m.providers];
        for (const u of uses) {
          const name = u.name.toLowerCase();
          if (!name || BUILTIN.has(name) || declared.has(name) || seen.has(name)) continue;
          seen.add(name);
          const isResource = m.usedProviders.includes(u);
          ctx.report({
            subject: `module:${m.dir}`,
            attributePath: `required_providers.${name}`,
            location: u.at,
            messageId: 'noEntry',
            data: { name: u.name, use: isResource ? 'used' : 'configured' },
          });
        }
      },
    };
  },
});
