/**
 * `--cache` / `--cache-location` (issue 15, ESLint's convention): the result of each unit of
 * work, kept between runs in one JSON file. An entry is found by the unit's key — the tool
 * version, the rule set (IDs, options and code), the settings that change evaluation, and the
 * unit's files — and is used only while every read the unit made (`recording-host.ts`) still
 * gives the same answer; otherwise the unit is linted again. A cache file that does not parse,
 * or is not this tool's, is ignored with one warning and rewritten: it is never trusted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../core/host.js';
import type { TextFacts } from '../frontends/types.js';
import { depsHold, hashText, textAnswer, type Dependency } from './recording-host.js';
import type { UnitResult } from './unit.js';

/** The default file name (ESLint: `.eslintcache`), in the current folder or a given folder. */
export const CACHE_FILE = '.mlops-iac-lint-cache';
const TOOL = 'mlops-iac-lint';
/** The layout of the cache file; bumped when UnitResult changes shape (5: `facts`; 6: `files`). */
const FORMAT = 6;

interface Entry {
  deps: Dependency[];
  result: UnitResult;
}

interface CacheFile {
  tool: typeof TOOL;
  format: number;
  version: string;
  entries: Record<string, Entry>;
  /**
   * Planning's answers about a text, by the fact's name and the text's hash (`TextFacts.fact`),
   * or about a file, by the fact's name, the file and its signature (`TextFacts.fileFact`).
   */
  facts: Record<string, unknown>;
  /** The text hash of files by path, with the signature the file had when it was read (`Host.signature`). */
  files: Record<string, FileMemo>;
}

/** A file's signature when it was read, and the hash of its text (a 'text' dependency's answer). */
type FileMemo = [signature: string, textHash: string];

/** Where the cache lives: `--cache-location` as a file, or a folder (existing, or ending in a separator) holding CACHE_FILE. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, CACHE_FILE);
  const abs = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (fs.existsSync(abs) && fs.statSync(abs).isDirectory());
  return isDir ? path.join(abs, CACHE_FILE) : abs;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('base64url');
}

export class UnitCache implements TextFacts {
  private readonly old: Record<string, Entry>;
  private readonly oldFacts: Record<string, unknown>;
  private readonly oldFiles: Record<string, FileMemo>;
  /** This run's file memos: those it used or made (`textHash`, `noteText`). */
  private readonly nextFiles = new Map<string, FileMemo>();
  /** This run's facts: those it asked for (an unused one is dropped, as an absent unit's entry is). */
  private readonly nextFacts = new Map<string, unknown>();
  /** This run's entries, serialized when made: the run goes on to mutate its findings (evidence, suppressions). */
  private readonly next = new Map<string, string>();
  hits = 0;
  misses = 0;
  /** The answer of each read checked in this run (`depsHold`). */
  private readonly answers = new Map<string, string>();

  /** This run wrote an entry (a unit linted afresh). */
  private wrote = false;

  private constructor(
    readonly file: string,
    private readonly version: string,
    old: Record<string, Entry>,
    oldFacts: Record<string, unknown>,
    oldFiles: Record<string, FileMemo>,
    /** The file on disk is this version's cache holding exactly `old` (not missing, corrupt, foreign or another version's). */
    private readonly onDisk: boolean,
  ) {
    this.old = old;
    this.oldFacts = oldFacts;
    this.oldFiles = oldFiles;
  }

  /** Opens the cache file; a missing one is empty, a corrupt or foreign one is reported through `warn` and ignored. */
  static open(file: string, version: string, warn: (message: string) => void): UnitCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}); linting without it`);
      return new UnitCache(file, version, {}, {}, {}, false);
    }
    const parsed = parseCacheFile(text);
    if (typeof parsed === 'string') {
      warn(`the cache ${file} ${parsed}; it is ignored and rewritten`);
      return new UnitCache(file, version, {}, {}, {}, false);
    }
    // Another version's results may differ: start afresh (not a warning: an upgrade is normal).
    const same = parsed.version === version;
    return new UnitCache(file, version, same ? parsed.entries : {}, same ? parsed.facts : {}, same ? parsed.files : {}, same);
  }

  /**
   * A fact about a text (TextFacts): the recorded answer for the same text, else `compute()`'s,
   * kept for the next run. A recorded answer that `valid` refuses is computed again: a cache
   * file is never trusted to hold the right shape.
   */
  fact<T>(name: string, text: string, valid: (v: unknown) => v is T, compute: () => T): T {
    const key = `${name}:${hashText(text)}`;
    const known = this.nextFacts.get(key) ?? this.oldFacts[key];
    const value = known !== undefined && valid(known) ? known : compute();
    this.nextFacts.set(key, value);
    return value;
  }

  /**
   * A fact about one file (TextFacts.fileFact): the answer recorded for the file while its
   * signature is the one it had then, else `compute()`'s (which reads the file), kept for the
   * next run when the file has a signature. An unchanged file is not read at all. `compute()`
   * gives undefined when the file cannot be read: nothing is kept.
   */
  fileFact<T>(name: string, file: string, host: Host, valid: (v: unknown) => v is T, compute: () => T | undefined): T | undefined {
    // Taken before compute() reads the file: a change after it gives the file another signature.
    const sig = host.signature(file);
    if (sig === undefined) return compute();
    const key = `${name}\u0000${file}\u0000${sig}`;
    const known = this.nextFacts.get(key) ?? this.oldFacts[key];
    const value = known !== undefined && valid(known) ? known : compute();
    if (value !== undefined) this.nextFacts.set(key, value);
    return value;
  }

  /**
   * A 'text' dependency's answer now: the recorded hash while the file's signature is the one
   * it had when that hash was made, else the hash of the text read now (kept with the signature
   * taken before the read).
   */
  private textHash(host: Host, file: string): string {
    const sig = host.signature(file);
    if (sig !== undefined) {
      const memo = this.nextFiles.get(file) ?? this.oldFiles[file];
      if (memo !== undefined && memo[0] === sig) {
        this.nextFiles.set(file, memo);
        return memo[1];
      }
    }
    const hash = textAnswer(host, file);
    if (sig !== undefined && hash !== '') this.nextFiles.set(file, [sig, hash]);
    return hash;
  }

  /**
   * A text hash a unit's recording made on this thread (`recordingHost`'s `onTextHash`): kept
   * with the signature the Host took before it first read the file. A file this thread's Host
   * did not read (a unit a worker ran) has no such signature and is not kept: a signature taken
   * now might be of a later version of the file than the hash.
   */
  noteText(host: Host, file: string, hash: string): void {
    const sig = host.knownSignature(file);
    if (sig !== undefined) this.nextFiles.set(file, [sig, hash]);
  }

  /** The cached result of a unit, when every read it made still gives the same answer. */
  get(key: string, host: Host): UnitResult | undefined {
    const e = this.old[key];
    if (e && depsHold(host, e.deps, this.answers, (file) => this.textHash(host, file))) {
      this.hits++;
      this.next.set(key, JSON.stringify(e));
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  set(key: string, deps: Dependency[], result: UnitResult): void {
    this.wrote = true;
    this.next.set(key, JSON.stringify({ deps, result }));
  }

  /** The file already says what save() would write: every unit came from it, and it holds no other. */
  private unchanged(): boolean {
    if (!this.onDisk || this.wrote || this.next.size !== Object.keys(this.old).length) return false;
    // The same facts, with the same answers (a fact answered afresh replaced a refused one).
    const old = Object.keys(this.oldFacts);
    if (old.length !== this.nextFacts.size || !old.every((k) => this.nextFacts.get(k) === this.oldFacts[k])) return false;
    // The same file memos (each used one is the old array itself; a new one is a new array).
    const files = Object.keys(this.oldFiles);
    return files.length === this.nextFiles.size && files.every((k) => this.nextFiles.get(k) === this.oldFiles[k]);
  }

  /**
   * Writes this run's entries (units of other shards or no longer present are dropped, so
   * the file does not grow without end). Atomic: a run killed while writing leaves the old file.
   * A run that changed nothing leaves the file alone (a warm run on an unchanged tree: ~30 ms
   * of a 0.7 s corpus run went to writing the same 4.7 MB again).
   */
  save(): void {
    if (this.unchanged()) return;
    const head = JSON.stringify({ tool: TOOL, format: FORMAT, version: this.version });
    const entries = [...this.next].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',');
    const facts = JSON.stringify(Object.fromEntries(this.nextFacts));
    const files = JSON.stringify(Object.fromEntries(this.nextFiles));
    // The folder of `--cache-location dir/` is made when missing (one level: a recursive
    // mkdir loops forever under /proc in Node 20).
    if (!fs.existsSync(path.dirname(this.file))) fs.mkdirSync(path.dirname(this.file));
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${head.slice(0, -1)},"entries":{${entries}},"facts":${facts},"files":${files}}`);
    fs.renameSync(tmp, this.file);
  }
}

/** The cache file's content, or why it is not one of ours. */
function parseCacheFile(text: string): CacheFile | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'is not valid JSON (corrupt)';
  }
  if (typeof v !== 'object' || v === null || (v as CacheFile).tool !== TOOL) return `is not a ${TOOL} cache`;
  const c = v as CacheFile;
  if (c.format !== FORMAT || typeof c.version !== 'string' || !isRecord(c.entries) || !isRecord(c.facts) || !isRecord(c.files)) return 'has a layout this version does not read';
  for (const e of Object.values(c.entries)) {
    if (!isEntry(e)) return 'has a malformed entry (corrupt)';
  }
  for (const m of Object.values(c.files)) {
    if (!Array.isArray(m) || m.length !== 2 || typeof m[0] !== 'string' || typeof m[1] !== 'string') return 'has a malformed entry (corrupt)';
  }
  return c;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEntry(e: unknown): e is Entry {
  if (typeof e !== 'object' || e === null) return false;
  const { deps, result } = e as Entry;
  if (!Array.isArray(deps) || !deps.every((d) => Array.isArray(d) && d.length === 3 && d.every((x) => typeof x === 'string'))) return false;
  if (typeof result !== 'object' || result === null) return false;
  const arrays: (keyof UnitResult)[] = ['findings', 'problems', 'undecided', 'directives', 'supProblems', 'readProblems', 'skipped', 'evaluatedElsewhere'];
  const summary = result.summary as unknown;
  const summaryOk = typeof summary === 'object' && summary !== null && Array.isArray((summary as UnitResult['summary']).gpuPools) && Array.isArray((summary as UnitResult['summary']).aksFiles);
  return arrays.every((k) => Array.isArray(result[k])) && summaryOk && typeof result.evidence === 'object' && result.evidence !== null && typeof result.frames === 'object' && result.frames !== null;
}
