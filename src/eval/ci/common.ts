/**
 * Readers shared by the GitHub Actions and Azure Pipelines halves of the CI model: scalars,
 * entries, `env:`/`variables:` and `uses:` references, each with its positions.
 */
import type { YamlEntryNode, YamlTree } from '../../parse/yaml/ci.js';
import type { CiEntry, CiScalar, CiScript, CiTemplateRef, CiVariable } from './types.js';
import { conditionChain, type TemplateCondition } from './template-conditions.js';

/** Scripts by the address of the step that holds them (the parser's snippet subjects). */
export type ScriptsBySubject = ReadonlyMap<string, CiScript[]>;

export function scalarOf(node: YamlTree | undefined): CiScalar | undefined {
  return node?.type === 'scalar' ? { text: node.value, range: node.range } : undefined;
}

export function entryOfNode(e: YamlEntryNode): CiEntry {
  const out: CiEntry = { key: e.key, keyRange: e.keyRange, range: e.range };
  if (e.value) {
    if (e.value.type === 'scalar') out.value = e.value.value;
    out.valueRange = e.value.range;
  }
  return out;
}

/** The entries of a mapping (none for anything else). */
export function entriesOf(node: YamlTree | undefined): CiEntry[] {
  return node?.type === 'map' ? node.entries.map(entryOfNode) : [];
}

/** Scalar items of a scalar or a list (`needs: a`, `needs: [a, b]`). */
export function stringsOf(node: YamlTree | undefined): string[] {
  if (node?.type === 'scalar') return node.value === '' ? [] : [node.value];
  if (node?.type === 'seq') return node.items.flatMap((i) => (i.type === 'scalar' ? [i.value] : []));
  return [];
}

/** `${{ if … }}`, `${{ else }}`, `${{ each … }}`: an Azure Pipelines template expression used as a key. */
export function isExpressionKey(key: string): boolean {
  return /^\$\{\{.*\}\}$/s.test(key.trim());
}

/** GitHub `env:` (a mapping of names to values). */
export function envOf(node: YamlTree | undefined, scope: CiVariable['scope']): CiVariable[] {
  if (node?.type !== 'map') return [];
  return node.entries.map((e) => {
    const v: CiVariable = { name: e.key, nameRange: e.keyRange, kind: 'value', source: 'env', scope };
    const s = scalarOf(e.value);
    if (s) v.value = s;
    return v;
  });
}

/**
 * Azure Pipelines `variables:` in both forms — a mapping of names to values, or a list of
 * `{ name, value, readonly }`, `{ group }` and `{ template }` entries — through
 * `${{ if }}`/`${{ else }}` blocks (their variables are marked with the conditions).
 */
export function variablesOf(node: YamlTree | undefined, scope: CiVariable['scope'], conditions: string[] = [], when: TemplateCondition[] | undefined = []): CiVariable[] {
  const out: CiVariable[] = [];
  const mark = (v: CiVariable): CiVariable => (conditions.length ? { ...v, conditions: [...conditions], ...(when ? { when: [...when] } : {}) } : v);
  // `${{ if }}` then `${{ else }}`: a chain across a mapping's keys, or across a list's one-key items.
  const nested = (e: YamlEntryNode, own: TemplateCondition[] | undefined): CiVariable[] => variablesOf(e.value, scope, [...conditions, e.key.trim()], when && own ? [...when, ...own] : undefined);
  if (node?.type === 'map') {
    const chain = conditionChain(node.entries.map((e) => e.key));
    for (const [i, e] of node.entries.entries()) {
      if (isExpressionKey(e.key)) {
        out.push(...nested(e, chain[i]));
        continue;
      }
      const v: CiVariable = { name: e.key, nameRange: e.keyRange, kind: 'value', source: 'variables', scope };
      const s = scalarOf(e.value);
      if (s) v.value = s;
      out.push(mark(v));
    }
  } else if (node?.type === 'seq') {
    const chain = conditionChain(node.items.map((item) => (item.type === 'map' && item.entries.length === 1 ? item.entries[0]!.key : undefined)));
    for (const [i, item] of node.items.entries()) {
      if (item.type !== 'map') continue;
      const first = item.entries[0];
      if (first && isExpressionKey(first.key)) {
        const own = item.entries.length === 1 ? [chain[i]] : conditionChain(item.entries.map((e) => e.key));
        item.entries.forEach((e, k) => out.push(...nested(e, own[k])));
        continue;
      }
      const get = (k: string): YamlEntryNode | undefined => item.entries.find((e) => e.key === k);
      const name = get('name');
      const group = get('group');
      const template = get('template');
      if (name?.value?.type === 'scalar') {
        const v: CiVariable = { name: name.value.value, nameRange: name.value.range, kind: 'value', source: 'variables', scope };
        const s = scalarOf(get('value')?.value);
        if (s) v.value = s;
        const ro = get('readonly')?.value;
        if (ro?.type === 'scalar' && ro.value.toLowerCase() === 'true') v.readonly = true;
        out.push(mark(v));
      } else if (group?.value?.type === 'scalar') {
        out.push(mark({ name: group.value.value, nameRange: group.value.range, kind: 'group', source: 'variables', scope }));
      } else if (template?.value?.type === 'scalar') {
        out.push(mark({ name: template.value.value, nameRange: template.value.range, kind: 'template', source: 'variables', scope }));
      }
    }
  }
  return out;
}

/** An Azure Pipelines `template:` value: `path[@repository]`. */
export function templateRefOf(node: YamlTree | undefined): CiTemplateRef | undefined {
  if (node?.type !== 'scalar') return undefined;
  const text = node.value.trim();
  const at = text.lastIndexOf('@');
  // `@` inside `${{ }}` is not a repository separator.
  const ref: CiTemplateRef = { text: node.value, range: node.range, path: text };
  if (at > 0 && !text.slice(at).includes('}}')) {
    ref.path = text.slice(0, at);
    // `@self` is the pipeline's own repository (Learn, "Template expressions … @self"): a local template.
    if (text.slice(at + 1).toLowerCase() !== 'self') ref.repository = text.slice(at + 1);
  }
  return ref;
}
