/**
 * Bash arrays a script builds a command in (`cmd=(az aks nodepool add --name gpu …)`, then
 * `cmd+=(--node-taints …)` when a setting is given, then `"${cmd[@]}"`): a common way to pass
 * optional flags. The words are kept as the assignment expanded them (bash expands an array's
 * words when it assigns them), each where it is written, so the command `"${cmd[@]}"` runs is
 * read as if written there. What a branch may have added (an `if`, a loop, `&&`/`||`) is not
 * known after it: the words known before stay, and the array "may hold more" (an absent flag is
 * then undecided, never reported).
 */
import type { ExpandedWord } from './words.js';

export interface ShellArray {
  /** The words known to be the array's first ones, as expanded when assigned. */
  readonly words: readonly ExpandedWord[];
  /** Why more words may follow them (absent when the array is exactly `words`). */
  readonly more?: string;
}

/** What a branch frame keeps: each array's value before the branch first changed it. */
export type ArraysBefore = Map<string, ShellArray | undefined>;

/** `"${cmd[@]}"` or `${cmd[@]}`, a whole word: the array's name. */
const ALL_ELEMENTS = /^(?:"\$\{([A-Za-z_]\w*)\[@\]\}"|\$\{([A-Za-z_]\w*)\[@\]\})$/;

/** The array a word expands whole (`"${cmd[@]}"`), or undefined. */
export function allElementsOf(raw: string): string | undefined {
  const m = ALL_ELEMENTS.exec(raw);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `cmd=(`, `cmd+=(` as the tokenizer gives the word that opens an array assignment. */
const ARRAY_OPEN = /^([A-Za-z_]\w*)(\+?)=\($/;

/** The array a word opens: its name and whether it appends. */
export function arrayOpening(raw: string): { name: string; append: boolean } | undefined {
  const m = ARRAY_OPEN.exec(raw);
  return m ? { name: m[1]!, append: m[2] === '+' } : undefined;
}

export class ShellArrays {
  private readonly arrays = new Map<string, ShellArray>();

  get(name: string): ShellArray | undefined {
    return this.arrays.get(name);
  }

  /**
   * `name=(…)` (or `name+=(…)` with `append`) with its words expanded; `more` when a word may be
   * any number of words. `branches`: the open branch frames (outermost first), each told the
   * value before its first change; `mayNotRun`: after `&&`/`||`, the assignment may not happen.
   */
  assign(name: string, words: readonly ExpandedWord[], more: string | undefined, append: boolean, branches: readonly { arrays?: ArraysBefore }[], mayNotRun: boolean): void {
    const before = this.arrays.get(name);
    for (const b of branches) if (!b.arrays?.has(name)) (b.arrays ??= new Map()).set(name, before);
    // Appending to an array not assigned: bash starts from an empty one.
    const base = append ? before : undefined;
    const after: ShellArray = base?.more ? base : { words: [...(base?.words ?? []), ...words], ...(more ? { more } : {}) };
    this.arrays.set(name, mayNotRun ? settled(name, before, after, 'after && or ||') : after);
  }

  /** A branch frame closed: each array it changed is what every path agrees on. */
  leaveBranch(before: ArraysBefore | undefined): void {
    for (const [name, was] of before ?? []) {
      const now = this.arrays.get(name);
      if (now !== was && now) this.arrays.set(name, settled(name, was, now, 'in a branch'));
    }
  }

  /** Arrays a function body assigned: not the script's after it (it runs when called). */
  forget(names: Iterable<string>): void {
    for (const n of names) this.arrays.delete(n);
  }
}

/** `now`, which may or may not have replaced `was`: the words both begin with, and more may follow. */
function settled(name: string, was: ShellArray | undefined, now: ShellArray, where: string): ShellArray {
  if (was && was.words.length <= now.words.length && was.words.every((w, i) => w === now.words[i])) {
    return was.more || was.words.length === now.words.length ? was : { words: was.words, more: `words may be added to the array ${name} ${where}` };
  }
  return { words: [], more: `the array ${name} is assigned ${where}` };
}
