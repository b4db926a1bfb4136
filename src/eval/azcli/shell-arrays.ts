/**
 * Bash arrays a script builds a command in (`cmd=(az aks nodepool add --name gpu …)`, then
 * `cmd+=(--node-taints …)` when a setting is given, then `"${cmd[@]}"`): a common way to pass
 * optional flags. The words are kept as the assignment expanded them (bash expands an array's
 * words when it assigns them), each where it is written, so the command `"${cmd[@]}"` runs is
 * read as if written there. What cannot be known stays in its place as a "hole", an opaque word
 * that may be any words (an unquoted unknown expansion; what a branch, a loop, `&&`/`||` or a
 * function may have added): the flags around it are still read, an absent one is undecided.
 */
import type { CiWord } from '../ci/types.js';
import { unknown } from '../../core/value.js';
import type { ExpandedWord } from './words.js';

export interface ShellArray {
  /** The array's words as expanded when assigned; holes are opaque words with a `why`. */
  readonly words: readonly ExpandedWord[];
}

/** What a block keeps (a branch frame, a subshell level, a function body): each array's value before the block first changed it. */
export type ArraysBefore = Map<string, ShellArray | undefined>;

/** `"${cmd[@]}"`, `${cmd[@]}` or `${cmd[*]}` (unquoted: split as `[@]`), a whole word: the array's name. */
const ALL_ELEMENTS = /^(?:"\$\{([A-Za-z_]\w*)\[@\]\}"|\$\{([A-Za-z_]\w*)\[[@*]\]\})$/;

/** The array a word expands whole (`"${cmd[@]}"`), or undefined. */
export function allElementsOf(raw: string): string | undefined {
  const m = ALL_ELEMENTS.exec(raw);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `"${cmd[*]}"` or `"${cmd[@]}"`, the one word `eval` is given: it runs the array's words as a command. */
const EVALUATED_ARRAY = /^"\$\{([A-Za-z_]\w*)\[[@*]\]\}"$/;

/** The array an `eval` argument runs (`eval "${cmd[*]}"`), or undefined. */
export function evaluatedArrayOf(raw: string): string | undefined {
  return EVALUATED_ARRAY.exec(raw)?.[1];
}

/** `cmd=(`, `cmd+=(` as the tokenizer gives the word that opens an array assignment. */
const ARRAY_OPEN = /^([A-Za-z_]\w*)(\+?)=\($/;

/** The array a word opens: its name and whether it appends. */
export function arrayOpening(raw: string): { name: string; append: boolean } | undefined {
  const m = ARRAY_OPEN.exec(raw);
  return m ? { name: m[1]!, append: m[2] === '+' } : undefined;
}

/** `cmd[3]=x`, `cmd[${#cmd[@]}]=x`: the array one element of which is set, and whether it is set past the end (an append). */
const ELEMENT_SET = /^([A-Za-z_]\w*)\[(.*)\]\+?=/;

export function elementAssignment(raw: string): { name: string; index: string; appends: boolean } | undefined {
  const m = ELEMENT_SET.exec(raw);
  return m ? { name: m[1]!, index: m[2]!, appends: m[2] === `\${#${m[1]}[@]}` || m[2] === `\${#${m[1]}[*]}` } : undefined;
}

/** An opaque word standing for words not known, at `at` (shown as that word), saying why. */
export function hole(file: string, at: CiWord, why: string): ExpandedWord {
  return { file, word: at, segments: [{ text: '', from: 0, to: at.raw.length, value: unknown(why), unquoted: true }], opaque: true, why };
}

/** The words of an array kept at most (a command takes far fewer; see `ShellArrays.set`). */
export const MAX_ARRAY_WORDS = 1_000;

export class ShellArrays {
  private readonly arrays: Map<string, ShellArray>;

  /** `from`: the arrays a run starts with (a called function's body sees its caller's). */
  constructor(from?: Iterable<readonly [string, ShellArray]>) {
    this.arrays = new Map(from);
  }

  /** The arrays as they are now (their values are replaced, never changed in place: a copy of the map is a snapshot). */
  entries(): [string, ShellArray][] {
    return [...this.arrays];
  }

  get(name: string): ShellArray | undefined {
    return this.arrays.get(name);
  }

  /**
   * Sets an array's value (`blocks`: the open blocks, each told the value before its first change).
   * Past MAX_ARRAY_WORDS words the rest is a hole: every change copies the words, and a hostile
   * script appending in a loop would be quadratic (review 110).
   */
  set(name: string, value: ShellArray | undefined, blocks: readonly ArraysBefore[]): void {
    const before = this.arrays.get(name);
    for (const b of blocks) if (!b.has(name)) b.set(name, before);
    if (value && value.words.length > MAX_ARRAY_WORDS) {
      const at = value.words[MAX_ARRAY_WORDS]!;
      value = { words: [...value.words.slice(0, MAX_ARRAY_WORDS), at.why ? at : hole(at.file, at.word, `the array ${name} holds more than ${MAX_ARRAY_WORDS.toLocaleString('en-US')} words, and the rest is not read`)] };
    }
    if (value) this.arrays.set(name, value);
    else this.arrays.delete(name);
  }

  /** A block's changes are undone (a subshell's, which the script does not see). */
  restore(before: ArraysBefore): void {
    for (const [name, was] of before) {
      if (was) this.arrays.set(name, was);
      else this.arrays.delete(name);
    }
  }

  /** The current values of the arrays a block changed (a branch's result, before the next branch starts from the same values). */
  snapshot(before: ArraysBefore): Map<string, ShellArray | undefined> {
    return new Map([...before.keys()].map((name) => [name, this.arrays.get(name)]));
  }

  /**
   * A block closed whose paths are not known to run (an if's branches, a loop, a function called
   * or not, `&&`/`||`): each array it changed is what its paths agree on (`agreed`), from the
   * values each path leaves (`paths(name, before, now)`).
   */
  settle(before: ArraysBefore, paths: (name: string, was: ShellArray | undefined, now: ShellArray | undefined) => (ShellArray | undefined)[], where: string, file: string): void {
    for (const [name, was] of before) {
      const now = this.arrays.get(name);
      const value = agreed(name, paths(name, was, now), where, file);
      if (value) this.arrays.set(name, value);
      else this.arrays.delete(name);
    }
  }
}

/**
 * The array after paths that leave it as `alternatives` (undefined: a path where it is not set, an
 * empty array that runs no command, so it does not count): the words every set value begins with,
 * then a hole where they part. One value, or the same on every path, is kept as it is.
 */
export function agreed(name: string, alternatives: readonly (ShellArray | undefined)[], where: string, file: string): ShellArray | undefined {
  const set = alternatives.filter((a): a is ShellArray => a !== undefined);
  const first = set[0];
  if (!first || set.every((a) => a === first)) return first;
  let common = 0;
  while (common < first.words.length && set.every((a) => sameWord(a.words[common], first.words[common]!))) common++;
  if (set.every((a) => a.words.length === common)) return { words: first.words.slice(0, common) };
  const at = set.map((a) => a.words[common]?.word).find((w) => w !== undefined) ?? first.words[0]?.word;
  if (!at) return first;
  const why = common > 0 ? `words may be added to the array ${name} ${where}` : `the array ${name} is assigned ${where}`;
  return { words: [...first.words.slice(0, common), hole(file, at, why)] };
}

/** `now`, which may or may not have replaced `was` (after `&&`/`||`). */
export function settled(name: string, was: ShellArray | undefined, now: ShellArray, where: string, file: string): ShellArray {
  return agreed(name, [was, now], where, file) ?? now;
}

/**
 * The same word on two paths: the very word, or a literal of the same text (`if …; then
 * cmd=(az keyvault create …); else cmd=(az keyvault create … --x); fi`: both begin with the same
 * command, the first path's words standing for it).
 */
function sameWord(a: ExpandedWord | undefined, b: ExpandedWord): boolean {
  if (a === b) return true;
  const literal = (w: ExpandedWord): boolean => !w.opaque && w.text !== undefined && w.segments.every((sg) => sg.value === undefined);
  return a !== undefined && literal(a) && literal(b) && a.text === b.text;
}
