import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
  meta: {
    id: 'ST001',
    name: 'storage-public-blob-access',
    shortDescription: 'Storage account allowing anonymous blob access.',
    fullDescription:
      'When a storage account allows anonymous (public) blob access, any container set to "blob" or "container" access level — by a script, a portal click or a tool default — exposes its contents to the whole internet without credentials. ML storage accounts hold training data, model artifacts and run logs, often with personal data; a single misconfigured container is a data breach.',
    help: 'Set allow_nested_items_to_be_public = false (azurerm v2: allow_blob_public_access; ARM/Bicep/azapi: properties.allowBlobPublicAccess = false). The azurerm default is true, so write it explicitly.',
    level: 'error',
    tags: ['security', 'data-protection', 'storage'],
    securitySeverity: 8.0,
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/storage/ST001-storage-public-blob-access.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const st of g.ofKind('storage')) {
          if (knownBool(st, 'allowBlobPublicAccess') !== true) continue;
          const f = st.attrs.get('allowBlobPublicAccess')!;
          const { location, related } = factLocations(st, 'allowBlobPublicAccess');
          ctx.report({
            resource: st,
            attributePath: 'allowBlobPublicAccess',
            location,
            related,
            message: `Storage account "${displayName(st)}" allows anonymous blob access (${f.defaulted ? `${f.sourcePath} is not set and defaults to true` : `${f.sourcePath} is true`}); set ${f.sourcePath} = false.`,
          });
        }
      },
    };
  },
};
export default rule;
