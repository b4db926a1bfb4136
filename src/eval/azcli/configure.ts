/**
 * `az configure --defaults key=value …` in a script: the Azure CLI stores the defaults in its
 * configuration file, and later commands of the same run read them for the arguments they are not
 * given (`az ml compute create` without `-w` uses the default `workspace`). Tracked within one
 * script run, in command order: defaults set by an earlier step or outside the scan stay unknown
 * to it (as before: absent). A default set inside a condition may or may not be set: unknown.
 */
import { unknown, type Value } from '../../core/value.js';
import type { AzInvocation } from './interpret.js';
import { sliceValue } from './words.js';

/** The configured defaults in force at each invocation of a run (only invocations that follow an `az configure --defaults`). */
export function configuredDefaults(invocations: readonly AzInvocation[]): Map<AzInvocation, ReadonlyMap<string, Value>> {
  const out = new Map<AzInvocation, ReadonlyMap<string, Value>>();
  let current: Map<string, Value> | undefined;
  for (const inv of invocations) {
    if (current) out.set(inv, current);
    if (inv.words[0]?.text !== 'configure') continue;
    const next = new Map(current);
    let inDefaults = false;
    for (const w of inv.words.slice(1)) {
      const flag = w.text?.startsWith('-') ? w.text : undefined;
      if (flag !== undefined) {
        inDefaults = flag === '--defaults' || flag === '-d';
        continue;
      }
      // An unquoted unknown word may be any `key=value` pairs: every default is unknown after it.
      if (w.opaque) {
        for (const k of next.keys()) next.set(k, unknown('az configure --defaults is given a word whose value is not known'));
        next.set('*', unknown('az configure --defaults is given a word whose value is not known'));
        continue;
      }
      if (!inDefaults) continue;
      const raw = w.word.raw;
      const eq = raw.indexOf('=');
      if (eq <= 0) continue;
      const key = (w.text !== undefined ? w.text.split('=')[0]! : raw.slice(0, eq).replace(/["'\\]/g, '')).toLowerCase();
      const value = sliceValue(w, eq + 1);
      // `workspace=` clears the default.
      if (value.kind === 'string' && value.value === '' && !inv.conditional) next.delete(key);
      else next.set(key, inv.conditional ? unknown(`az configure --defaults ${key}=… runs under a condition`) : value);
    }
    current = next;
  }
  return out;
}

/** The default `key` in force, or undefined when no `az configure --defaults` of the run set it. */
export function configuredDefault(defaults: ReadonlyMap<string, Value> | undefined, key: string): Value | undefined {
  return defaults?.get(key) ?? defaults?.get('*');
}
