/**
 * How rule modules are declared and registered. A rule module writes only what is its own
 * (ID, name, descriptions, level, messages, options, hooks); the registry derives the rest:
 * `docPath` from the rule's folder, `formats` from the hooks it implements.
 */
import type { InputFormat, Rule, RuleContext, RuleDefinition, RuleMeta, RuleVisitor } from './types.js';
import { CI_FORMATS, KIND_FORMATS, RESOURCE_FORMATS } from './types.js';
import { KINDS } from '../model/kinds.js';

/** Typed identity: `export default defineRule({ meta: {...}, create(ctx) {...} })`. */
export function defineRule<M extends string>(def: RuleDefinition<M>): RuleDefinition<M> {
  return def;
}

/** A context that records nothing: only used to see which hooks a rule implements. */
const PROBE: RuleContext = {
  options: new Proxy({}, { get: () => undefined }),
  fact: () => ({ state: 'absent', value: undefined, defaulted: false, sourcePath: '', string: () => undefined, bool: () => undefined, number: () => undefined, describe: () => '', spelled: (b) => String(b) }),
  report: () => undefined,
  undecided: () => undefined,
  undecidedAbout: () => undefined,
  relativePath: (file) => file,
  repositoryPath: (file) => file,
  repositoryNames: () => [],
  scan: { gpuNodePools: () => [] },
  today: '1970-01-01',
};

/** Formats a rule covers, from its hooks: resource hooks → every resource format (and a kind-limited format when a hook is for one of its kinds); `ciFile` → CI formats; `terraformModule` → Terraform. */
export function formatsFromHooks(visitor: RuleVisitor): InputFormat[] {
  const out = new Set<InputFormat>();
  const resourceHook = visitor.graph !== undefined || Object.keys(KINDS).some((k) => typeof visitor[k as keyof RuleVisitor] === 'function');
  if (resourceHook) for (const f of RESOURCE_FORMATS) out.add(f);
  for (const [f, kinds] of Object.entries(KIND_FORMATS) as [InputFormat, readonly string[]][]) {
    if (kinds.some((k) => typeof visitor[k as keyof RuleVisitor] === 'function')) out.add(f);
  }
  if (visitor.terraformModule) out.add('terraform');
  if (visitor.ciFile) for (const f of CI_FORMATS) out.add(f);
  return [...out];
}

/**
 * The registry: rule definitions by their folder under `rules/` (the category). Returns the
 * rules with their derived metadata, in the given order.
 */
export function registerRules(byCategory: Readonly<Record<string, readonly RuleDefinition[]>>): Rule[] {
  const out: Rule[] = [];
  for (const [category, defs] of Object.entries(byCategory)) {
    for (const def of defs) {
      const m = def.meta;
      const formats = m.formats ?? formatsFromHooks(def.create(PROBE));
      if (formats.length === 0) throw new Error(`${m.id}: implements no hook that says its formats; set meta.formats`);
      const meta: RuleMeta = { ...m, formats, docPath: `rules/${category}/${m.id}-${m.name}.md` };
      out.push({ meta, create: def.create as Rule['create'] });
    }
  }
  return out;
}
