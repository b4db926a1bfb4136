import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, isKind, leafName, readOrUndecided, whereWritten } from '../../src/engine/facts.js';
import { isPublicContainerAccess, PRIVATE_CONTAINER_ACCESS } from '../../src/model/facts/storage.js';

export default defineRule({
  meta: {
    id: 'ST001',
    name: 'storage-public-blob-access',
    shortDescription: 'Storage account allowing anonymous blob access.',
    fullDescription:
      'When a storage account allows anonymous (public) blob access, any container set to "blob" or "container" access level — by a script, a portal click or a tool default — exposes its contents to the whole internet without credentials. ML storage accounts hold training data, model artifacts and run logs, often with personal data; a single misconfigured container is a data breach. An explicit allow is an error; the azurerm default (which allows it) is a warning, since containers can then be made public; a scanned container that is public on such an account is an error at the container.',
    help: 'Set allow_nested_items_to_be_public = false (azurerm v2: allow_blob_public_access; ARM/Bicep/azapi: properties.allowBlobPublicAccess = false). The azurerm default is true, so write it explicitly. Keep containers private (container_access_type = "private"; ARM publicAccess: None) and share data with SAS tokens or Microsoft Entra ID instead.',
    level: 'error',
    tags: ['security', 'data-protection', 'storage'],
    securitySeverity: 8.0,
    messages: {
      publicBlobAccess: 'Storage account "{{name}}" allows anonymous blob access because {{state}}; set {{attribute}} to false.',
      containersCanBePublic:
        'Containers of storage account "{{name}}" can be made public because {{state}}, the azurerm provider default; set {{attribute}} to false.',
      publicContainer:
        'Container "{{name}}" is readable by anyone without credentials: {{state}}, and storage account "{{account}}" allows it as {{accountState}}; set {{attribute}} to "{{private}}" or {{accountAttribute}} to false.',
    },
  },
  create(ctx) {
    return {
      storage(st) {
        const allow = ctx.fact(st, 'allowBlobPublicAccess');
        if (readOrUndecided(ctx, st, 'allowBlobPublicAccess', allow, allow.bool(), 'true or false') !== true) return;
        // ARM's default is false, so a defaulted true is the azurerm provider's.
        const defaulted = allow.defaulted;
        // "Containers can be made public" holds only where there are containers: a FileStorage
        // account (premium Azure Files) has no Blob service (review 91). A kind not known: undecided.
        if (defaulted) {
          const kind = ctx.fact(st, 'accountKind');
          if (kind.state === 'unknown' || kind.string()?.toLowerCase() === 'filestorage') return;
        }
        ctx.report({
          resource: st,
          attr: 'allowBlobPublicAccess',
          messageId: defaulted ? 'containersCanBePublic' : 'publicBlobAccess',
          level: defaulted ? 'warning' : undefined,
          data: { name: displayName(st), state: allow.describe(), attribute: allow.sourcePath },
        });
      },
      'storage.container'(container) {
        const access = ctx.fact(container, 'publicAccess');
        const level = readOrUndecided(ctx, container, 'publicAccess', access, access.string(), 'an access level');
        if (level === undefined || !isPublicContainerAccess(level)) return;
        const account = container.parent;
        if (!isKind(account, 'storage')) {
          // Whether the account allows blob public access decides; which account it is, is what is not known (review 85).
          const ref = container.refs.get('storage');
          const why =
            ref?.kind === 'unknown'
              ? `depends on whether its storage account allows blob public access, and the account is named by a value that is not known (${ref.reason})`
              : 'depends on whether its storage account allows blob public access, and the account is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)';
          ctx.undecided(container, 'publicAccess', why);
          return;
        }
        const allow = ctx.fact(account, 'allowBlobPublicAccess');
        if (readOrUndecided(ctx, container, 'publicAccess', allow, allow.bool(), 'true or false for its account\'s blob public access') !== true) return;
        ctx.report({
          resource: container,
          attr: 'publicAccess',
          messageId: 'publicContainer',
          related: [{ ...whereWritten(account, 'allowBlobPublicAccess'), label: `storage account ${displayName(account)}: ${allow.describe()}` }],
          data: {
            name: leafName(container) ?? displayName(container),
            state: access.describe(),
            account: displayName(account),
            accountState: allow.describe(),
            attribute: access.sourcePath,
            private:
              container.format === 'terraform' || container.format === 'azure-cli' ? PRIVATE_CONTAINER_ACCESS[container.format] : PRIVATE_CONTAINER_ACCESS.arm,
            accountAttribute: allow.sourcePath,
          },
        });
      },
    };
  },
});
