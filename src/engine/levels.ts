/**
 * Levels by environment class and the environment class of a resource.
 */
import type { EnvClass, Resource } from '../model/resource.js';
import { classifyValue, ENV_RANK, ENV_TAG_NAMES } from '../core/env.js';
import { valueAt } from '../model/value-path.js';
import type { EnvLevels, Finding, Level, LevelOrOff } from './types.js';

export function levelFor(level: Level | EnvLevels, env: EnvClass): LevelOrOff {
  return typeof level === 'string' ? level : level[env];
}

/** The level shown in rule lists and SARIF `defaultConfiguration` (the `unknown` class). */
export function defaultLevel(level: Level | EnvLevels): LevelOrOff {
  return typeof level === 'string' ? level : level.unknown;
}

const SEVERITY: Record<LevelOrOff, number> = { error: 3, warning: 2, note: 1, off: 0 };

export function severity(l: LevelOrOff): number {
  return SEVERITY[l];
}


/**
 * Which of two findings merged across variants (RULES.md "Variants") the report keeps: the more
 * severe, and at equal levels the one of the more production-like class (prod, then unknown).
 * Its message and environment class (part of the fingerprint) then do not depend on which var
 * file sorts first: deleting `dev.tfvars` beside `prod.tfvars` leaves the finding as it was.
 */
export function outranks(a: { level: LevelOrOff; env: EnvClass; inert?: true }, b: { level: LevelOrOff; env: EnvClass; inert?: true }): boolean {
  // A finding made in a block that a variant deploys outranks one made where it has no instance (SEC001, `count = 0`).
  if (!a.inert !== !b.inert) return !a.inert;
  const bySeverity = severity(a.level) - severity(b.level);
  return bySeverity !== 0 ? bySeverity > 0 : ENV_RANK[a.env] > ENV_RANK[b.env];
}

/** Whether a fingerprint made in class `env` would be more production-like than the one `f` has. */
export function fingerprintsMoreProductionLike(env: EnvClass, f: Pick<Finding, 'fingerprintEnv' | 'env'>): boolean {
  return ENV_RANK[env] > ENV_RANK[f.fingerprintEnv ?? f.env];
}

/**
 * The fingerprint of a finding merged across variants: the one made in its most
 * production-like variant, whichever variant supplies the words and the level. A cost rule
 * is a note in prod and a warning in dev: adding `dev.tfvars` beside `prod.tfvars` makes the
 * merged finding a warning, and keeps its fingerprint (a baseline still matches it).
 */
export function keepStableFingerprint(kept: Finding, other: Pick<Finding, 'fingerprint' | 'fingerprintEnv' | 'env' | 'inert'>): void {
  // (Nor does a finding in a block with no instance give one that is deployed its fingerprint.)
  if (other.inert && !kept.inert) return;
  const otherEnv = other.fingerprintEnv ?? other.env;
  if (!fingerprintsMoreProductionLike(otherEnv, kept)) return;
  kept.fingerprint = other.fingerprint;
  kept.fingerprintEnv = otherEnv;
}

/**
 * RULES.md "Environments": the evaluation's class (flag, config, var file, variables);
 * when that is unknown, the resource's own `environment`/`env` tag: an element's is its
 * parent's declaration's (a `default_node_pool` block's cluster), while a resource declared on
 * its own (a compute of a workspace, a pool resource of a cluster) has only its own (review 69:
 * an untagged compute took its workspace's `prod`).
 */
export function envOfResource(r: Resource): EnvClass {
  if (r.evaluation.env !== 'unknown' || r.evaluation.envSettled) return r.evaluation.env;
  // A module's own `environment` variable (`module "kv" { environment = "dev" }`), before the tags.
  if (r.moduleEnv) return r.moduleEnv;
  for (const res of r.element ? [r, r.parent] : [r]) {
    // A kind the tables do not model (a resource group) has no canonical tags: its body's `tags`.
    const tags = res && (res.attrs.get('tags')?.value ?? (res.kind === 'other' ? valueAt(res.body, 'tags') : undefined));
    if (tags?.kind !== 'object') continue;
    for (const [k, v] of tags.entries) {
      if (!ENV_TAG_NAMES.includes(k.toLowerCase()) || v.kind !== 'string') continue;
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return 'unknown';
}
