import { defineRule } from '../../src/engine/define-rule.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { displayName } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import { isKnownAttr } from '../../src/model/kinds.js';
import { valueAt } from '../../src/model/value-path.js';
import { isTaggable, sameTagName } from '../../src/model/facts/tags.js';

/** `tag "owner"` / `tags "owner", "cost-center"`, and the pronoun that refers back to them. */
function tagList(names: string[]): { tags: string; them: string } {
  const list = names.map((t) => `"${t}"`).join(', ');
  return names.length > 1 ? { tags: `tags ${list}`, them: 'them' } : { tags: `tag ${list}`, them: 'it' };
}

export default defineRule({
  meta: {
    id: 'TAG001',
    name: 'missing-required-tags',
    shortDescription: 'Taggable resource missing a required tag.',
    fullDescription:
      'Tags are how Azure Cost Management, budgets, chargeback and Azure Policy know who owns a resource and what it is for. An untagged ML workspace, storage account or GPU cluster shows up as unattributed spend nobody can be asked about, escapes tag-based policies and clean-up automation, and is typically found only when the invoice arrives. Tags set after the fact miss all the cost already incurred.',
    help: 'Add every required tag (configured with `requiredTags`) to the resource’s tags, for example through a shared `local.common_tags` merged into each resource’s tags.',
    level: 'warning',
    // Every resource format, and Azure ML YAML (its computes and workspaces carry `tags`).
    formats: [...RESOURCE_FORMATS, 'azureml-yaml'],
    tags: ['governance', 'cost', 'tags'],
    options: {
      required: {
        description: 'Tag names every taggable resource must carry (compared without case). Empty: the rule is inactive.',
        schema: { type: 'array', items: { type: 'string', minLength: 1 } },
        default: [],
        configPath: ['tags', 'required'],
      },
    },
    messages: {
      noTags: 'Resource "{{name}}" ({{type}}) has no tags, so it lacks the required {{tags}}; add {{tagsAttribute}} with {{them}}.',
      missingTags: 'Resource "{{name}}" ({{type}}) lacks the required {{tags}}; add {{them}} to its {{attribute}}.',
    },
  },
  create(ctx) {
    const required = ctx.options.required as string[];
    return {
      graph(g) {
        if (required.length === 0) return; // inactive until configured
        for (const r of g.resources) {
          if (!isTaggable(r)) continue;
          // The canonical `tags` of a modelled kind; for other types, `tags` as written in the body.
          const fact = isKnownAttr(r.kind, 'tags') ? ctx.fact(r as Resource, 'tags' as never) : undefined;
          if (fact?.state === 'unknown') continue;
          let v: Value | undefined = fact?.value;
          let body: { location: Location; related: Location[] } | undefined;
          // A `null` an input passed (`tags = var.tags`, its default null): the attribute's own place
          // (where the null is written), as TAG002 says it (self-review 88).
          const nulled = fact !== undefined && r.attrs.get('tags')?.nulled !== undefined;
          if (fact?.state !== 'known' && !nulled) {
            v = valueAt(r.body, 'tags');
            if (v?.kind === 'unknown') {
              ctx.undecided(r, 'tags', v.reason, v.origin);
              continue;
            }
            const related = [...(v?.via ?? [])];
            if (v?.origin) related.push({ ...r.header, label: `resource ${r.address}` });
            body = { location: v?.origin ?? r.header, related };
          }
          let keys: string[];
          if (!v || v.kind === 'null') keys = [];
          else if (v.kind === 'object') keys = [...v.entries.keys()];
          else continue; // not a map: never reported
          const missing = required.filter((t) => !keys.some((k) => sameTagName(k, t)));
          if (missing.length === 0) continue;
          const absent = !v || v.kind === 'null';
          // The attribute as the format names it (`tags`; `--tags`/`--nodepool-tags` for az commands).
          const attribute = fact?.sourcePath ?? 'tags';
          const data = { name: displayName(r), type: r.sourceType, attribute, tagsAttribute: attribute === 'tags' ? 'a tags map' : attribute, ...tagList(missing) };
          const messageId = absent ? 'noTags' : 'missingTags';
          if (body) ctx.report({ resource: r, attributePath: 'tags', location: body.location, related: body.related, messageId, data });
          else ctx.report({ resource: r, attr: 'tags', messageId, data });
        }
      },
    };
  },
});
