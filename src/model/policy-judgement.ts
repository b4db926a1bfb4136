/**
 * What the GOV rules read of the organisation's Azure Policy definitions: the configured set
 * (`PolicySet`, built by `policy.ts`), one definition's judgement on one resource, and where a
 * finding about it points and what its message says. Types only from the policy evaluator:
 * `policy.ts` (and through it `src/eval/policy/` and the ARM expression evaluator) is loaded
 * only when policies are configured (issue 15: start-up of a run without policies).
 */
import type { Location } from '../core/source.js';
import { member, type Value } from '../core/value.js';
import type { Evidence, PolicyDefinition, Tri } from '../eval/policy/index.js';
import type { Resource } from './resource.js';

export type { PolicyDefinition } from '../eval/policy/index.js';

export interface PolicySet {
  readonly definitions: readonly PolicyDefinition[];
  /** The alias's ARM path (curated table, then the `--policy-aliases` dump). */
  aliasPath(alias: string): string | undefined;
  /** The value of a definition's parameter: assignment, then initiative, then default. */
  parameter(def: PolicyDefinition, name: string): Value | undefined;
  /**
   * Every definition of the set judged on one resource (cached: GOV002 and GOV003 share it);
   * undefined for inline elements. The set carries its judge, so the rules that read it never
   * load the policy evaluator themselves: a run without policies does not load it at all.
   */
  judge(r: Resource, siblings: readonly Resource[]): PolicyJudgement[] | undefined;
}

export interface PolicyJudgement {
  definition: PolicyDefinition;
  /** Lower-case effect after parameters (`deny`, `audit`, …); undefined when not known. */
  effect: string | undefined;
  /** true: the policy's `if` holds (and its effect applies); false: it does not; undefined: undecided. */
  result: Tri;
  why?: string;
  evidence: Evidence[];
  /**
   * Where the resource writes the attribute that holds a value a field condition read (the
   * consuming attribute, RULES.md "Location"), and that attribute's path as the source writes
   * it; undefined when it is not known.
   */
  consumer?: (e: Evidence) => { at: Location; path: string } | undefined;
}

/** Every definition of the set judged on one resource (`PolicySet.judge`). */
export function judgeResource(set: PolicySet, r: Resource, siblings: readonly Resource[]): PolicyJudgement[] | undefined {
  return set.judge(r, siblings);
}

/**
 * The value a finding points at, and its condition: among the deciding `field` conditions (not
 * the type), the policy's constraint over one that selects what it applies to (`computeType
 * equals AmlCompute`, `computeType notEquals ComputeInstance`, `kind`): a written condition with
 * a policy parameter, else one that holds by what the value is not in a list (`vmSize notIn` the
 * allowed sizes, `not` around `location in`); else a constraint written somewhere, else one whose
 * value is absent (the finding points at the resource: review 64); else a selector.
 */
export function decidingEvidence(j: PolicyJudgement): Evidence | undefined {
  const fields = j.evidence.filter((e) => e.field.toLowerCase() !== 'type');
  const written = fields.filter((e) => e.value?.origin);
  // A condition on what kind of resource it is (`computeType equals AmlCompute`, `kind`) selects;
  // any other is the constraint, written or not (an absent value points at the resource).
  const constraints = fields.filter((e) => !SELECTOR_FIELD.test(e.field));
  // (A selector written as a list, `computeType in ["AmlCompute", "ComputeInstance"]`, still selects: review 90.)
  const writtenConstraints = written.filter((e) => !SELECTOR_FIELD.test(e.field));
  return (
    written.find((e) => e.parameterized && e.excludes) ??
    written.find((e) => e.parameterized) ??
    writtenConstraints.find((e) => e.constrains && e.excludes) ??
    writtenConstraints.find((e) => e.constrains) ??
    constraints.find((e) => e.value?.origin) ??
    constraints[0] ??
    written[0] ??
    fields[0]
  );
}

/** Fields that say what kind of resource it is (besides `type`): a condition on them selects what the policy applies to. */
const SELECTOR_FIELD = /(?:^|\/)(?:kind|computeType)$/i;

/** For messages: what the deciding conditions read (`sku.name is "…" and tags['cost-center'] is not set`), at most two fields. */
export function evidenceText(j: PolicyJudgement): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  // The deciding value comes first: it is what to change.
  const first = decidingEvidence(j);
  // Then the other constraints, then what selects the resource (`computeType is "AmlCompute"`).
  const rest = j.evidence.filter((x) => x !== first);
  const ordered = [...rest.filter((x) => !SELECTOR_FIELD.test(x.field)), ...rest.filter((x) => SELECTOR_FIELD.test(x.field))];
  for (const e of first ? [first, ...ordered] : ordered) {
    if (e.field.toLowerCase() === 'type' || seen.has(e.field.toLowerCase())) continue;
    seen.add(e.field.toLowerCase());
    // An alias without its type prefix (`…/workspaces/publicNetworkAccess` → `publicNetworkAccess`).
    const field = e.field.includes('/') ? e.field.slice(e.field.lastIndexOf('/') + 1) : e.field;
    const v = e.value;
    if (e.field === 'count' && v?.kind === 'number') parts.push(`${v.value} member${v.value === 1 ? '' : 's'} of the policy's count ${v.value === 1 ? 'matches' : 'match'}`);
    else if (v === undefined || v.kind === 'null') parts.push(`${field} is not set`);
    else if (v.kind === 'string') parts.push(`${field} is ${JSON.stringify(v.value.length > 60 ? `${v.value.slice(0, 57)}...` : v.value)}`);
    else if (v.kind === 'number' || v.kind === 'bool') parts.push(`${field} is ${String(v.value)}`);
    // `tags` containsKey / notContainsKey "CostCenter": whether it has the key (review 82: "tags matches").
    else if (e.key !== undefined && v.kind === 'object') parts.push(`${field} ${member(v, e.key) === undefined ? 'has no key' : 'has the key'} ${JSON.stringify(e.key)}`);
    else parts.push(`${field} matches`);
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(' and ') : 'its condition holds';
}

/** Where a finding about a judgement points: the deciding value (or what decided it), else undefined (the resource header). */
export function evidenceLocation(j: PolicyJudgement): Location | undefined {
  const v = decidingEvidence(j)?.value;
  return v?.decidedBy ?? v?.origin;
}

/** The policy condition that decided, for a related location. */
export function conditionLocation(j: PolicyJudgement): Location {
  const at = decidingEvidence(j)?.condition ?? j.definition.location;
  return { ...at, label: `policy "${j.definition.displayName}": the condition` };
}
