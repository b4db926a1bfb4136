/**
 * The CI model as rules read it: GitHub Actions workflows and composite actions, Azure
 * Pipelines files and templates, and shell/PowerShell scripts as files → (stages →) jobs →
 * steps → scripts → commands → words, with triggers, inputs, permissions, variables,
 * environments and comments, every part with its exact position.
 *
 * The types live with the CI evaluator that builds them (src/eval/ci/types.ts,
 * `buildCiModel` in src/eval/ci/build.ts), like the other evaluators' outputs; this module
 * is the rules' door to them, plus the few questions about the model that several rules
 * ask. It does not re-export the builder: the builder's types reach the parser and the
 * `yaml` package, which the public type declarations (engine → model) must not.
 */
import type { CiCommand, CiExpandedWord, CiFile, CiPermissions, CiScript, CiStep, CiUses, CiWord } from '../eval/ci/types.js';
import type { Location } from '../core/source.js';
import { locationKey } from '../core/source.js';
import { joinExpressions } from '../eval/ci-words.js';

export type * from '../eval/ci/types.js';
export { isTerraformProgram, joinExpressions, redirection, runningWordAt, terraformProgramName } from '../eval/ci-words.js';

/** The steps that may run: not those every context's `${{ if }}` blocks leave out (`CiStep.neverRuns`). */
export function stepsThatMayRun(file: CiFile): CiStep[] {
  return file.steps.filter((s) => !s.neverRuns);
}

/** The scripts that may run: a file's own, and the steps' but those of a step that never runs. */
export function scriptsThatMayRun(file: CiFile): CiScript[] {
  const never = new Set(file.steps.filter((s) => s.neverRuns).map((s) => s.subject));
  return never.size === 0 ? file.scripts : file.scripts.filter((s) => !never.has(s.subject));
}

/** Does a permissions block grant `id-token: write` (the right to request an OIDC token)? */
export function grantsIdTokenWrite(p: CiPermissions | undefined): boolean {
  if (!p) return false;
  if (p.kind === 'write-all') return true;
  return p.kind === 'map' && p.scopes['id-token'] === 'write';
}

/**
 * Is `uses` the action `name` (`owner/repo[/path]`, case-insensitive) at any ref?
 * `azure/login` matches `Azure/login@v2`, not `azure/login/sub@v2`.
 */
export function isAction(uses: CiUses | undefined, name: string): boolean {
  return uses?.kind === 'action' && uses.name === name.toLowerCase();
}

/** A word of a command as the script's default run expands it: a known piece of a variable's value, or the word as written. */
export interface ReadWord extends CiWord {
  /** Where its text is written, when a variable holds it (`AUTH="--sdk-auth"`). */
  origin?: Location;
  /** The word expands a value that is not known (its reason). */
  unknown?: string;
  /** …and, unquoted, may be any number of words. */
  mayBeSeveral?: boolean;
  /** A text a condition chose because of an input (`${{ inputs.x == 'y' && '-auto-approve' || '' }}`): that input, and the decision's places. */
  decidedBy?: Location;
  decision?: readonly Location[];
}

/**
 * Where a finding about a word a command reads points (RULES.md "Location"): the input that
 * decided the condition choosing it, else where a value wrote its text, else the word itself
 * (`command`, its command's word, when nothing else tells). Related: the chosen text and the
 * condition when decided, and the command's word when the finding is elsewhere.
 */
export function wordPlaces(w: ReadWord, command: Location): { location: Location; related: Location[] } {
  const location = w.decidedBy ?? w.origin ?? command;
  const related: Location[] = [];
  const add = (l: Location): void => {
    if (locationKey(l) !== locationKey(location) && !related.some((x) => locationKey(x) === locationKey(l))) related.push(l);
  };
  if (w.decidedBy && w.origin) add({ ...w.origin, label: 'value chosen by the condition' });
  for (const l of w.decidedBy ? (w.decision ?? []) : []) add(l);
  add(command);
  return { location, related };
}

/** A command's words as each scanned caller's run expands them (`CiCommand.expandedByCallers`). */
export function callerArgvs(cmd: CiCommand): ReadWord[][] {
  return (cmd.expandedByCallers ?? []).map((e) => expandedArgv(cmd, e)!);
}

/**
 * A command's words (after `joinExpressions`) with each word that expands a variable replaced by
 * the words its value becomes (`CiCommand.expanded`); undefined when the script's run set none.
 */
export function expandedArgv(cmd: CiCommand, expanded: ReadonlyMap<number, CiExpandedWord> | undefined = cmd.expanded): ReadWord[] | undefined {
  if (!expanded) return undefined;
  const out: ReadWord[] = [];
  for (const w of joinExpressions(cmd.argv)) {
    const e = expanded.get(w.range.start.offset);
    if (!e) out.push(w);
    else if (e.words) for (const p of e.words) out.push({ text: p.text, raw: p.text, range: w.range, rangeOf: () => w.range, ...(p.origin ? { origin: p.origin } : {}), ...(p.decidedBy ? { decidedBy: p.decidedBy, decision: p.decision ?? [] } : {}) });
    // Named fields, not a spread: a parsed word reads its range lazily (a getter a spread would not copy).
    else out.push({ text: w.text, raw: w.raw, range: w.range, rangeOf: (from, to) => w.rangeOf(from, to), unknown: e.unknown ?? 'not known', ...(e.mayBeSeveral ? { mayBeSeveral: true } : {}) });
  }
  return out;
}
