import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, isUnknown, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
  meta: {
    id: 'KV001',
    name: 'keyvault-purge-protection',
    shortDescription: 'Key Vault without purge protection.',
    fullDescription:
      'Without purge protection a deleted Key Vault (or a deleted key, secret or certificate) can be purged immediately, by mistake or by an attacker, and is gone for good. Azure ML workspaces keep their connection secrets and customer-managed keys there; losing the vault bricks the workspace.',
    help: 'Set purge_protection_enabled = true (ARM/Bicep/azapi: properties.enablePurgeProtection = true). It cannot be turned off again, which is the point.',
    level: { prod: 'error', unknown: 'warning', nonprod: 'off' },
    tags: ['security', 'reliability', 'keyvault'],
    securitySeverity: 5.5,
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/keyvault/KV001-keyvault-purge-protection.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kv of g.ofKind('keyvault')) {
          if (isUnknown(kv, 'purgeProtection')) ctx.undecided?.(kv, 'purgeProtection');
          if (knownBool(kv, 'purgeProtection') !== false) continue;
          const f = kv.attrs.get('purgeProtection')!;
          const { location, related } = factLocations(kv, 'purgeProtection');
          ctx.report({
            resource: kv,
            attributePath: 'purgeProtection',
            location,
            related,
            message: `Key Vault "${displayName(kv)}" has no purge protection (${f.defaulted ? `${f.sourcePath} is not set` : `${f.sourcePath} is false`}); deleted secrets and keys can be purged for good. Enable purge protection.`,
          });
        }
      },
    };
  },
};
export default rule;
