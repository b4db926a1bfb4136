/**
 * A Host that notes what a unit of work read (issue 15): the texts and bytes by content hash,
 * the folder listings by their names, the existence checks by their answers. A unit's cached
 * result (`cache.ts`) is valid exactly while every one of these reads still gives the same
 * answer, so a change anywhere the unit looked (a module folder outside the scanned paths, a
 * lock file that appeared) re-lints it.
 *
 * One recorder wraps the run's Host for the whole run (front ends may key state by their
 * context object); `begin()`/`end()` delimit one unit.
 */
import { createHash } from 'node:crypto';
import { fileNamesMatching, type Host, type ReadProblem } from '../core/host.js';

/** One read: `[what, path, answer]`; the answer is a hash, a listing's names, or a boolean. */
export type Dependency = [kind: 'text' | 'bytes' | 'head' | 'chunks' | 'list' | 'names' | 'isFile' | 'isDirectory', path: string, answer: string];

export function hashText(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('base64url');
}

export interface RecordingHost {
  readonly host: Host;
  /** Starts one unit: its read problems are collected, and its reads recorded when `record` (a cached run). */
  begin(record?: boolean): void;
  /** The unit's reads (deduplicated, in first-read order) and the read problems it met. */
  end(): { deps: Dependency[]; readProblems: ReadProblem[] };
}

/**
 * `onTextHash`: told each text hash the recorder made of a file this thread's Host read (the
 * `--cache` keeps it with the file's signature, so the next run need not read the file to check).
 */
export function recordingHost(inner: Host, onTextHash?: (file: string, hash: string) => void): RecordingHost {
  let deps: Map<string, Dependency> | undefined;
  let problemsAtStart = 0;
  const note = (kind: Dependency[0], p: string, answer: () => string): void => {
    if (!deps) return;
    const key = `${kind}\u0000${p}`;
    if (!deps.has(key)) deps.set(key, [kind, p, answer()]);
  };
  const host: Host = {
    root: inner.root,
    isInside: (p) => inner.isInside(p),
    isFile(p) {
      const r = inner.isFile(p);
      note('isFile', p, () => String(r));
      return r;
    },
    isDirectory(p) {
      const r = inner.isDirectory(p);
      note('isDirectory', p, () => String(r));
      return r;
    },
    list(dir) {
      const r = inner.list(dir);
      note('list', dir, () => listingAnswer(r));
      return r;
    },
    listNames(dir, pattern) {
      const r = fileNamesMatching(inner, dir, pattern);
      note('names', namesKey(dir, pattern), () => hashText(r.join('\n')));
      return r;
    },
    readText(file) {
      const r = inner.readText(file);
      note('text', file, () => {
        if (r === undefined) return '';
        const hash = hashText(r);
        onTextHash?.(file, hash);
        return hash;
      });
      return r;
    },
    readBytes(file, maxBytes) {
      const r = inner.readBytes(file, maxBytes);
      note('bytes', file, () => bytesAnswer(r, maxBytes));
      return r;
    },
    readHead(file, maxBytes) {
      const r = inner.readHead(file, maxBytes);
      note('head', file, () => headAnswer(r, maxBytes));
      return r;
    },
    readChunks(file, chunkBytes) {
      const r = inner.readChunks(file, chunkBytes);
      // The whole file's hash (the reader may stop early): one more streamed pass, only when recording.
      note('chunks', file, () => chunksAnswer(inner, file));
      return r;
    },
    problemOf: (file) => inner.problemOf(file),
    invalidEncodingAt: (file) => inner.invalidEncodingAt(file),
    problems: () => inner.problems(),
    texts: () => inner.texts(),
    forget: (file) => inner.forget(file),
    keep: (file) => inner.keep(file),
    planned: (files) => inner.planned(files),
    // While a unit's reads are recorded, every answer comes from a read (its dependency).
    planningAnswers: () => (deps ? undefined : inner.planningAnswers()),
    // Not a read of the unit: the cache's carry-over asks it when the run is done.
    listedPresence: (p) => inner.listedPresence(p),
    // Not a read of the unit: the cache's own check (a changed file gets a new signature).
    signature: (file) => inner.signature(file),
    knownSignature: (file) => inner.knownSignature(file),
  };
  return {
    host,
    begin(record = true) {
      deps = record ? new Map() : undefined;
      problemsAtStart = inner.problems().length;
    },
    end() {
      const out = { deps: [...(deps?.values() ?? [])], readProblems: inner.problems().slice(problemsAtStart) };
      deps = undefined;
      return out;
    },
  };
}

/**
 * A capped read's answer: the cap, then the bytes' hash ('' when refused or unreadable). The cap
 * is part of it: the check reads with the same cap, so a file the unit found over its cap (Bicep's
 * loadFileAsBase64) holds while it stays over, and is read again once it is not.
 */
function bytesAnswer(b: Buffer | undefined, maxBytes: number): string {
  return `${maxBytes}:${b === undefined ? '' : hashText(b)}`;
}

/** The cap a capped read's or a head's answer was made with (`<cap>:<hash>`); NaN when it has none (a refused head, an answer of an earlier cache). */
function recordedCap(answer: string): number {
  const colon = answer.indexOf(':');
  return colon < 0 ? NaN : Number(answer.slice(0, colon));
}

function headAnswer(b: Buffer | undefined, maxBytes: number): string {
  return b === undefined ? '' : `${maxBytes}:${hashText(b)}`;
}

/** A streamed file's answer: the hash of all its chunks ('' when it cannot be read). */
function chunksAnswer(host: Host, file: string): string {
  const it = host.readChunks(file, 1 << 20);
  if (!it) return '';
  const h = createHash('sha1');
  try {
    for (let r = it.next(); !r.done; r = it.next()) h.update(r.value);
  } catch {
    return '';
  }
  return h.digest('base64url');
}

/** The key of a `names` read: the folder, the pattern's source and flags. */
function namesKey(dir: string, pattern: RegExp): string {
  return `${dir}\u0000${pattern.source}\u0000${pattern.flags}`;
}

/** A listing's answer: its entries' names and types (a new file in a module folder changes it). */
export function listingAnswer(entries: ReturnType<Host['list']>): string {
  if (entries === undefined) return '';
  return hashText(entries.map((e) => `${e.name}/${e.isFile ? 'f' : e.isDirectory ? 'd' : 'o'}`).join('\n'));
}

/**
 * True when every recorded read still gives the same answer (a cached result is still valid).
 * `answers` keeps each read's answer for the run (files do not change under a run): a module
 * folder or lock file many units read is read and hashed once, not once per unit.
 */
export function depsHold(host: Host, deps: readonly Dependency[], answers: Map<string, string> = new Map(), textHash: (file: string) => string = (file) => textAnswer(host, file)): boolean {
  for (const [kind, p, answer] of deps) {
    // A head's and a capped read's answers depend on how many bytes were read or allowed: part of the key.
    const key = kind === 'head' || kind === 'bytes' ? `${kind}\u0000${p}\u0000${recordedCap(answer)}` : `${kind}\u0000${p}`;
    let now = answers.get(key);
    if (now === undefined) {
      now = currentAnswer(host, kind, p, answer, textHash);
      answers.set(key, now);
    }
    if (now !== answer) return false;
  }
  return true;
}

/** A text read's answer now: the text's hash, '' when it cannot be read. */
export function textAnswer(host: Host, file: string): string {
  const t = host.readText(file);
  return t === undefined ? '' : hashText(t);
}

/** What a read gives now (`answer`: the recorded one, for the byte count of a head; `textHash`: a text's answer). */
function currentAnswer(host: Host, kind: Dependency[0], p: string, answer: string, textHash: (file: string) => string): string {
  let now = '';
  switch (kind) {
    case 'text':
      now = textHash(p);
      break;
    case 'bytes': {
      // An answer without its cap (an earlier cache) is never taken as holding: the unit runs again.
      const max = recordedCap(answer);
      now = Number.isSafeInteger(max) && max > 0 ? bytesAnswer(host.readBytes(p, max), max) : '\u0000no cap';
      break;
    }
    case 'head': {
      const max = recordedCap(answer);
      now = headAnswer(Number.isSafeInteger(max) && max > 0 ? host.readHead(p, max) : undefined, max);
      break;
    }
    case 'chunks':
      now = chunksAnswer(host, p);
      break;
    case 'list':
      now = listingAnswer(host.list(p));
      break;
    case 'names': {
      const [dir, source, flags] = p.split('\u0000');
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(source ?? '', flags);
      } catch {
        pattern = undefined;
      }
      // A key that does not read as one (a foreign cache) never holds.
      now = pattern && dir !== undefined ? hashText(fileNamesMatching(host, dir, pattern).join('\n')) : '\u0000unreadable';
      break;
    }
    case 'isFile':
      now = String(host.isFile(p));
      break;
    case 'isDirectory':
      now = String(host.isDirectory(p));
      break;
  }
  return now;
}
