import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, readOrUndecided } from '../../src/engine/facts.js';
import { MIN_SAFE_TLS, isTlsBelow12 } from '../../src/model/facts/storage.js';

export default defineRule({
  meta: {
    id: 'ST002',
    name: 'storage-min-tls',
    shortDescription: 'Storage account minimum TLS version below 1.2.',
    fullDescription:
      'TLS 1.0 and 1.1 have known weaknesses (BEAST, POODLE-style downgrade, weak cipher suites) and are deprecated by RFC 8996. A storage account that accepts them lets a client — or an attacker forcing a downgrade — read and write training data and model artifacts over a weak channel. Azure Storage retires TLS 1.0/1.1, so such a configuration also breaks clients without notice.',
    help: 'Set min_tls_version = "TLS1_2" (ARM/Bicep/azapi: properties.minimumTlsVersion = "TLS1_2"), or remove it: TLS1_2 is the default.',
    level: 'error',
    tags: ['security', 'encryption', 'storage'],
    securitySeverity: 6.5,
    messages: {
      weakTls: 'Storage account "{{name}}" accepts TLS below 1.2 ({{state}}); set {{attribute}} to "{{safe}}".',
    },
  },
  create(ctx) {
    return {
      storage(st) {
        const tls = ctx.fact(st, 'minTls');
        const version = readOrUndecided(ctx, st, 'minTls', tls, tls.string(), 'a TLS version name');
        if (version === undefined || !isTlsBelow12(version)) return;
        ctx.report({
          resource: st,
          attr: 'minTls',
          messageId: 'weakTls',
          // An older provider's default (azurerm v2: TLS1_0) is said as one: the line to add is not there.
          data: { name: displayName(st), attribute: tls.sourcePath, state: tls.defaulted ? `${tls.sourcePath} is not set (defaults to "${version}")` : `${tls.sourcePath} is "${version}"`, safe: MIN_SAFE_TLS },
        });
      },
    };
  },
});
