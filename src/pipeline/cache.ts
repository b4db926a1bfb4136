/**
 * `--cache` / `--cache-location` (issue 15, ESLint's convention): the result of each unit of
 * work, kept between runs in one file. An entry is found by the unit's key — the tool version,
 * the rule set (IDs, options and code), the settings that change evaluation, and the unit's
 * files — and is used only while every read the unit made (`recording-host.ts`) still gives the
 * same answer; otherwise the unit is linted again. A cache file that does not parse, does not
 * match its checksum, or is not this tool's, is ignored with one warning and rewritten: it is
 * never trusted.
 *
 * The file is lines of JSON (`headLine`, `cacheLines`): a head with the checksum of the rest, the
 * table of reads, one line per unit's entry and one per file's record. A run parses an entry's result and
 * a file's record only when it asks for them, and writes those it did not ask for back as the
 * text it read: in a large repository most of the file is what earlier runs decided about other
 * units (a pre-commit run of one `.tf` carries a manifest's 721 entries and 23,000 file records
 * over), and parsing and writing all of it as one JSON text was most of such a run's cost of
 * the cache.
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
/** The layout of the cache file; bumped when UnitResult changes shape (5: `facts`; 6: `files`; 7: `deps`, facts in `files`; 8: `unit`; 9: lines, a checksum). */
const FORMAT = 9;

/**
 * A unit's entry as the file holds it: the unit it is of (`PlannedUnit.key`), its reads as
 * indexes into the file's `deps`, whether its result is summary-only (`UnitResult.summaryOnly`),
 * and the result's JSON text, parsed when a run uses it.
 */
interface StoredEntry {
  unit: string;
  deps: number[];
  summaryOnly: boolean;
  result: string;
}

/**
 * A unit's entry of this run: its unit, its reads, and its result as JSON text (made when the
 * result is: the run goes on to mutate its findings, evidence, suppressions; or the text read
 * from the file, for a result served or carried over).
 */
interface NextEntry {
  unit: string;
  deps: readonly Dependency[];
  summaryOnly: boolean;
  result: string;
}

/**
 * What a run decided, for `save`: the units it planned (undefined for a `--shard` run, whose
 * other shards' units are planned but not its own to decide).
 */
export interface RunScope {
  plannedUnits: ReadonlySet<string> | undefined;
  /**
   * The run's Host, whose folder listings say whether a carried-over entry's files are still
   * there without a syscall (a pre-commit run in a large repository carries 23,000 records over,
   * and checking each file took 120 ms); the file system answers what they do not decide.
   */
  host?: Pick<Host, 'listedPresence'>;
}

/** The reads that name a file whose text or bytes the unit used. */
const FILE_READS: ReadonlySet<Dependency[0]> = new Set(['text', 'bytes', 'head', 'chunks']);

/** A cache file's content as `readCacheFile` gives it (entries' results and file records still as JSON text). */
interface CacheFile {
  version: string;
  /**
   * Every read of every entry, once: units share many (a module many roots call, the ARM
   * parameter files every Bicep unit with a compiled twin pairs: on the corpus 25,957 reads of
   * 7,422 distinct ones, 4.1 MB of the file when each entry listed its own).
   */
  deps: Dependency[];
  entries: Map<string, StoredEntry>;
  /** What is known of files by path while they keep the signature they had (`Host.signature`): each record's JSON text. */
  files: Map<string, string>;
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
  private old: Map<string, StoredEntry>;
  private oldDeps: readonly Dependency[];
  /** The previous run's file records, as JSON text by path, and those parsed so far (`oldRecord`). */
  private oldFiles: Map<string, string>;
  private readonly oldParsed = new Map<string, FileRecord | null>();
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
    old: CacheFile | undefined,
    /** The file on disk is this version's cache holding exactly `old` (not missing, corrupt, foreign or another version's). */
    private onDisk: boolean,
    /** Told once when a part read only when used turns out malformed (the file is then ignored from there on). */
    private readonly warn: (message: string) => void,
  ) {
    this.old = old?.entries ?? new Map();
    this.oldDeps = old?.deps ?? [];
    this.oldFiles = old?.files ?? new Map();
  }

  /** Opens the cache file; a missing one is empty, a corrupt or foreign one is reported through `warn` and ignored. */
  static open(file: string, version: string, warn: (message: string) => void): UnitCache {
    const refused = refusal(file);
    if (refused !== undefined) {
      warn(`the cache location ${file} ${refused}: it is neither read nor written (choose another --cache-location)`);
      const c = new UnitCache(file, version, undefined, false, warn);
      c.refused = true;
      return c;
    }
    let bytes: Buffer;
    try {
      // `refusal` above has seen a regular file here, or none.
      bytes = fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${ioErrorText(e)}); linting without it`);
      return new UnitCache(file, version, undefined, false, warn);
    }
    const parsed = readCacheFile(bytes, version);
    if (typeof parsed === 'string') {
      warn(`the cache ${file} ${parsed}; it is ignored and rewritten`);
      return new UnitCache(file, version, undefined, false, warn);
    }
    // Another version's results may differ: start afresh (not a warning: an upgrade is normal).
    return parsed === OTHER_VERSION ? new UnitCache(file, version, undefined, false, warn) : new UnitCache(file, version, parsed, true, warn);
  }

  /**
   * A part of the file read only when used (an entry's result, a file's record) has the wrong
   * shape, though the file matched its checksum (it was written so, by hand or by another
   * program): said once, and nothing more of the file is used; it is rewritten.
   */
  private distrust(): void {
    if (!this.onDisk) return;
    this.warn(`the cache ${this.file} has a malformed entry (corrupt); it is ignored and rewritten`);
    this.onDisk = false;
    this.old = new Map();
    this.oldDeps = [];
    this.oldFiles = new Map();
    this.oldParsed.clear();
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

  /** The previous run's record of `file`, parsed when first asked for. */
  private parsedRecord(file: string): FileRecord | undefined {
    let rec = this.oldParsed.get(file);
    if (rec === undefined) {
      const text = this.oldFiles.get(file);
      if (text === undefined) return undefined;
      rec = parseFileRecord(text);
      this.oldParsed.set(file, rec);
      if (rec === null) this.distrust();
    }
    return rec ?? undefined;
  }

  /** The previous run's record of `file`, while the file still has its signature. */
  private oldRecord(file: string, sig: string): FileRecord | undefined {
    const rec = this.parsedRecord(file);
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
    const e = this.old.get(key);
    const usable = e !== undefined && (summaryOnly || !e.summaryOnly);
    const deps = usable ? e.deps.map((i) => this.oldDeps[i]!) : undefined;
    if (e && deps && depsHold(host, deps, this.answers, (file) => this.textHash(host, file))) {
      const result = parseResult(e.result, e.summaryOnly);
      // (A record read on the way may have been malformed: nothing of the file is used then.)
      if (result !== undefined && this.onDisk) {
        this.hits++;
        this.next.set(key, { unit, deps, summaryOnly: e.summaryOnly, result: e.result });
        return result;
      }
      if (result === undefined) this.distrust();
    }
    this.misses++;
    return undefined;
  }

  set(key: string, unit: string, deps: Dependency[], result: UnitResult): void {
    this.wrote = true;
    this.next.set(key, { unit, deps, summaryOnly: result.summaryOnly === true, result: JSON.stringify(result) });
  }

  /**
   * Keeps what this run did not decide (a pre-commit run of one staged file, a `--shard`, a run
   * of one folder): the entries of units it neither planned nor looked up, and the records of
   * files it did not look at, while their files exist — as the text they were read as. Otherwise
   * each pre-commit run kept only its own few units, and the next commit that staged a manifest
   * (whose GPU pools are the whole repository's) linted every pool's unit again. An entry of a
   * unit this run planned is its decision's (the new entry, or none: the unit no longer gives
   * one), and one of a unit whose files are gone goes, so the file stays the size of the tree's
   * units, not of its history.
   */
  private carryOver(scope: RunScope): Map<string, string> {
    const exists = new Map<string, boolean>();
    const present = (file: string): boolean => {
      let e = exists.get(file);
      if (e === undefined) exists.set(file, (e = scope.host?.listedPresence(file) ?? fs.existsSync(file)));
      return e;
    };
    for (const [key, e] of this.old) {
      if (this.next.has(key) || this.asked.has(e.unit) || scope.plannedUnits?.has(e.unit)) continue;
      const deps = e.deps.map((i) => this.oldDeps[i]!);
      if (deps.every(([kind, file]) => !FILE_READS.has(kind) || present(file))) this.next.set(key, { unit: e.unit, deps, summaryOnly: e.summaryOnly, result: e.result });
    }
    const carried = new Map<string, string>();
    for (const [file, text] of this.oldFiles) {
      if (!this.seen.has(file) && present(file)) carried.set(file, text);
    }
    return carried;
  }

  /** The file already says what save() would write: every unit came from it, and it holds no other. */
  private unchanged(carried: ReadonlyMap<string, string>): boolean {
    if (!this.onDisk || this.wrote || this.next.size !== this.old.size) return false;
    // The same file records: each with the same signature, text hash and answers.
    const files = this.keptFiles();
    if (files.length + carried.size !== this.oldFiles.size) return false;
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
    const carried = this.carryOver(scope);
    if (this.unchanged(carried)) return;
    const refused = refusal(this.file);
    if (refused !== undefined) throw new Error(refused);
    const files: [string, string][] = this.keptFiles().map(([file, rec]) => [file, asciiJson(JSON.stringify(rec))]);
    for (const c of carried) files.push(c);
    const body = cacheLines([...this.next], files);
    // The folder of `--cache-location dir/` is made when missing (one level: a recursive
    // mkdir loops forever under /proc in Node 20).
    if (!fs.existsSync(path.dirname(this.file))) fs.mkdirSync(path.dirname(this.file));
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeCacheFile(tmp, this.version, body);
    fs.renameSync(tmp, this.file);
  }
}

/** `readCacheFile`'s answer for a cache of another version of the tool (not read further). */
const OTHER_VERSION = Symbol('another version');

/**
 * The lines of a cache file after its head (`headLine`): the table of reads (`D`), each entry
 * (`E`: its key, unit, reads as indexes into the table, whether it is summary-only, its result)
 * and each file's record (`F`: its path and record). Each line is ASCII JSON between tabs (JSON
 * text holds no raw tab or line break), and results and records are written as the text given.
 */
function cacheLines(entries: readonly (readonly [string, NextEntry])[], files: readonly (readonly [string, string])[]): string[] {
  // The reads of the entries, each once, in the order first met. A read served or carried over
  // from the file is one object for all its entries: found by identity before its text is made.
  const byRead = new Map<Dependency, number>();
  const byText = new Map<string, number>();
  const depTable: Dependency[] = [];
  const indexOf = (d: Dependency): number => {
    let i = byRead.get(d);
    if (i !== undefined) return i;
    const k = `${d[0]}\u0000${d[1]}\u0000${d[2]}`;
    i = byText.get(k);
    if (i === undefined) {
      i = depTable.length;
      byText.set(k, i);
      depTable.push(d);
    }
    byRead.set(d, i);
    return i;
  };
  const body = [...entries].map(([key, e]) => entryLine(key, e.unit, JSON.stringify(e.deps.map(indexOf)), e.summaryOnly, e.result));
  for (const [file, record] of files) body.push(fileLine(file, record));
  body.unshift(depsLine(JSON.stringify(depTable)));
  return body;
}

// Each piece is made ASCII on its own (`asciiJson`): one non-ASCII character anywhere made a joined
// text two-byte, and escaping it whole took 185–275 ms of a 10 MB cache. A text read from the
// file is ASCII already.

/** The line of the table of reads (`cacheLines`); `table` is its JSON text. */
function depsLine(table: string): string {
  return `D\t${asciiJson(table)}\n`;
}

/** An entry's line (`cacheLines`); `deps` is its JSON list of indexes, `result` its JSON text. */
function entryLine(key: string, unit: string, deps: string, summaryOnly: boolean, result: string): string {
  return `E\t${asciiJson(JSON.stringify(key))}\t${asciiJson(JSON.stringify(unit))}\t${deps}\t${summaryOnly ? 1 : 0}\t${asciiJson(result)}\n`;
}

/** A file record's line (`cacheLines`); `record` is its JSON text. */
function fileLine(file: string, record: string): string {
  return `F\t${asciiJson(JSON.stringify(file))}\t${asciiJson(record)}\n`;
}

/** The head line: the tool, the layout, the version and the checksum of every line after it (base64url SHA-256: 43 characters). */
function headLine(version: string, sha256: string): string {
  return `${JSON.stringify({ tool: TOOL, format: FORMAT, version, sha256 })}\n`;
}

/**
 * Writes the cache file `file` of `version` with the lines `body` (ASCII) after its head, a
 * megabyte at a time, each piece hashed as it is written; the head, whose length the checksum
 * does not change, is written last in the room left for it. Never one string of the whole file:
 * joining 10 MB of lines, then converting it for the hash and again for the write, cost more
 * than the writes.
 */
function writeCacheFile(file: string, version: string, body: readonly string[]): void {
  const headBytes = headLine(version, 'x'.repeat(43)).length;
  const sum = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  try {
    let at = headBytes;
    const flush = (lines: string[]): void => {
      const bytes = Buffer.from(lines.join(''), 'latin1');
      sum.update(bytes);
      fs.writeSync(fd, bytes, 0, bytes.length, at);
      at += bytes.length;
    };
    let chunk: string[] = [];
    let size = 0;
    for (const line of body) {
      chunk.push(line);
      size += line.length;
      if (size >= WRITE_CHUNK) {
        flush(chunk);
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) flush(chunk);
    const head = Buffer.from(headLine(version, sum.digest('base64url')), 'latin1');
    fs.writeSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
}

const WRITE_CHUNK = 1024 * 1024;

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

/**
 * A cache file's content (its results and records as text, checked when used), OTHER_VERSION for
 * another version's cache, or why the file is not one of ours. Everything but those texts is
 * checked here: the head, the checksum, each line's fields, every read and every entry's indexes.
 */
function readCacheFile(bytes: Buffer, version: string): CacheFile | typeof OTHER_VERSION | string {
  const firstBreak = bytes.indexOf(0x0a);
  let head: unknown;
  try {
    head = JSON.parse(bytes.toString('utf8', 0, firstBreak < 0 ? bytes.length : firstBreak));
  } catch {
    return 'is not valid JSON (corrupt)';
  }
  if (typeof head !== 'object' || head === null || (head as { tool?: unknown }).tool !== TOOL) return `is not a ${TOOL} cache`;
  const h = head as { format?: unknown; version?: unknown; sha256?: unknown };
  // Another version's cache, whatever its layout (an upgrade is normal): not read further.
  if (typeof h.version === 'string' && h.version !== version) return OTHER_VERSION;
  if (h.format !== FORMAT || typeof h.version !== 'string' || typeof h.sha256 !== 'string' || firstBreak < 0) return 'has a layout this version does not read';
  const rest = bytes.subarray(firstBreak + 1);
  if (createHash('sha256').update(rest).digest('base64url') !== h.sha256) return 'does not match its checksum (corrupt)';
  // What `save` writes is ASCII, read as Latin-1 (the cheapest exact decoding); other bytes
  // with a checksum that holds were written by another program, as UTF-8.
  const text = isAscii(rest) ? rest.toString('latin1') : rest.toString('utf8');
  const malformed = 'has a malformed entry (corrupt)';
  let deps: Dependency[] | undefined;
  const entries = new Map<string, StoredEntry>();
  const files = new Map<string, string>();
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    if (end < 0) return malformed;
    const line = text.slice(at, end);
    at = end + 1;
    const kind = line.slice(0, 2);
    if (kind === 'F\t') {
      const tab = line.indexOf('\t', 2);
      const file = tab < 0 ? undefined : jsonString(line.slice(2, tab));
      if (file === undefined) return malformed;
      files.set(file, line.slice(tab + 1));
    } else if (kind === 'E\t' && deps !== undefined) {
      const fields = line.split('\t', 5);
      const resultAt = fields.reduce((n, f) => n + f.length + 1, 0);
      const key = fields.length === 5 ? jsonString(fields[1]!) : undefined;
      const unit = key === undefined ? undefined : jsonString(fields[2]!);
      const indexes = unit === undefined ? undefined : jsonValue(fields[3]!);
      const flag = fields[4];
      if (key === undefined || unit === undefined || !isIndexList(indexes, deps.length) || (flag !== '0' && flag !== '1') || resultAt >= line.length + 1) return malformed;
      entries.set(key, { unit, deps: indexes, summaryOnly: flag === '1', result: line.slice(resultAt) });
    } else if (kind === 'D\t' && deps === undefined) {
      const table = jsonValue(line.slice(2));
      if (!Array.isArray(table) || !table.every((d) => Array.isArray(d) && d.length === 3 && d.every((x) => typeof x === 'string'))) return malformed;
      deps = table as Dependency[];
    } else return malformed;
  }
  if (deps === undefined) return malformed;
  return { version, deps, entries, files };
}

/** A JSON value's text parsed, or undefined when it is not JSON. */
function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON string's text parsed (a path without escapes is the text between its quotes), or undefined. */
function jsonString(text: string): string | undefined {
  if (text.length >= 2 && text.charCodeAt(0) === 0x22 && text.charCodeAt(text.length - 1) === 0x22 && text.indexOf('\\') < 0 && text.indexOf('"', 1) === text.length - 1) return text.slice(1, -1);
  const v = jsonValue(text);
  return typeof v === 'string' ? v : undefined;
}

function isIndexList(v: unknown, depCount: number): v is number[] {
  return Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < depCount);
}

/** A file's record parsed from its text, or null when it is not one. */
function parseFileRecord(text: string): FileRecord | null {
  const r = jsonValue(text);
  return Array.isArray(r) && r.length === 3 && typeof r[0] === 'string' && typeof r[1] === 'string' && isRecord(r[2]) ? (r as FileRecord) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An entry's result parsed from its text, when it is one of the right shape (and summary-only as its line says). */
function parseResult(text: string, summaryOnly: boolean): UnitResult | undefined {
  const result = jsonValue(text);
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as UnitResult;
  if ((r.summaryOnly === true) !== summaryOnly) return undefined;
  const arrays: (keyof UnitResult)[] = ['findings', 'problems', 'undecided', 'directives', 'supProblems', 'readProblems', 'skipped', 'evaluatedElsewhere'];
  const summary = r.summary as unknown;
  const summaryOk = typeof summary === 'object' && summary !== null && Array.isArray((summary as UnitResult['summary']).gpuPools) && Array.isArray((summary as UnitResult['summary']).aksFiles);
  const ok = arrays.every((k) => Array.isArray(r[k])) && (r.notices === undefined || Array.isArray(r.notices)) && summaryOk && typeof r.evidence === 'object' && r.evidence !== null && typeof r.frames === 'object' && r.frames !== null;
  return ok ? r : undefined;
}

/**
 * A cache file's content in plain form, for tests and for looking into a cache by hand: every
 * entry's result and file's record parsed (a malformed one as undefined). Throws why the file is
 * not a cache of `version`.
 */
export function inspectCacheFile(bytes: Buffer, version: string): { deps: Dependency[]; entries: Record<string, { unit: string; deps: number[]; result: UnitResult | undefined }>; files: Record<string, FileRecord | undefined> } {
  const c = readCacheFile(bytes, version);
  if (typeof c === 'string') throw new Error(c);
  if (c === OTHER_VERSION) throw new Error(`is a cache of another version than ${version}`);
  return {
    deps: c.deps,
    entries: Object.fromEntries([...c.entries].map(([k, e]) => [k, { unit: e.unit, deps: e.deps, result: parseResult(e.result, e.summaryOnly) }])),
    files: Object.fromEntries([...c.files].map(([f, text]) => [f, parseFileRecord(text) ?? undefined])),
  };
}

/**
 * The text of a cache file of `version` holding `content` (as `inspectCacheFile` gives it, values
 * of any shape): what `save` writes, checksum included. For tests that plant a value in a cache.
 */
export function cacheFileText(version: string, content: { deps: unknown[]; entries: Record<string, { unit: unknown; deps: unknown; result: unknown }>; files: Record<string, unknown> }): string {
  const body = Object.entries(content.entries).map(([k, e]) => entryLine(k, e.unit as string, JSON.stringify(e.deps), (e.result as UnitResult | undefined)?.summaryOnly === true, JSON.stringify(e.result)));
  for (const [f, r] of Object.entries(content.files)) body.push(fileLine(f, JSON.stringify(r)));
  body.unshift(depsLine(JSON.stringify(content.deps)));
  const text = body.join('');
  return headLine(version, createHash('sha256').update(text, 'latin1').digest('base64url')) + text;
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
