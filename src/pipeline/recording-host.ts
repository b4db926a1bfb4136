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
import type { Host, ReadProblem } from '../core/host.js';

/** One read: `[what, path, answer]`; the answer is a hash, a listing's names, or a boolean. */
export type Dependency = [kind: 'text' | 'bytes' | 'list' | 'isFile' | 'isDirectory', path: string, answer: string];

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

export interface RecordingHost {
  readonly host: Host;
  /** Starts recording one unit's reads. */
  begin(): void;
  /** The unit's reads (deduplicated, in first-read order) and the read problems it met. */
  end(): { deps: Dependency[]; readProblems: ReadProblem[] };
}

export function recordingHost(inner: Host): RecordingHost {
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
    readText(file) {
      const r = inner.readText(file);
      note('text', file, () => (r === undefined ? '' : hashText(r)));
      return r;
    },
    readBytes(file, maxBytes) {
      const r = inner.readBytes(file, maxBytes);
      note('bytes', file, () => (r === undefined ? '' : createHash('sha1').update(r).digest('base64url')));
      return r;
    },
    problemOf: (file) => inner.problemOf(file),
    problems: () => inner.problems(),
    texts: () => inner.texts(),
    forget: (file) => inner.forget(file),
  };
  return {
    host,
    begin() {
      deps = new Map();
      problemsAtStart = inner.problems().length;
    },
    end() {
      const out = { deps: [...(deps?.values() ?? [])], readProblems: inner.problems().slice(problemsAtStart) };
      deps = undefined;
      return out;
    },
  };
}

/** A listing's answer: its entries' names and types (a new file in a module folder changes it). */
export function listingAnswer(entries: ReturnType<Host['list']>): string {
  if (entries === undefined) return '';
  return hashText(entries.map((e) => `${e.name}/${e.isFile ? 'f' : e.isDirectory ? 'd' : 'o'}`).join('\n'));
}

/** True when every recorded read still gives the same answer (a cached result is still valid). */
export function depsHold(host: Host, deps: readonly Dependency[]): boolean {
  for (const [kind, p, answer] of deps) {
    let now: string;
    switch (kind) {
      case 'text': {
        const t = host.readText(p);
        now = t === undefined ? '' : hashText(t);
        break;
      }
      case 'bytes': {
        const b = host.readBytes(p, Number.MAX_SAFE_INTEGER);
        now = b === undefined ? '' : createHash('sha1').update(b).digest('base64url');
        break;
      }
      case 'list':
        now = listingAnswer(host.list(p));
        break;
      case 'isFile':
        now = String(host.isFile(p));
        break;
      case 'isDirectory':
        now = String(host.isDirectory(p));
        break;
    }
    if (now !== answer) return false;
  }
  return true;
}
