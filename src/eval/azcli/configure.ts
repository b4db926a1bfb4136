/**
 * The Azure CLI's configured defaults in a script: `az configure --defaults key=value …` and
 * `az config set defaults.key=value` write them to the CLI's configuration file, and later
 * commands of the same run read them for the arguments they are not given (`az ml compute
 * create` without `-w` uses the default `workspace`). An `AZURE_DEFAULTS_<KEY>` environment
 * variable comes before the file (Microsoft Learn, "Azure CLI configuration": command-line
 * parameters, then environment variables, then the configuration file). Tracked within one
 * script run, in command order: defaults set by an earlier step or outside the scan stay unknown
 * to it (as before: absent). A default set inside a condition may or may not be set: unknown.
 */
import { unknown, type Value } from '../../core/value.js';
import type { AzInvocation } from './interpret.js';
import { sliceValue, type Env, type ExpandedWord } from './words.js';

/** Any key: an unquoted word of unknown value may set every default. */
const ANY_KEY = '*';

/**
 * The configured defaults in force at each invocation of a script run (only invocations that
 * follow a default being set). The `AZURE_DEFAULTS_<KEY>` variables the run has override the
 * file, so those keys are unknown here (never guessed).
 */
export function configuredDefaults(run: { readonly invocations: readonly AzInvocation[]; readonly env: Env }): Map<AzInvocation, ReadonlyMap<string, Value>> {
  const { invocations } = run;
  const environment = defaultsFromEnvironment(run.env.keys());
  const out = new Map<AzInvocation, ReadonlyMap<string, Value>>();
  let current: Map<string, Value> | undefined;
  for (const inv of invocations) {
    if (current) out.set(inv, current);
    const head = inv.words[0]?.text;
    const configure = head === 'configure';
    const configSet = head === 'config' && (inv.words[1]?.text === 'set' || inv.words[1]?.text === 'unset');
    if (!configure && !configSet) continue;
    const next = new Map(current);
    const set = (key: string, value: Value | undefined): void => {
      if (inv.conditional) next.set(key, unknown(`a default ${key} is set under a condition`));
      // `workspace=` or `config unset defaults.workspace` clears the default.
      else if (value === undefined || (value.kind === 'string' && value.value === '')) next.delete(key);
      else next.set(key, value);
    };
    let inDefaults = false;
    for (const w of inv.words.slice(configSet ? 2 : 1)) {
      if (w.opaque) {
        // An unquoted unknown word may be any `key=value` pairs: every default is unknown after it.
        for (const k of next.keys()) next.set(k, unknown('a word of unknown value may set any default'));
        next.set(ANY_KEY, unknown('a word of unknown value may set any default'));
        continue;
      }
      const text = w.text ?? '';
      if (configure && text.startsWith('-')) {
        // `--defaults workspace=ws`, `-d workspace=ws`, and `--defaults=workspace=ws` (argparse's `=` form).
        const eq = text.indexOf('=');
        const flag = eq < 0 ? text : text.slice(0, eq);
        inDefaults = flag === '--defaults' || flag === '-d';
        if (inDefaults && eq >= 0) pairAt(w, w.word.raw.indexOf('=') + 1, set);
        continue;
      }
      if (configure && inDefaults) pairAt(w, 0, set);
      else if (configSet && /^defaults\./i.test(text)) {
        if (inv.words[1]?.text === 'unset') set(text.slice('defaults.'.length).toLowerCase(), undefined);
        else pairAt(w, w.word.raw.toLowerCase().indexOf('defaults.') + 'defaults.'.length, set);
      }
    }
    current = next;
  }
  if (environment.size === 0) return out;
  // A default the environment sets comes before the file's: not known here.
  for (const [inv, m] of out) {
    const overridden = new Map(m);
    for (const key of environment) overridden.set(key, unknown(`AZURE_DEFAULTS_${key.toUpperCase()} is set in the environment`));
    out.set(inv, overridden);
  }
  return out;
}

/** Reads `key=value` from `w` starting at raw offset `from` (quotes around the key removed). */
function pairAt(w: ExpandedWord, from: number, set: (key: string, value: Value | undefined) => void): void {
  const raw = w.word.raw;
  const eq = raw.indexOf('=', from);
  if (eq <= from) return;
  const key = raw.slice(from, eq).replace(/["'\\]/g, '').toLowerCase();
  if (key === '') return;
  set(key, sliceValue(w, eq + 1));
}

/** The default `key` in force, or undefined when no default of the run set it. */
export function configuredDefault(defaults: ReadonlyMap<string, Value> | undefined, key: string): Value | undefined {
  return defaults?.get(key) ?? defaults?.get(ANY_KEY);
}

/** The `AZURE_DEFAULTS_<KEY>` variables among a run's variable names, as lower-case keys. */
function defaultsFromEnvironment(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    const m = /^AZURE_DEFAULTS_(\w+)$/i.exec(n);
    if (m) out.add(m[1]!.toLowerCase());
  }
  return out;
}
