import { defineRule } from '../../src/engine/define-rule.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import type { Location } from '../../src/core/source.js';
import { displayName, sameRange, valueLocations } from '../../src/engine/facts.js';
import { isInlineElement } from '../../src/model/normalize.js';
import { valueAt } from '../../src/model/value-path.js';

/** "Norway East", "norwayeast", "NorwayEast" → "norwayeast". */
export function normalizeLocation(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}

export default defineRule({
  meta: {
    id: 'GOV001',
    name: 'location-not-allowed',
    shortDescription: 'Resource deployed to a region outside the allowed locations.',
    fullDescription:
      'Data-residency rules (GDPR, national health and finance regulation, customer contracts) often require that data and the compute that processes it stay in named regions. A workspace, storage account or GPU cluster created in another region copies training data there, can void a contract or a certification, and is expensive to move: most resources must be recreated and the data re-uploaded. Regions also differ in price and GPU quota.',
    help: 'Set location to one of the allowed regions (configured with `allowedLocations`), typically through a single variable or resource group location shared by all resources.',
    level: 'error',
    // Every resource format, and Azure ML YAML (its computes and workspaces carry `location`).
    formats: [...RESOURCE_FORMATS, 'azureml-yaml'],
    tags: ['governance', 'compliance', 'location'],
    options: {
      allowedLocations: {
        description: 'Azure regions resources may be deployed to (compared without case and spaces: "Norway East" = norwayeast). Empty: the rule is inactive.',
        schema: { type: 'array', items: { type: 'string', minLength: 1 } },
        default: [],
        configPath: ['allowedLocations'],
      },
    },
    messages: {
      notAllowed:
        'Resource "{{name}}" ({{type}}) is deployed to "{{location}}", which is not an allowed location ({{allowed}}); set its location to one of the allowed regions.',
    },
  },
  create(ctx) {
    const configured = ctx.options.allowedLocations as string[];
    let allowed: Set<string> | undefined;
    return {
      graph(g) {
        allowed ??= new Set(configured.map(normalizeLocation));
        if (allowed.size === 0) return; // inactive until configured
        for (const r of g.resources) {
          // Inline elements (node pool profiles, security rules) have no location of their own.
          if (isInlineElement(r)) continue;
          // `location` is not a canonical attribute: every resource writes it at the top of its body.
          const v = valueAt(r.body, 'location');
          if (v?.kind === 'unknown') ctx.undecided(r, 'location', v.reason, v.origin);
          if (v?.kind !== 'string') continue; // absent, unknown or not a string
          const loc = normalizeLocation(v.value);
          if (loc === '' || loc === 'global' || v.value.trim().startsWith('[') || allowed.has(loc)) continue;
          // Region names are letters and digits once spaces, `-` and `_` are gone ("West US 2",
          // "eastus2euap"). Anything else is a placeholder or an expression written as text
          // (`<location>`, `${LOCATION}`, `azurerm_resource_group.rg.location`): not a value
          // this rule can judge.
          if (!/^[a-z0-9]+$/.test(loc)) {
            ctx.undecided(r, 'location', `"${v.value}" is not an Azure region name (a placeholder or an expression written as text)`, v.origin);
            continue;
          }
          // RULES.md "Location": where the value was written, or the input that decided the
          // conditional that chose it; related: the chosen branch, the chain, the condition and
          // the `location` attribute that consumed it (the shared helper rules with a canonical
          // attribute use through `attr`).
          const at = valueLocations(r, v, r.site?.('location'), 'location');
          const related: Location[] = [...at.related];
          if (!sameRange(at.location, r.header)) related.push({ ...r.header, label: `resource ${r.address}` });
          ctx.report({
            resource: r,
            attributePath: 'location',
            location: at.location,
            related,
            messageId: 'notAllowed',
            data: { name: displayName(r), type: r.sourceType, location: v.value, allowed: [...allowed].join(', ') },
          });
        }
      },
    };
  },
});
