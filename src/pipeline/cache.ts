/**
 * `--cache` / `--cache-location` (issue 15, ESLint's convention): the result of each unit of
 * work, kept between runs in one JSON file. An entry is found by the unit's key — the tool
 * version, the rule set (IDs, options and code), the settings that change evaluation, and the
 * unit's files — and is used only while every read the unit made (`recording-host.ts`) still
 * gives the same answer; otherwise the unit is linted again. A cache file that does not parse,
 * or is not this tool's, is ignored with one warning and rewritten: it is never trusted.
 */
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../core/host.js';
import type { FileFacts } from '../frontends/types.js';
import { depsHold, textAnswer, type Dependency } from './recording-host.js';
import type { UnitResult } from './unit.js';
import { ioErrorText } from '../core/io-error.js';

/** The default file name (ESLint: `.eslintcache`), in the current folder or a given folder. */
export const CACHE_FILE = '.mlops-iac-lint-cache';
const TOOL = 'mlops-iac-lint';
/** The layout of the cache file; bumped when UnitResult changes shape (5: `facts`; 6: `files`; 7: `deps`, facts in `files`; 8: `unit`). */
const FORMAT = 8;

/** A unit's entry as the file holds it: the unit it is of (`PlannedUnit.key`), its reads as indexes into the file's `deps`. */
interface StoredEntry {
  unit: string;
  deps: number[];
  result: UnitResult;
}

/** A unit's entry of this run: its unit, its reads, and its result serialized when made (the run goes on to mutate its findings: evidence, suppressions). */
interface NextEntry {
  unit: string;
  deps: readonly Dependency[];
  result: string;
}

/**
 * What a run decided, for `save`: the units it planned (undefined for a `--shard` run, whose
 * other shards' units are planned but not its own to decide).
 */
export interface RunScope {
  plannedUnits: ReadonlySet<string> | undefined;
}

/** The reads that name a file whose text or bytes the unit used. */
const FILE_READS: ReadonlySet<Dependency[0]> = new Set(['text', 'bytes', 'head', 'chunks']);

interface CacheFile {
  tool: typeof TOOL;
  format: number;
  version: string;
  /**
   * Every read of every entry, once: units share many (a module many roots call, the ARM
   * parameter files every Bicep unit with a compiled twin pairs: on the corpus 25,957 reads of
   * 7,422 distinct ones, 4.1 MB of the file when each entry listed its own).
   */
  deps: Dependency[];
  entries: Record<string, StoredEntry>;
  /** What is known of files by path while they keep the signature they had (`Host.signature`). */
  files: Record<string, FileRecord>;
}

/**
 * A file's signature when it was read, the hash of its text (a 'text' dependency's answer; ''
 * when not known), and planning's answers about it by name (`FileFacts.fileFact`).
 */
type FileRecord = [signature: string, textHash: string, facts: Record<string, unknown>];

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

export class UnitCache implements FileFacts {
  private readonly old: Record<string, StoredEntry>;
  private readonly oldDeps: readonly Dependency[];
  private readonly oldFiles: Record<string, FileRecord>;
  /** This run's file records: what it used or learnt (a file or fact it did not ask about is dropped, as an absent unit's entry is). */
  private readonly nextFiles = new Map<string, FileRecord>();
  /** This run's entries. */
  private readonly next = new Map<string, NextEntry>();
  hits = 0;
  misses = 0;
  /** The answer of each read checked in this run (`depsHold`). */
  private readonly answers = new Map<string, string>();
  /** The units whose entry this run looked for (`get`). */
  private readonly asked = new Set<string>();
  /** The files this run asked about (a record, a fact, a text hash), signed or not. */
  private readonly seen = new Set<string>();

  /** This run wrote an entry (a unit linted afresh). */
  private wrote = false;

  /** The location may not be used (`refusal`): nothing is read from or written to it. */
  private refused = false;

  private constructor(
    readonly file: string,
    private readonly version: string,
    old: Record<string, StoredEntry>,
    oldDeps: readonly Dependency[],
    oldFiles: Record<string, FileRecord>,
    /** The file on disk is this version's cache holding exactly `old` (not missing, corrupt, foreign or another version's). */
    private readonly onDisk: boolean,
  ) {
    this.old = old;
    this.oldDeps = oldDeps;
    this.oldFiles = oldFiles;
  }

  /** Opens the cache file; a missing one is empty, a corrupt or foreign one is reported through `warn` and ignored. */
  static open(file: string, version: string, warn: (message: string) => void): UnitCache {
    const refused = refusal(file);
    if (refused !== undefined) {
      warn(`the cache location ${file} ${refused}: it is neither read nor written (choose another --cache-location)`);
      const c = new UnitCache(file, version, {}, [], {}, false);
      c.refused = true;
      return c;
    }
    let text: string;
    try {
      // `refusal` above has seen a regular file here, or none.
      text = decodeCacheText(fs.readFileSync(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${ioErrorText(e)}); linting without it`);
      return new UnitCache(file, version, {}, [], {}, false);
    }
    const parsed = parseCacheFile(text);
    if (typeof parsed === 'string') {
      warn(`the cache ${file} ${parsed}; it is ignored and rewritten`);
      return new UnitCache(file, version, {}, [], {}, false);
    }
    // Another version's results may differ: start afresh (not a warning: an upgrade is normal).
    const same = parsed.version === version;
    return new UnitCache(file, version, same ? parsed.entries : {}, same ? parsed.deps : [], same ? parsed.files : {}, same);
  }

  /** This run's record of `file` with signature `sig` (a new, empty one when the file had another). */
  private record(file: string, sig: string): FileRecord {
    let rec = this.nextFiles.get(file);
    if (rec === undefined || rec[0] !== sig) {
      rec = [sig, '', {}];
      this.nextFiles.set(file, rec);
    }
    return rec;
  }

  /** The previous run's record of `file`, while the file still has its signature. */
  private oldRecord(file: string, sig: string): FileRecord | undefined {
    const rec = Object.hasOwn(this.oldFiles, file) ? this.oldFiles[file] : undefined;
    return rec !== undefined && rec[0] === sig ? rec : undefined;
  }

  /**
   * A fact about one file (FileFacts.fileFact): the answer recorded for the file while its
   * signature is the one it had then, else `compute()`'s (which reads the file), kept for the
   * next run when the file has a signature. An unchanged file is not read at all. `compute()`
   * gives undefined when the file cannot be read: nothing is kept. A recorded answer that
   * `valid` refuses is computed again: a cache file is never trusted to hold the right shape.
   */
  fileFact<T>(name: string, file: string, host: Host, valid: (v: unknown) => v is T, compute: () => T | undefined): T | undefined {
    // Taken before compute() reads the file: a change after it gives the file another signature.
    const sig = host.signature(file);
    this.seen.add(file);
    if (sig === undefined) return compute();
    const rec = this.record(file, sig);
    const old = this.oldRecord(file, sig)?.[2];
    const known = Object.hasOwn(rec[2], name) ? rec[2][name] : old !== undefined && Object.hasOwn(old, name) ? old[name] : undefined;
    const value = known !== undefined && valid(known) ? known : compute();
    if (value !== undefined) rec[2][name] = value;
    return value;
  }

  /**
   * A 'text' dependency's answer now: the recorded hash while the file's signature is the one
   * it had when that hash was made, else the hash of the text read now (kept with the signature
   * taken before the read).
   */
  private textHash(host: Host, file: string): string {
    const sig = host.signature(file);
    this.seen.add(file);
    if (sig !== undefined) {
      const rec = this.record(file, sig);
      if (rec[1] === '') rec[1] = this.oldRecord(file, sig)?.[1] ?? '';
      if (rec[1] !== '') return rec[1];
    }
    const hash = textAnswer(host, file);
    if (sig !== undefined) this.record(file, sig)[1] = hash;
    return hash;
  }

  /**
   * A text hash a unit's recording made on this thread (`recordingHost`'s `onTextHash`): kept
   * with the signature the Host took before it first read the file. A file this thread's Host
   * did not read (a unit a worker ran) has no such signature and is not kept: a signature taken
   * now might be of a later version of the file than the hash.
   */
  noteText(host: Host, file: string, hash: string): void {
    this.seen.add(file);
    const sig = host.knownSignature(file);
    if (sig !== undefined) this.record(file, sig)[1] = hash;
  }

  /**
   * The cached result of unit `unit` (`PlannedUnit.key`) under `key`, when every read it made
   * still gives the same answer. A summary-only result (`UnitResult.summaryOnly`) serves only a
   * run that wants no more (`summaryOnly`); a full one serves both.
   */
  get(key: string, unit: string, host: Host, summaryOnly = false): UnitResult | undefined {
    this.asked.add(unit);
    const e = this.old[key];
    const usable = e !== undefined && (summaryOnly || e.result.summaryOnly !== true);
    const deps = usable ? e.deps.map((i) => this.oldDeps[i]!) : undefined;
    if (e && deps && depsHold(host, deps, this.answers, (file) => this.textHash(host, file))) {
      this.hits++;
      this.next.set(key, { unit, deps, result: JSON.stringify(e.result) });
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  set(key: string, unit: string, deps: Dependency[], result: UnitResult): void {
    this.wrote = true;
    this.next.set(key, { unit, deps, result: JSON.stringify(result) });
  }

  /**
   * Keeps what this run did not decide (a pre-commit run of one staged file, a `--shard`, a run
   * of one folder): the entries of units it neither planned nor looked up, and the records of
   * files it did not look at, while their files exist. Otherwise each pre-commit run kept only
   * its own few units, and the next commit that staged a manifest (whose GPU pools are the whole
   * repository's) linted every pool's unit again. An entry of a unit this run planned is its
   * decision's (the new entry, or none: the unit no longer gives one), and one of a unit whose
   * files are gone goes, so the file stays the size of the tree's units, not of its history.
   */
  private carryOver(scope: RunScope): void {
    const exists = new Map<string, boolean>();
    const present = (file: string): boolean => {
      let e = exists.get(file);
      if (e === undefined) exists.set(file, (e = fs.existsSync(file)));
      return e;
    };
    for (const [key, e] of Object.entries(this.old)) {
      if (this.next.has(key) || this.asked.has(e.unit) || scope.plannedUnits?.has(e.unit)) continue;
      const deps = e.deps.map((i) => this.oldDeps[i]!);
      if (deps.every(([kind, file]) => !FILE_READS.has(kind) || present(file))) this.next.set(key, { unit: e.unit, deps, result: JSON.stringify(e.result) });
    }
    for (const [file, rec] of Object.entries(this.oldFiles)) {
      if (!this.seen.has(file) && present(file)) this.nextFiles.set(file, rec);
    }
  }

  /** The file already says what save() would write: every unit came from it, and it holds no other. */
  private unchanged(): boolean {
    if (!this.onDisk || this.wrote || this.next.size !== Object.keys(this.old).length) return false;
    // The same file records: each with the same signature, text hash and answers.
    const files = this.keptFiles();
    if (files.length !== Object.keys(this.oldFiles).length) return false;
    return files.every(([file, [sig, hash, facts]]) => {
      const old = this.oldRecord(file, sig);
      const names = Object.keys(facts);
      return old !== undefined && old[1] === hash && Object.keys(old[2]).length === names.length && names.every((n) => old[2][n] === facts[n]);
    });
  }

  /** This run's file records that say something (a file read in vain has an empty one). */
  private keptFiles(): [string, FileRecord][] {
    return [...this.nextFiles].filter(([, [, hash, facts]]) => hash !== '' || Object.keys(facts).length > 0);
  }

  /**
   * Writes this run's entries and those it carries over (`carryOver`). Atomic: a run killed
   * while writing leaves the old file. A run that changed nothing leaves the file alone (a warm
   * run on an unchanged tree: ~30 ms of a 0.7 s corpus run went to writing the same 4.7 MB again).
   */
  save(scope: RunScope): void {
    if (this.refused) return;
    this.carryOver(scope);
    if (this.unchanged()) return;
    const refused = refusal(this.file);
    if (refused !== undefined) throw new Error(refused);
    const head = JSON.stringify({ tool: TOOL, format: FORMAT, version: this.version });
    // The reads of this run's entries, each once, in the order first met.
    const depIndex = new Map<string, number>();
    const depTable: Dependency[] = [];
    const indexOf = (d: Dependency): number => {
      const k = `${d[0]}\u0000${d[1]}\u0000${d[2]}`;
      let i = depIndex.get(k);
      if (i === undefined) {
        i = depTable.length;
        depIndex.set(k, i);
        depTable.push(d);
      }
      return i;
    };
    // Each piece made ASCII on its own (`asciiJson`): one non-ASCII character anywhere made the
    // whole joined text two-byte, and the escaping pass over it took 185–275 ms of a 10 MB cache
    // (the corpus copied 4×, a pre-commit run that carries a manifest's 721 entries over); piece
    // by piece, the pieces without one are passed as they are (the same bytes, ~100 ms in all).
    const entries = [...this.next].map(([k, e]) => asciiJson(`${JSON.stringify(k)}:{"unit":${JSON.stringify(e.unit)},"deps":${JSON.stringify(e.deps.map(indexOf))},"result":${e.result}}`)).join(',');
    const files = asciiJson(JSON.stringify(Object.fromEntries(this.keptFiles())));
    // The folder of `--cache-location dir/` is made when missing (one level: a recursive
    // mkdir loops forever under /proc in Node 20).
    if (!fs.existsSync(path.dirname(this.file))) fs.mkdirSync(path.dirname(this.file));
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${asciiJson(head.slice(0, -1))},"deps":${asciiJson(JSON.stringify(depTable))},"entries":{${entries}},"files":${files}}`, 'latin1');
    fs.renameSync(tmp, this.file);
  }
}

/**
 * JSON text with every character outside ASCII written as a `\uXXXX` escape: the same JSON, in
 * bytes that read back as a one-byte string. A single `—` in a finding's message made the whole
 * 5 MB text a two-byte string, which V8 decodes and parses about twice as slowly (the corpus:
 * 141 ms against 80 ms, a sixth of a warm run).
 */
function asciiJson(text: string): string {
  return NON_ASCII.test(text) ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The cache file's text: read as Latin-1 when it is all ASCII (what `save` writes; the cheapest exact decoding), else as UTF-8 (a hand-edited file). */
function decodeCacheText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
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
  if (c.format !== FORMAT || typeof c.version !== 'string' || !Array.isArray(c.deps) || !isRecord(c.entries) || !isRecord(c.files)) return 'has a layout this version does not read';
  if (!c.deps.every((d) => Array.isArray(d) && d.length === 3 && d.every((x) => typeof x === 'string'))) return 'has a malformed entry (corrupt)';
  for (const e of Object.values(c.entries)) {
    if (!isEntry(e, c.deps.length)) return 'has a malformed entry (corrupt)';
  }
  for (const r of Object.values(c.files)) {
    if (!Array.isArray(r) || r.length !== 3 || typeof r[0] !== 'string' || typeof r[1] !== 'string' || !isRecord(r[2])) return 'has a malformed entry (corrupt)';
  }
  return c;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An entry of the right shape, whose reads are indexes into a table of `depCount` reads. */
function isEntry(e: unknown, depCount: number): e is StoredEntry {
  if (typeof e !== 'object' || e === null) return false;
  const { unit, deps, result } = e as StoredEntry;
  if (typeof unit !== 'string' || !Array.isArray(deps) || !deps.every((i) => Number.isInteger(i) && i >= 0 && i < depCount)) return false;
  if (typeof result !== 'object' || result === null) return false;
  const arrays: (keyof UnitResult)[] = ['findings', 'problems', 'undecided', 'directives', 'supProblems', 'readProblems', 'skipped', 'evaluatedElsewhere'];
  const summary = result.summary as unknown;
  const summaryOk = typeof summary === 'object' && summary !== null && Array.isArray((summary as UnitResult['summary']).gpuPools) && Array.isArray((summary as UnitResult['summary']).aksFiles);
  return arrays.every((k) => Array.isArray(result[k])) && (result.notices === undefined || Array.isArray(result.notices)) && summaryOk && typeof result.evidence === 'object' && result.evidence !== null && typeof result.frames === 'object' && result.frames !== null;
}

/** Names of the files the linter reads (a cache location named like one is a mistake, never overwritten). */
const LINTED_NAME = /\.(?:tf|tfvars|hcl|bicep|bicepparam|ya?ml|sh|bash|ps1|psm1)$/i;

/**
 * Why the cache may not use its location, or undefined: a device or folder (`--cache-location
 * /dev/zero` would replace the device node), or a file named like one the linter reads that is not
 * a cache (a scanned `main.tf` given by mistake). A missing file, a corrupt or foreign cache are
 * fine: they are ignored and rewritten.
 */
function refusal(file: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return 'is not a regular file (a device, FIFO, socket or folder)';
  if (!LINTED_NAME.test(file) || st.size === 0) return undefined;
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return /^\s*\{\s*"tool"/.test(head.toString('latin1')) ? undefined : 'is a file of a format mlops-iac-lint reads, not a cache';
}
