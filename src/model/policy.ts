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
  canonicalField, effectOf, evaluateCondition, fieldsRead, idName, readPolicyDocument, readTerraformPolicy,
  type Evidence, type InitiativeDefinition, type PolicyDefinition, type PolicyTarget,
} from '../eval/policy/index.js';
import type { Resource } from './resource.js';
import type { PolicyJudgement, PolicySet } from './policy-judgement.js';
import { INDEXED_TYPES, NOT_INDEXED_TYPES, POLICY_ALIASES, type AliasRow } from './tables/policy-aliases.js';
import { policyTarget } from './policy-view.js';
import { POLICY_DEFINITION_ARM_TYPE, POLICY_DEFINITION_AZURERM_TYPE, POLICY_SET_DEFINITION_ARM_TYPE, POLICY_SET_DEFINITION_AZURERM_TYPES } from './facts/policy.js';

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
  /**
   * `error`: certain (a config error, exit 2): a parameter no candidate definition declares
   * while each one's parameters are known, a value outside known allowedValues. `notice`: a key
   * that names no definition or initiative the run read (said on stderr, the run goes on).
   */
  severity: 'error' | 'notice';
  message: string;
}

/** What decides a key that names nothing read (`parameterMistakes`). */
export interface NameSearch {
  /**
   * Nothing that may hold a definition was left unread (a broken policy file, a definition in
   * the code that is not evaluated): otherwise a key naming none read is not said at all.
   */
  complete: boolean;
  /**
   * The definitions come from the scanned code too (`policies.fromScannedCode`): which the run
   * reads depends on what it could read (a registry module without its `terraform init` copy
   * may write one), so a key naming none read is a notice, never a config error.
   */
  fromCode: boolean;
  /** Initiatives written in the scanned code (`initiativesInCode`), which are not read. */
  codeInitiatives?: readonly CodeInitiative[];
}

/** Whether a key names the definition or initiative (by name or display name, without case: as `buildPolicySet` looks them up). */
const names = (key: string, d: { name?: string; displayName?: string }): boolean => [d.name, d.displayName].some((n) => n !== undefined && n.toLowerCase() === key.toLowerCase());

/** A definition of the code whose name is not known (`PolicyDefinition.unknownName`); an initiative's is always known (a policy file's). */
const nameUnknown = (d: PolicyDefinition | InitiativeDefinition): boolean => 'unknownName' in d && d.unknownName === true;

/**
 * The mistakes of the assignment parameters (config `policies.parameters`) against the loaded
 * definitions and initiatives (README "Azure Policy"). Left silent, each leaves GOV002/GOV003
 * judging with the defaults. Only what is certain is an error: a definition of the code whose
 * name is not known may be the one a key names, one whose `parameters` is not known may declare
 * any parameter, an allowedValues list that is not known allows anything.
 */
export function parameterMistakes(input: PolicySetInput, search: NameSearch): ParameterMistake[] {
  const out: ParameterMistake[] = [];
  const named = [...input.definitions, ...input.initiatives];
  // Definitions any key may name (their name is not known): each is a candidate of every key.
  const unnamed = input.definitions.filter(nameUnknown);
  for (const [key, given] of Object.entries(input.parameters)) {
    const matches = named.filter((d) => !nameUnknown(d) && names(key, d));
    if (matches.length === 0) {
      const initiative = search.codeInitiatives?.find((i) => names(key, i));
      if (initiative) {
        out.push({ key, severity: 'notice', message: `names the initiative \`${initiative.address}\` written in the scanned code, and policies.fromScannedCode reads policy definitions only, not initiatives, so its parameters are not used; add the initiative's JSON to policies.definitions, or give its member definitions' parameters under their own names` });
        continue;
      }
      if (!search.complete || unnamed.length > 0) continue;
      const known = [...new Set(named.filter((d) => !nameUnknown(d)).map((d) => d.name))].sort();
      const which = known.length === 0 ? 'no policy definition or initiative is loaded; add the definitions to policies.definitions' : `write the name or display name of one (${known.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}${known.length > 5 ? `, … ${known.length - 5} more` : ''})`;
      out.push({ key, severity: search.fromCode ? 'notice' : 'error', message: `names no ${search.fromCode ? 'policy definition or initiative the run read' : 'loaded policy definition or initiative'}, so its parameters are not used; ${which}, or remove the entry` });
      continue;
    }
    const what = matches.length === 1 ? `"${matches[0]!.displayName}"` : `the ${matches.length} definitions named "${key}"`;
    // Every definition the key may name: those it names, and those whose name is not known.
    const candidates = [...matches, ...unnamed];
    for (const [name, value] of Object.entries(given)) {
      const decls = candidates.map((d) => d.parameters.get(name.toLowerCase())).filter((p): p is NonNullable<typeof p> => p !== undefined);
      // A candidate whose parameters are not known may declare it, with any allowedValues.
      if (candidates.some((d) => d.parametersUnknown)) continue;
      if (decls.length === 0) {
        const declared = [...new Set(matches.flatMap((d) => [...d.parameters.values()].map((p) => p.name)))].sort();
        const message = declared.length === 0 ? `${what} declares no parameters, so "${name}" is not used; remove it` : `${what} declares no parameter "${name}", so its value is not used; write one of its parameters (${declared.join(', ')}), or remove it`;
        out.push({ key, parameter: name, severity: 'error', message });
        continue;
      }
      // Refused when every declaration refuses it (one that allows it, or whose list is not known, decides nothing).
      const refusals = decls.map((p) => refusal(value, p.allowedValues));
      if (refusals.every((r) => r !== undefined)) {
        const allowed = decls[0]!.allowedValues as ListValue;
        const list = allowed.items.map((v) => (v.kind === 'string' ? v.value : JSON.stringify(toJS(v)))).join(', ');
        const r = refusals[0]!;
        const subject = Array.isArray(value) ? `${JSON.stringify(r.element)} (in ${JSON.stringify(value)})` : JSON.stringify(value);
        const fix = r.differentCase !== undefined ? `allowed values are compared with case when a policy is assigned: write ${JSON.stringify(r.differentCase)}` : Array.isArray(value) ? 'an assignment takes only those: each element must be one of them' : 'an assignment takes only those: write one of them';
        out.push({ key, parameter: name, inValue: true, severity: 'error', message: `${subject} is not among the allowedValues of parameter "${decls[0]!.name}" of ${what} (${list}); ${fix}` });
      }
    }
  }
  return out;
}

/**
 * Why Azure refuses `value` for a parameter whose `allowedValues` is `allowed`, or undefined
 * when it does not or that is not certain. Azure Policy compares the assigned value with the
 * allowed values with case ("Allowed value comparisons are case-sensitive when assigning a
 * policy": Learn, "Azure Policy definition structure parameters", Parameter properties,
 * allowedValues, https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-parameters),
 * and checks each element of an array value (the page's own input for an array parameter with
 * allowedValues is `["westus", "eastus2"]`). Decided only against a known list of strings,
 * numbers and booleans, for an element of a kind the list holds: a list of arrays or objects,
 * or a value of another kind (a type mismatch, refused for another reason), decides nothing.
 * `differentCase`: the allowed value the element equals without case.
 */
function refusal(value: unknown, allowed: Value | undefined): { element: unknown; differentCase?: string } | undefined {
  if (allowed?.kind !== 'list' || !allowed.items.every((i) => i.kind === 'string' || i.kind === 'number' || i.kind === 'bool')) return undefined;
  const items = allowed.items.map((i) => toJS(i));
  const refused = (e: unknown): boolean => (typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean') && items.some((i) => typeof i === typeof e) && !items.includes(e);
  // A scalar is compared as it is; an array's elements each (the list holds scalars only).
  if (!Array.isArray(value)) return refused(value) ? { element: value, ...differentCase(value, items) } : undefined;
  const element = value.find(refused);
  return element === undefined ? undefined : { element, ...differentCase(element, items) };
}

function differentCase(e: unknown, items: readonly unknown[]): { differentCase?: string } {
  const hit = typeof e === 'string' ? items.find((i): i is string => typeof i === 'string' && i.toLowerCase() === e.toLowerCase()) : undefined;
  return hit === undefined ? {} : { differentCase: hit };
}

/** An initiative written in the scanned code (not read: `NameSearch.codeInitiatives`), by the names that are known. */
export interface CodeInitiative {
  name: string | undefined;
  displayName: string | undefined;
  address: string;
}

/** The initiatives (policy set definitions) written in the scanned code. */
export function initiativesInCode(resources: readonly Resource[]): CodeInitiative[] {
  const out: CodeInitiative[] = [];
  for (const r of resources) {
    const t = r.sourceType.toLowerCase();
    const arm = t === POLICY_SET_DEFINITION_ARM_TYPE;
    if (!arm && !POLICY_SET_DEFINITION_AZURERM_TYPES.includes(t)) continue;
    const display = arm ? member(member(r.body, 'properties'), 'displayName') : member(r.body, 'display_name');
    out.push({ name: r.name?.kind === 'string' ? r.name.value : undefined, displayName: display?.kind === 'string' ? display.value : undefined, address: r.address });
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
    let display: Value | undefined;
    if (t === POLICY_DEFINITION_ARM_TYPE) {
      doc = readPolicyDocument(r.body, fallback, r.header, 'scanned');
      display = member(member(r.body, 'properties'), 'displayName');
    } else if (t === POLICY_DEFINITION_AZURERM_TYPE) {
      doc = readTerraformPolicy(r.body, fallback, r.header);
      display = member(r.body, 'display_name');
    } else continue;
    // A name or display name that is not known (`"${var.prefix}-deny"` without a value): a key of
    // policies.parameters may name it, and the address stands in for the name.
    const unknownName = r.name?.kind !== 'string' || (display !== undefined && display.kind !== 'string' && display.kind !== 'null');
    if (doc.kind === 'definition') out.push({ ...doc.definition, source: 'scanned', ...(unknownName ? { unknownName: true as const } : {}) });
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
