/**
 * The organisation's Azure Policy definitions as the GOV rules see them: the configured set
 * (policy files, initiatives, assignment parameters, definitions found in the scanned code)
 * and the judgement of one definition on one resource's ARM-shaped view (`policy-view.ts`).
 *
 * Effects (https://learn.microsoft.com/azure/governance/policy/concepts/effect-basics):
 * `deny` and `audit` are judged; `auditIfNotExists` only when the related resource is
 * decidable; `modify`, `append`, `deployIfNotExists`, `denyAction`, `disabled`, `manual`
 * report nothing. Modify and append run before deny and audit ("order of evaluation"), so a
 * modify/append policy that may set a field a deny reads leaves the deny undecided
 * (FORMATS.md §3(e) trap 5).
 */
import type { Location } from '../core/source.js';
import { fromJS, member, toJS, type ListValue, type Value } from '../core/value.js';
import {
  canonicalField, compare, effectOf, evaluateCondition, fieldsRead, idName, readPolicyDocument, readTerraformPolicy,
  type Evidence, type InitiativeDefinition, type PolicyDefinition, type PolicyTarget,
} from '../eval/policy/index.js';
import type { Resource } from './resource.js';
import type { PolicyJudgement, PolicySet } from './policy-judgement.js';
import { INDEXED_TYPES, NOT_INDEXED_TYPES, POLICY_ALIASES, type AliasRow } from './tables/policy-aliases.js';
import { policyTarget } from './policy-view.js';
import { POLICY_DEFINITION_ARM_TYPE, POLICY_DEFINITION_AZURERM_TYPE } from './facts/policy.js';

export type { PolicyDefinition } from '../eval/policy/index.js';
export type { PolicySet, PolicyJudgement } from './policy-judgement.js';

/** ARM type and azurerm type of a policy definition written in the scanned code. */
export { POLICY_DEFINITION_ARM_TYPE, POLICY_DEFINITION_AZURERM_TYPE };

export interface PolicySetProblem {
  message: string;
  location: Location;
}


export interface PolicySetInput {
  definitions: readonly PolicyDefinition[];
  initiatives: readonly InitiativeDefinition[];
  /** Assignment parameters by definition (or initiative) name or display name. */
  parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  extraAliases?: readonly AliasRow[];
}

function lookupIgnoreCase<T>(rec: Readonly<Record<string, T>>, ...keys: string[]): T | undefined {
  for (const k of keys) {
    const hit = Object.keys(rec).find((x) => x.toLowerCase() === k.toLowerCase());
    if (hit !== undefined) return rec[hit];
  }
  return undefined;
}

/** Builds the set: initiative members get the initiative's parameters; other definitions stand alone. */
export function buildPolicySet(input: PolicySetInput, problems: PolicySetProblem[] = []): PolicySet {
  const aliases = new Map<string, string>();
  for (const row of [...POLICY_ALIASES, ...(input.extraAliases ?? [])]) if (!aliases.has(row.alias.toLowerCase())) aliases.set(row.alias.toLowerCase(), row.path);
  const byName = new Map(input.definitions.map((d) => [d.name.toLowerCase(), d]));
  const members = new Set<PolicyDefinition>();
  const effective: PolicyDefinition[] = [];
  const assigned = (def: { name: string; displayName: string }): Readonly<Record<string, unknown>> => lookupIgnoreCase(input.parameters, def.name, def.displayName) ?? {};
  for (const ini of input.initiatives) {
    const iniParams = assigned(ini);
    const iniParam = (name: string): Value | undefined => {
      const given = lookupIgnoreCase(iniParams, name);
      if (given !== undefined) return fromJS(given);
      return ini.parameters.get(name.toLowerCase())?.defaultValue;
    };
    for (const m of ini.members) {
      const def = byName.get(idName(m.id).toLowerCase());
      if (!def) {
        const what = m.id ? `the policy definition ${m.id}, which is not among the configured definitions` : 'a policy definition without policyDefinitionId or policyDefinitionName';
        problems.push({ message: `initiative "${ini.displayName}" references ${what}; that member is not evaluated`, location: m.at ?? ini.location });
        continue;
      }
      members.add(def);
      const values = new Map<string, Value>();
      if (m.parameters?.kind === 'object') {
        for (const [k, p] of m.parameters.entries) {
          const v = member(p, 'value');
          if (!v) continue;
          const ref = v.kind === 'string' ? /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i.exec(v.value) : null;
          const resolved = ref ? iniParam(ref[1]!) : v;
          if (resolved) values.set(k.toLowerCase(), resolved);
        }
      }
      effective.push({ ...def, displayName: `${def.displayName} (initiative "${ini.displayName}")`, initiativeParameters: values });
    }
  }
  for (const d of input.definitions) if (!members.has(d)) effective.push(d);
  const set: PolicySet = {
    definitions: effective,
    aliasPath: (alias) => aliases.get(alias.toLowerCase()),
    parameter(def, name) {
      const given = lookupIgnoreCase(assigned(def), name);
      if (given !== undefined) return fromJS(given);
      const fromInitiative = def.initiativeParameters?.get(name.toLowerCase());
      if (fromInitiative) return fromInitiative;
      return def.parameters.get(name.toLowerCase())?.defaultValue;
    },
    judge: (r, siblings) => judgeResource(set, r, siblings),
  };
  return set;
}

/** A `policies.parameters` entry that cannot be what the user meant: the entry (`key`), its parameter, and why and what to do. */
export interface ParameterMistake {
  key: string;
  parameter?: string;
  /** The mistake is the parameter's value (not its name). */
  inValue?: true;
  message: string;
}

/**
 * The mistakes of the assignment parameters (config `policies.parameters`) against the loaded
 * definitions and initiatives: a key that names none of them (by name or display name, as
 * `buildPolicySet` looks them up), a parameter the named ones do not declare, a value outside
 * the parameter's `allowedValues` (compared as Azure compares strings, without case). Left
 * silent, each leaves GOV002/GOV003 judging with the defaults. `complete`: every definition
 * the user may have meant was read (no policy file failed to parse, no definition in the code
 * was left unread): otherwise a key naming none is not decided.
 */
export function parameterMistakes(input: PolicySetInput, complete: boolean): ParameterMistake[] {
  const out: ParameterMistake[] = [];
  const named = [...input.definitions, ...input.initiatives];
  for (const [key, given] of Object.entries(input.parameters)) {
    const lower = key.toLowerCase();
    const matches = named.filter((d) => d.name.toLowerCase() === lower || d.displayName.toLowerCase() === lower);
    if (matches.length === 0) {
      if (!complete) continue;
      const names = [...new Set(named.map((d) => d.name))].sort();
      const which = names.length === 0 ? 'no policy definition or initiative is loaded; add the definitions to policies.definitions' : `write the name or display name of one (${names.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}${names.length > 5 ? `, … ${names.length - 5} more` : ''})`;
      out.push({ key, message: `names no loaded policy definition or initiative, so its parameters are not used; ${which}, or remove the entry` });
      continue;
    }
    const what = matches.length === 1 ? `"${matches[0]!.displayName}"` : `the ${matches.length} definitions named "${key}"`;
    for (const [name, value] of Object.entries(given)) {
      const decls = matches.map((d) => d.parameters.get(name.toLowerCase())).filter((p): p is NonNullable<typeof p> => p !== undefined);
      if (decls.length === 0) {
        const declared = [...new Set(matches.flatMap((d) => [...d.parameters.values()].map((p) => p.name)))].sort();
        const message = declared.length === 0 ? `${what} declares no parameters, so "${name}" is not used; remove it` : `${what} declares no parameter "${name}", so its value is not used; write one of its parameters (${declared.join(', ')}), or remove it`;
        out.push({ key, parameter: name, message });
        continue;
      }
      // Allowed when one declaration allows it, or when its list is not known.
      const refused = decls.every((p) => p.allowedValues?.kind === 'list' && compare('in', fromJS(value), p.allowedValues, false) === false);
      if (refused) {
        const allowed = decls[0]!.allowedValues as ListValue;
        out.push({ key, parameter: name, inValue: true, message: `${JSON.stringify(value)} is not among the allowedValues of parameter "${decls[0]!.name}" of ${what} (${allowed.items.map((v) => (v.kind === 'string' ? v.value : JSON.stringify(toJS(v)))).join(', ')}); an assignment takes only those: write one of them` });
      }
    }
  }
  return out;
}

/** Policy definitions written in the scanned code (`policies.fromScannedCode`). */
export function definitionsInCode(resources: readonly Resource[], problems: PolicySetProblem[] = []): PolicyDefinition[] {
  const out: PolicyDefinition[] = [];
  for (const r of resources) {
    const t = r.sourceType.toLowerCase();
    if (!r.body) continue;
    const fallback = r.name?.kind === 'string' ? r.name.value : r.address;
    let doc;
    if (t === POLICY_DEFINITION_ARM_TYPE) doc = readPolicyDocument(r.body, fallback, r.header, 'scanned');
    else if (t === POLICY_DEFINITION_AZURERM_TYPE) doc = readTerraformPolicy(r.body, fallback, r.header);
    else continue;
    if (doc.kind === 'definition') out.push({ ...doc.definition, source: 'scanned' });
    else if (doc.kind === 'none') problems.push({ message: `the policy definition \`${r.address}\` is not evaluated: ${doc.reason}`, location: r.header });
  }
  return out;
}

// ---- judgement --------------------------------------------------------------------------------------

const JUDGED_EFFECTS = new Set(['deny', 'audit', 'auditifnotexists']);
const SETTING_EFFECTS = new Set(['modify', 'append']);

/** Resource-provider modes and the ARM types whose data plane they evaluate (definition-structure-basics "Resource Provider modes"). */
const RP_MODE_TYPES: Record<string, string> = {
  'microsoft.kubernetes.data': 'microsoft.containerservice/managedclusters',
  'microsoft.keyvault.data': 'microsoft.keyvault/vaults',
  'microsoft.machinelearningservices.v2.data': 'microsoft.machinelearningservices/workspaces',
};

const cache = new WeakMap<Resource, WeakMap<PolicySet, PolicyJudgement[] | undefined>>();

/** Every definition of the set judged on one resource (cached: GOV002 and GOV003 share it). Undefined for inline elements. */
function judgeResource(set: PolicySet, r: Resource, siblings: readonly Resource[]): PolicyJudgement[] | undefined {
  let perSet = cache.get(r);
  if (!perSet) cache.set(r, (perSet = new WeakMap()));
  if (perSet.has(set)) return perSet.get(set);
  const target = policyTarget(r, siblings, set.aliasPath);
  const out = target ? judgeAll(set, target) : undefined;
  if (target) for (const j of out!) j.consumer = (e) => (e.value ? target.consumer(e.value, fieldPath(set, e.field)) : undefined);
  perSet.set(set, out);
  return out;
}

/** The ARM path a field reads (`location`, an alias's path), to find its consuming attribute; undefined for other fields (a tag, `name`). */
function fieldPath(set: PolicySet, field: string): string | undefined {
  const lower = field.toLowerCase();
  if (lower === 'location' || lower === 'kind' || lower === 'tags' || lower === 'identity.type') return lower;
  if (!field.includes('/')) return undefined;
  return set.aliasPath(field);
}

function judgeAll(set: PolicySet, target: PolicyTarget): PolicyJudgement[] {
  const results = set.definitions.map((d) => judgeOne(set, d, target));
  // Modify/append run first: a deny or audit that reads a field they may set is undecided.
  const setters = results.filter((j) => j.effect !== undefined && SETTING_EFFECTS.has(j.effect) && j.result !== false);
  if (!setters.length) return results;
  for (const j of results) {
    if (j.result !== true || !j.effect || !JUDGED_EFFECTS.has(j.effect)) continue;
    const reads = fieldsRead(j.definition.if);
    for (const s of setters) {
      const sets = [...fieldsSet(s.definition.then)].filter((f) => reads.has(f));
      if (sets.length) {
        j.result = undefined;
        j.why = `the ${s.effect} policy "${s.definition.displayName}" may set ${sets.join(', ')} before it is evaluated`;
        break;
      }
    }
  }
  return results;
}

/** Fields a modify (`details.operations[].field`) or append (`details[].field`) policy sets. */
function fieldsSet(then: Value): Set<string> {
  const out = new Set<string>();
  const details = member(then, 'details');
  const ops = details?.kind === 'list' ? details : member(details, 'operations');
  if (ops?.kind !== 'list') return out;
  for (const op of ops.items) {
    const f = member(op, 'field');
    if (f?.kind === 'string') out.add(canonicalField(f.value));
  }
  return out;
}

function judgeOne(set: PolicySet, def: PolicyDefinition, target: PolicyTarget): PolicyJudgement {
  const parameter = (name: string): Value | undefined => set.parameter(def, name);
  const eff = effectOf(def.then, { parameter });
  const base = { definition: def, effect: eff.effect, evidence: [] as Evidence[] };
  const type = target.type.kind === 'string' ? target.type.value.toLowerCase() : undefined;
  const mode = def.mode?.toLowerCase();
  if (mode && mode !== 'all' && mode !== 'indexed') {
    const applies = RP_MODE_TYPES[mode];
    if (applies && type === applies) return { ...base, result: undefined, why: `mode ${def.mode} evaluates objects inside the resource (a resource-provider mode), not its ARM properties` };
    return { ...base, result: false };
  }
  if (mode === 'indexed' && type && NOT_INDEXED_TYPES.has(type)) return { ...base, result: false };
  const o = evaluateCondition(def.if, { target, parameter });
  if (o.result !== true) return { ...base, result: o.result, why: o.why, evidence: o.evidence };
  if (mode !== 'all' && !(type && INDEXED_TYPES.has(type))) {
    const t = type ?? 'this resource type';
    if (mode === 'indexed' || (type && NOT_INDEXED_TYPES.has(type))) {
      return { ...base, result: undefined, why: mode === 'indexed' ? `mode Indexed: whether ${t} supports tags and location is not in the table` : `the policy has no mode (All in PowerShell, Indexed in the CLI) and ${t} does not support tags` };
    }
  }
  if (eff.effect === undefined) return { ...base, result: undefined, why: eff.why, evidence: o.evidence };
  if (eff.effect === 'auditifnotexists') {
    const details = member(def.then, 'details');
    const rt = member(details, 'type');
    return { ...base, result: undefined, why: `auditIfNotExists: whether a related ${rt?.kind === 'string' ? rt.value : 'resource'} exists is not decidable from the scanned code`, evidence: o.evidence };
  }
  return { ...base, result: true, evidence: o.evidence };
}
