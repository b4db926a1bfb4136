/**
 * Levels by environment class and the environment class of a resource.
 */
import type { EnvClass, Resource } from '../model/resource.js';
import { classifyValue, ENV_TAG_NAMES } from '../core/env.js';
import type { EnvLevels, Level, LevelOrOff } from './types.js';

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
 * RULES.md "Environments": the evaluation's class (flag, config, var file, variables);
 * when that is unknown, the resource's own `environment`/`env` tag.
 */
export function envOfResource(r: Resource): EnvClass {
  if (r.evaluation.env !== 'unknown') return r.evaluation.env;
  for (const res of [r, r.parent]) {
    const tags = res?.attrs.get('tags')?.value;
    if (tags?.kind !== 'object') continue;
    for (const [k, v] of tags.entries) {
      if (!ENV_TAG_NAMES.includes(k.toLowerCase()) || v.kind !== 'string') continue;
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return 'unknown';
}
