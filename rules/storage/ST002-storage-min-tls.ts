import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, knownString } from '../../src/engine/facts.js';

/** Minimum TLS versions below 1.2, as azurerm (`TLS1_0`) and ARM (`TLS1_0`) spell them. */
const WEAK = new Set(['tls1_0', 'tls1_1']);

const rule: Rule = {
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
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/storage/ST002-storage-min-tls.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const st of g.ofKind('storage')) {
          const tls = knownString(st, 'minTls');
          if (tls === undefined || !WEAK.has(tls.toLowerCase())) continue;
          const f = st.attrs.get('minTls')!;
          const { location, related } = factLocations(st, 'minTls');
          ctx.report({
            resource: st,
            attributePath: 'minTls',
            location,
            related,
            message: `Storage account "${displayName(st)}" accepts TLS below 1.2 (${f.sourcePath} is "${tls}"); set it to "TLS1_2".`,
          });
        }
      },
    };
  },
};
export default rule;
