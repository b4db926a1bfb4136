/**
 * Strings that keep nothing else alive. V8 makes a substring of 13 or more characters (`slice`,
 * `substring`, a regex capture) a *sliced string*: a view that holds its whole parent. A
 * finding's label or a code-frame line cut from a file's text would then keep the whole text
 * for the rest of the run, though the unit that read it is done (issue 15: after a unit the
 * merged results held 18 MB of strings on the corpus, most of them whole ARM and Terraform
 * files; the full collections between units marked them again and again).
 */

/** V8 makes substrings shorter than this by copying (`SlicedString::kMinLength`). */
const MIN_SLICED_LENGTH = 13;

/**
 * A copy of `s` that shares no memory with the string it was cut from. `' ' + s` is a cons
 * string; slicing it flattens it into a new string of `s.length + 1` characters, which the
 * result then views: it holds that copy, not `s`'s parent.
 */
export function ownString(s: string): string {
  return s.length < MIN_SLICED_LENGTH ? s : (' ' + s).slice(1);
}

/**
 * A memo of a pure function of a string, for the run's hot paths (a parsed expression, a
 * lower-cased name): each distinct text is computed once. The key is an own copy, and `compute`
 * is given that copy, so the memo never holds the file a text was cut from. It holds at most
 * `limit` entries (it starts afresh when full): hostile input cannot grow it without end.
 * `compute` never returns undefined (use null for "none").
 */
export function memoByText<T extends NonNullable<unknown> | null>(limit: number, compute: (own: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const own = ownString(text);
    const value = compute(own);
    if (memo.size >= limit) memo.clear();
    memo.set(own, value);
    return value;
  };
}

/** Nesting beyond this is not plain result data: it is left as it is (never a deep recursion). */
const MAX_DEPTH = 64;

/**
 * Replaces, in place, every string of a tree of plain data (objects, arrays, their keys left
 * as they are) by its own copy (`ownString`), and returns the tree. For results that outlive
 * the texts they were read from (a unit's result, merged into the run's).
 */
export function ownStrings<T>(value: T): T {
  ownIn(value, 0);
  return value;
}

function ownIn(value: unknown, depth: number): void {
  // A frozen object (a shared constant) cannot be written, and was not cut from a unit's text.
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = ownString(v);
      else ownIn(v, depth + 1);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const v = o[k];
    if (typeof v === 'string') o[k] = ownString(v);
    else ownIn(v, depth + 1);
  }
}
