import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuSizeOf, known } from '../../src/engine/facts.js';
import { sameRange } from '../../src/core/source.js';
import type { Resource } from '../../src/model/resource.js';
import type { SizedKind } from '../../src/model/kinds.js';
import { workloadName } from '../../src/model/facts/gpu.js';
import { sameTagName } from '../../src/model/facts/tags.js';
import { knownTemplateWithout } from '../../src/model/tables/azure-cli.js';

export default defineRule({
  meta: {
    id: 'TAG002',
    name: 'gpu-resource-without-cost-center',
    shortDescription: 'GPU resource without a cost-center tag.',
    fullDescription:
      'GPU capacity is the largest line on most ML bills. Without a cost-center tag on the node pool, compute cluster, VM or scale set itself, cost reports cannot attribute that spend, and nobody notices an idle GPU pool until the invoice. AKS node pools do not inherit the cluster’s tags.',
    help: 'Add a `cost-center` tag (the name is configurable) to the GPU resource itself.',
    level: 'error',
    tags: ['cost', 'gpu', 'tags'],
    options: {
      costCenter: {
        description: 'The name of the cost-center tag GPU resources must carry.',
        schema: { type: 'string', minLength: 1 },
        default: 'cost-center',
        configPath: ['tags', 'costCenter'],
      },
    },
    messages: {
      noCostCenter:
        '{{workload}} "{{name}}" has GPU size "{{size}}" but no "{{tag}}" tag, so its GPU spend cannot be attributed; add a "{{tag}}" tag to its {{attribute}}.',
      templateTakesNoTags:
        '{{workload}} "{{name}}" has GPU size "{{size}}" but no "{{tag}}" tag, so its GPU spend cannot be attributed; the template {{template}} takes no tags: add --tags {{tag}}=… to the az {{command}} in a copy of it, or run az ml compute update --tags {{tag}}=… after it.',
      nearMiss:
        '{{workload}} "{{name}}" has GPU size "{{size}}" but no "{{tag}}" tag ("{{near}}" is another tag name), so its GPU spend cannot be attributed; rename "{{near}}" to "{{tag}}" in its {{attribute}}.',
    },
  },
  create(ctx) {
    const tag = ctx.options.costCenter as string;
    const check = (r: Resource<SizedKind>): void => {
      // Tagged already: no finding whatever the size, so an unknown size is not read (no "could not decide" line).
      const tagsPeek = known(r, 'tags');
      if (tagsPeek?.kind === 'object' && [...tagsPeek.entries.keys()].some((k) => sameTagName(k, tag))) return;
      const size = gpuSizeOf(ctx, r);
      if (size === undefined) return;
      const tags = ctx.fact(r, 'tags');
      const v = tags.value;
      if (tags.state === 'unknown') return;
      // A tag map (or none at all); anything else is not read as tags.
      if (v && v.kind !== 'object' && v.kind !== 'null') return;
      // (A map holding the tag returned above, before the size was read.)
      const names = v?.kind === 'object' ? [...v.entries.keys()] : [];
      // `cost_center`, `CostCenter`: cost reports group by the exact name (apart from case), so it
      // does not count, but the fix is a rename, not a new tag.
      const near = names.find((k) => spelledAlike(k, tag));
      const data = { workload: workloadName(r.kind, true), name: displayName(r), size, tag, attribute: tags.sourcePath };
      // Where the GPU size is written, when that is elsewhere than the resource's header (a var
      // file, an `az ml compute create --set size=…` of a compute file; review 130).
      const sizeAt = r.attrs.get('vmSize')?.value?.origin;
      const related = sizeAt && !sameRange(sizeAt, r.header) ? [{ ...sizeAt, label: `GPU size "${size}"` }] : [];
      // Made by a known template that has no tags input (mlops-templates create-compute): the
      // caller cannot add one, so the fix is in the template or after it (review 107).
      const template = v === undefined && r.kind === 'ml.compute' ? knownTemplateWithout(r.sourceType, 'tags') : undefined;
      if (template) {
        ctx.report({ resource: r, attr: 'tags', attributePath: `tags.${tag}`, related, messageId: 'templateTakesNoTags', data: { ...data, template: `"${template.label}"`, command: template.command } });
        return;
      }
      ctx.report({
        resource: r,
        attr: 'tags',
        attributePath: `tags.${tag}`,
        related,
        ...(near !== undefined ? { messageId: 'nearMiss' as const, data: { ...data, near } } : { messageId: 'noCostCenter' as const, data }),
      });
    };
    return { 'aks.nodepool': check, 'ml.compute': check, vm: check, vmss: check };
  },
});

/** Two tag names that differ only in case and word separators (`cost_center`, `Cost Center`, `costCenter`). */
function spelledAlike(a: string, b: string): boolean {
  const squash = (s: string): string => s.toLowerCase().replace(/[-_ .]/g, '');
  return squash(a) === squash(b);
}
