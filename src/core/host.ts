/**
 * The only module that touches the disk (issue "One seam per input format", item 1).
 *
 * Every parser front end, evaluator and rule gets file contents and folder listings
 * through a `Host`, so the promises of DESIGN.md "Offline and safe" are kept in one place:
 * - nothing outside the scan root is read, not even through a symbolic link whose target
 *   leaves it (the realpath gate);
 * - only regular files are read: a FIFO, socket or device named `x.tf` would block a read
 *   forever, so it is skipped and listed for `--verbose`;
 * - binary files are refused, a UTF-8 byte-order mark is dropped (so line-1 columns are
 *   right) and UTF-16 files with a BOM are decoded.
 * Results are cached: each file is read once, each folder's realpath is computed once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { MAX_TEXT_BYTES } from './limits.js';
import { ioErrorText, readNamedFile } from './io-error.js';
import { realpathOr } from './paths.js';

/** Why a read gave nothing: reported by the caller as PARSE001 or a `--verbose` line. */
export interface ReadProblem {
  file: string;
  /** `outside` and `not-regular` are silent skips (verbose); the others are PARSE001. */
  kind: 'outside' | 'not-regular' | 'unreadable' | 'binary' | 'too-large' | 'missing';
  message: string;
}

export interface DirEntry {
  name: string;
  path: string;
  isFile: boolean;
  isDirectory: boolean;
  /** A symbolic link to a regular file inside the root, listed as a file of its folder (`Host.list`). */
  link?: true;
}

export interface Host {
  /** The scan root (absolute). Reporters relativize paths to it. */
  readonly root: string;
  /** True when `p`, with every symbolic link resolved, is the root or inside it. */
  isInside(p: string): boolean;
  /** A regular file inside the root. */
  isFile(p: string): boolean;
  /** A folder inside the root. */
  isDirectory(p: string): boolean;
  /** The entries of a folder inside the root, sorted by name; undefined when it is outside or unreadable. */
  list(dir: string): readonly DirEntry[] | undefined;
  /**
   * The names of a folder's regular files that `pattern` matches, sorted (a recording Host notes
   * only these, not the whole listing: a unit that looks for one kind of file there does not
   * depend on every other file of the folder). Absent: `fileNamesMatching` filters `list`.
   */
  listNames?(dir: string, pattern: RegExp): string[];
  /** The text of a file inside the root (decoded, BOM dropped); undefined with a recorded problem otherwise. */
  readText(file: string): string | undefined;
  /** The raw bytes of a regular file inside the root, at most `maxBytes` (Bicep's `loadFileAsBase64`). */
  readBytes(file: string, maxBytes: number): Buffer | undefined;
  /**
   * At most the first `maxBytes` bytes of a regular file inside the root, never cached: a peek
   * at a file that may be huge (a Terraform plan) before deciding to read it.
   */
  readHead(file: string, maxBytes: number): Buffer | undefined;
  /**
   * A text file inside the root as chunks of about `chunkBytes` (UTF-8, or UTF-16 with a BOM,
   * as `decodeText` reads them; BOM dropped, characters never split), read as the iterator is
   * pulled, never cached and never kept whole:
   * files too large to hold as one string (a 200 MB plan). Undefined when the file cannot be
   * read (the problem is recorded). Call `return()` on the iterator to stop early.
   */
  readChunks(file: string, chunkBytes: number): Iterator<string, void> | undefined;
  /** The problem of the last failed `readText`/`readBytes` of this file, if any. */
  problemOf(file: string): ReadProblem | undefined;
  /**
   * Where the text `readText` gave for a file holds bytes that are not UTF-8 (decoded to
   * U+FFFD): character offsets (the first 64), or undefined for a file read as it is written.
   * Formats that reject such bytes (HCL outside comments: "Invalid character encoding") report them.
   */
  invalidEncodingAt(file: string): readonly number[] | undefined;
  /** Every read problem so far, in the order they happened. */
  problems(): readonly ReadProblem[];
  /** Texts read so far (code frames, suppressions and evidence hashes use them). */
  texts(): ReadonlyMap<string, string>;
  /**
   * Drops a file's text from the cache (memory-bounded runs release units they are done with).
   * While planning (`HostOptions.setAsideChars`, until `planned`) the text is set aside instead,
   * within the bound, for the unit that reads it next.
   */
  forget(file: string): void;
  /**
   * Keeps `file`'s text for the rest of the run once read (within the set-aside bound): `forget`
   * no longer drops it. For a small file that every unit of a kind reads again (an ARM parameter
   * file, which each Bicep unit with a compiled twin pairs): opened once, not once per unit.
   */
  keep(file: string): void;
  /**
   * The plan is made: of the texts set aside while planning, those of `files` (the files of the
   * units to run) stay until their unit reads them, the others go, and from now on `forget`
   * drops texts (kept ones excepted).
   */
  planned(files: ReadonlySet<string>): void;
  /**
   * Planning's answers about files (`planningFact` without the --cache), by question and file:
   * kept while the run is planned, so a question asked again of a file is neither read nor
   * computed again; undefined once the run is `planned` (units ask few such questions, and the
   * answers about every file of a large tree would stay for the whole run).
   */
  planningAnswers(): Map<string, unknown> | undefined;
  /**
   * What this run's folder listings say of `p`, without a syscall: true when its folder listed
   * it, false when it certainly is not there (its folder, or one above it, was listed without
   * it), undefined when no listing decides (the caller asks the file system).
   */
  listedPresence(p: string): boolean | undefined;
  /**
   * The file's signature (`HostOptions.signatures`): device, inode, size and the modification
   * and change times, taken before this run first read the file (or now, when it
   * has not read it), so that a file changed after the signature was taken no longer matches it.
   * Undefined when signatures are off, the file is not a regular file inside the root, or it
   * changed too recently to be told apart from a change in the same clock tick (`freshMs`).
   * The `--cache` recognizes an unchanged file by it without reading the file (git's index does
   * the same with the same fields).
   */
  signature(file: string): string | undefined;
  /** The signature taken before this run first read the file, if it did (never a new stat). */
  knownSignature(file: string): string | undefined;
}

export interface HostOptions {
  /**
   * While planning, texts that `forget` drops are set aside, up to this many characters in all
   * (with `keep`'s texts): the next `readText` of the file takes its text back without opening
   * it. Planning reads many files the units then read again (every `.tf` for its module calls,
   * every `.json` and `.yaml` to classify it; issue 15: each file was read 2.7 times a run).
   * Bounded, so a large tree is not held whole between the two phases. Default 0 (none).
   */
  setAsideChars?: number;
  /**
   * Takes each file's signature (`Host.signature`) before its first read: for `--cache`.
   * `freshMs`: a file whose modification or change time is less than this before the stat has
   * no signature (a later write within the file system's timestamp granularity could leave
   * every field the same; git calls these "racily clean" entries). Default: off.
   */
  signatures?: { freshMs: number };
}

/** The largest peek `readHead` reads through its scratch buffer (the plan peek's 64 KB). */
const HEAD_SCRATCH_BYTES = 64 * 1024;

/** The names of a folder's regular files that `pattern` matches, sorted, through `Host.listNames` when the Host has it. */
export function fileNamesMatching(host: Pick<Host, 'list' | 'listNames'>, dir: string, pattern: RegExp): string[] {
  if (host.listNames) return host.listNames(dir, pattern);
  return (host.list(dir) ?? []).filter((e) => e.isFile && pattern.test(e.name)).map((e) => e.name);
}

/** True when the first 8,000 bytes contain a NUL (git's heuristic). A UTF-16 file with a BOM is text. */
export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).indexOf(0) !== -1;
}

/** The encoding of bytes that start with a UTF-16 byte order mark (`FF FE` LE, `FE FF` BE), or undefined. */
export function utf16Encoding(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length < 2) return undefined;
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Decodes file bytes: UTF-8 (BOM dropped) or UTF-16 LE/BE with a BOM. */
export function decodeText(buf: Buffer): string | undefined {
  const utf16 = utf16Encoding(buf);
  if (utf16) return new TextDecoder(utf16).decode(buf.subarray(2));
  if (isBinary(buf)) return undefined;
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file the user named (the config, a baseline, a policy alias dump) as text, decoded as the
 * scanned files are (`decodeText`: UTF-8 with its BOM dropped, UTF-16 with a BOM: PowerShell 5's
 * `>` writes UTF-16 LE). Bytes that are not text are read as UTF-8, for the file's parser to
 * refuse. Throws what `readNamedFile` throws.
 */
export function readNamedText(file: string): string {
  const bytes = readNamedFile(file);
  return decodeText(bytes) ?? bytes.toString('utf8');
}

/**
 * A streaming decoder for a file whose first bytes are `head`: each call decodes the next bytes
 * (a character split between two reads is held back), `undefined` ends the stream. The BOM of
 * UTF-16 is dropped here (skipped, as `decodeText` skips it); a UTF-8 BOM by the caller.
 */
function chunkDecoder(head: Buffer): (bytes: Buffer | undefined) => string {
  const utf16 = utf16Encoding(head);
  if (utf16) {
    // A U+FEFF after the BOM is kept here and dropped by the caller, as `decodeText`'s decoder drops it.
    const decoder = new TextDecoder(utf16, { ignoreBOM: true });
    let bom = true;
    return (bytes) => {
      if (bytes === undefined) return decoder.decode();
      const rest = bom ? bytes.subarray(2) : bytes;
      bom = false;
      return decoder.decode(rest, { stream: true });
    };
  }
  const decoder = new StringDecoder('utf8');
  return (bytes) => (bytes === undefined ? decoder.end() : decoder.write(bytes));
}

/**
 * The offsets in `decodeText(buf)` of the characters that stand for bytes that are not UTF-8
 * (U+FFFD in their place), at most `max`: a UTF-8 walk that replaces each maximal ill-formed
 * subpart by one U+FFFD, as the WHATWG decoder (and Node's) does. Only a text holding U+FFFD is
 * walked; an offset where the text holds no U+FFFD (a decoder that replaced differently) ends
 * the list, so whatever it holds is a place of the text where such a byte is.
 */
export function invalidUtf8Offsets(buf: Buffer, text: string, max = 64): number[] {
  const out: number[] = [];
  if (!text.includes('\uFFFD')) return out;
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return out;
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let unit = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => k < buf.length && buf[k]! >= lo && buf[k]! <= hi;
  while (i < buf.length && out.length < max) {
    const b = buf[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      unit++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    // The bytes of the sequence that fit; the first that does not starts the next one.
    let k = i + 1;
    let ok = need > 0;
    for (let n = 0; n < need; n++, k++) {
      if (!cont(k, n === 0 ? lo : 0x80, n === 0 ? hi : 0xbf)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      unit += need === 3 ? 2 : 1;
      i = k;
      continue;
    }
    if (text[unit] !== '\uFFFD') break;
    out.push(unit);
    unit++;
    i = need > 0 ? k : i + 1;
  }
  return out;
}

/** An empty, `.` or `..` segment, or a trailing `/`: a path path.relative would normalize first. */
const NOT_PLAIN = /\/\/|\/\.\.?(?:\/|$)|\/$/;
/** An absolute POSIX path that path.resolve leaves as it is. */
function isPlain(p: string): boolean {
  return p.length > 1 && p.charCodeAt(0) === 47 /* / */ && !NOT_PLAIN.test(p);
}

const plainPaths = new Set<string>();
/** `isPlain` for the roots isInsideDir is asked about (checked once each). */
function isPlainPath(dir: string): boolean {
  if (plainPaths.has(dir)) return true;
  const plain = isPlain(dir);
  if (plain && plainPaths.size < 64) plainPaths.add(dir);
  return plain;
}

/**
 * `path.resolve(p)`, without re-normalizing a path that is already absolute and normal: the
 * paths the folder listings made, which every read and presence check passes (path.resolve
 * builds the normalized path anew, character by character, on each call; issue 15's profile).
 * Such a path is what path.resolve returns for it, so the answer is the same.
 */
function resolved(p: string): string {
  return path.sep === '/' && isPlain(p) ? p : path.resolve(p);
}

/**
 * `path.join(dir, name)` for a realpath `dir` (normalized) and a name a folder listing gave (no
 * separator, not `.` or `..`): a concatenation, without join's normalizing pass (every
 * presence check and `--cache` signature of a listed file asks; issue 15's profile).
 */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function isInsideDir(dir: string, p: string): boolean {
  // The common case without path.relative's resolving of both paths (absolute, normalized
  // paths on POSIX): `p` below `dir`. The answer is path.relative's, `..name` included.
  if (path.sep === '/' && p.length > dir.length + 1 && p.charCodeAt(dir.length) === 47 && p.startsWith(dir) && isPlainPath(dir) && !NOT_PLAIN.test(p.slice(dir.length))) {
    return !p.startsWith('..', dir.length + 1);
  }
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A Host on the real file system, confined to `root`. */
export function createHost(root: string, options: HostOptions = {}): Host {
  const absRoot = path.resolve(root);
  const realRootPath = realpathOr(absRoot);
  const realDirs = new Map<string, string | undefined>();
  const textCache = new Map<string, string>();
  const problemByFile = new Map<string, ReadProblem>();
  /** Files whose text holds bytes that are not UTF-8: the offsets of the first 64 (`invalidEncodingAt`). */
  const invalidEncoding = new Map<string, readonly number[]>();
  const allProblems: ReadProblem[] = [];
  const listings = new Map<string, readonly DirEntry[] | undefined>();
  /** The entries of each listed folder inside the root, by name, and their names case-folded. */
  const entriesByDir = new Map<string, ListedFolder>();

  /**
   * What the folder listings already say about `abs`: its entry in its listed folder, `null`
   * when it certainly does not exist (its folder, or a folder above it, was listed without it,
   * or with a regular file in its place), undefined when no listing decides. Presence checks
   * (`isFile`, `isInside`) answer from it without a syscall: the discovery walk lists every
   * folder, and the front ends ask again and again for files that are not there (a Helm
   * `Chart.yaml` in every folder above each manifest, `.terraform/modules/modules.json` beside
   * each module; issue 15's profile). A name that differs from a listed one only in case or
   * Unicode form is left to the file system (which may fold them).
   */
  const entryOf = (abs: string, depth = 0): DirEntry | null | undefined => {
    const dir = path.dirname(abs);
    if (dir === abs || depth > 64) return undefined;
    const listed = entriesByDir.get(dir);
    if (listed === undefined) {
      if (listings.has(dir)) return undefined; // an unreadable folder: the file system decides
      const up = entryOf(dir, depth + 1);
      return up === null || (up !== undefined && up.isFile) ? null : undefined;
    }
    const name = path.basename(abs);
    const e = listed.entry(name);
    if (e !== undefined) return e;
    return listed.folded().has(name.normalize('NFC').toLowerCase()) ? undefined : null;
  };

  /**
   * True when the folder listing already says `abs` is a regular file, not a link, in a folder
   * inside the root (`list` checked the folder): reading it needs no `lstat` of its own. The
   * discovery walk lists every folder, and units read files again after releasing their
   * texts, so this spares one `lstat` per read (issue 15's profile).
   */
  const listedRegular = (abs: string): boolean => entriesByDir.get(path.dirname(abs))?.entry(path.basename(abs))?.isFile ?? false;

  /** The realpath of a folder, computed once per folder. */
  const realDir = (dir: string): string | undefined => {
    if (realDirs.has(dir)) return realDirs.get(dir);
    let real: string | undefined;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = undefined;
    }
    realDirs.set(dir, real);
    return real;
  };

  /** The realpath of any path: its folder's (cached) plus its own name, resolved when it is a link itself. */
  const realOf = (p: string): string | undefined => {
    const abs = resolved(p);
    // A folder met before (listed, or named by a listing of its parent) needs no lstat.
    const known = realDirs.get(abs);
    if (known !== undefined) return known;
    const listed = entryOf(abs);
    if (listed === null) return undefined;
    // A regular file of a listed folder: the folder's realpath (known, it was listed) and its name.
    if (listed?.isFile && !listed.link) {
      const dir = realDir(path.dirname(abs));
      return dir === undefined ? undefined : childPath(dir, listed.name);
    }
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return undefined;
    }
    if (st.isDirectory()) return realDir(abs);
    if (st.isSymbolicLink()) {
      try {
        return fs.realpathSync(abs);
      } catch {
        return undefined;
      }
    }
    const dir = realDir(path.dirname(abs));
    return dir === undefined ? undefined : path.join(dir, path.basename(abs));
  };

  /**
   * A symbolic link met in a listing: a file of its folder when it leads to a regular file inside
   * the root, as Terraform reads a module folder's linked `.tf` files (`envs/prod/variables.tf ->
   * ../../common/variables.tf`; review 71: its variables were "not declared"). A link to a folder
   * is not entered (no walk loops), and one that leads out of the root, nowhere, or round in a
   * loop is neither.
   */
  const linkedEntry = (p: string, name: string): DirEntry => {
    let isFile = false;
    try {
      const real = fs.realpathSync(p);
      isFile = isInsideDir(realRootPath, real) && fs.statSync(real).isFile();
    } catch {
      // A dangling link or a loop: not a file.
    }
    return isFile ? { name, path: p, isFile, isDirectory: false, link: true } : { name, path: p, isFile, isDirectory: false };
  };

  const isInside = (p: string): boolean => {
    const abs = resolved(p);
    if (!isInsideDir(absRoot, abs) && !isInsideDir(realRootPath, abs)) return false;
    const real = realOf(abs);
    return real !== undefined && isInsideDir(realRootPath, real);
  };

  /** Problems that are one `readBytes` call's cap refused, not a file that cannot be read: they do not stop `readText`. */
  const capRefusals = new WeakSet<ReadProblem>();
  const fail = (file: string, kind: ReadProblem['kind'], message: string): undefined => {
    const p: ReadProblem = { file, kind, message };
    if (!problemByFile.has(file)) allProblems.push(p);
    problemByFile.set(file, p);
    return undefined;
  };

  /**
   * The stats of a regular file inside the root, or a recorded problem. One `lstat` for the
   * common case (a regular file that is not a link, in a folder whose realpath is cached).
   */
  const regularFile = (file: string): fs.Stats | undefined => {
    const abs = resolved(file);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!isInsideDir(absRoot, abs) && !isInsideDir(realRootPath, abs)) return fail(file, 'outside', 'the file is outside the scan root and is not read');
      return fail(file, code === 'ENOENT' ? 'missing' : 'unreadable', `cannot read the file: ${ioErrorText(e)}`);
    }
    if (st.isSymbolicLink()) {
      if (!isInside(abs)) return fail(file, 'outside', 'the file is outside the scan root (through a symbolic link) and is not read');
      try {
        st = fs.statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return fail(file, code === 'ENOENT' ? 'missing' : 'unreadable', `cannot read the file: ${ioErrorText(e)}`);
      }
    } else {
      const dir = realDir(path.dirname(abs));
      if (dir === undefined || !isInsideDir(realRootPath, path.join(dir, path.basename(abs)))) return fail(file, 'outside', 'the file is outside the scan root (through a symbolic link) and is not read');
    }
    if (!st.isFile()) return fail(file, 'not-regular', 'not a regular file (a FIFO, socket or device) and is not read');
    return st;
  };

  /**
   * The bytes of the last `readHead` that reached the end of its file (a file smaller than the
   * peek), kept for one following `readText` of the same file: classification peeks at every
   * `.json` file's head for a plan and then reads the whole file for ARM and Kubernetes, and
   * the second open and read are the same bytes. One slot, replaced by the next peek, never in
   * `texts()`: a plan's bytes are not kept (no code frame shows a line of it).
   */
  let wholeHead: { file: string; bytes: Buffer } | undefined;
  let headScratch: Buffer | undefined;

  /**
   * Texts set aside (`forget` while planning, `keep`), outside `texts()`: a unit's code frames
   * see only what it read. Each planning text leaves when it is read again; kept ones stay.
   */
  const aside = new Map<string, string>();
  /** `planningAnswers`: until `planned`. */
  let answers: Map<string, unknown> | undefined = new Map();
  const kept = new Set<string>();
  const asideLimit = options.setAsideChars ?? 0;
  let asideChars = 0;
  let planning = asideLimit > 0;
  const setAside = (file: string, text: string): void => {
    if (aside.has(file) || asideChars + text.length > asideLimit) return;
    aside.set(file, text);
    asideChars += text.length;
  };
  const takeAside = (file: string): string | undefined => {
    const text = aside.get(file);
    if (text !== undefined && !kept.has(file)) {
      aside.delete(file);
      asideChars -= text.length;
    }
    return text;
  };

  /** Each file's signature, taken once per run before its first read (`Host.signature`). */
  const signatures = new Map<string, string | undefined>();
  const freshMs = options.signatures ? Math.max(0, options.signatures.freshMs) : undefined;
  const signatureNow = (file: string): string | undefined => {
    if (freshMs === undefined) return undefined;
    const known = signatures.get(file);
    if (known !== undefined || signatures.has(file)) return known;
    let sig: string | undefined;
    // Inside the root and a regular file (the same gate as a read), then one stat.
    if (isInside(file)) {
      try {
        // Times as milliseconds with a fraction (to a quarter of a microsecond): plenty, since a
        // file changed within `freshMs` of the stat has no signature. Not `bigint: true`, which
        // made each stat of a warm run's 6,000 about 5 µs dearer.
        const now = Date.now();
        const st = fs.statSync(file, { throwIfNoEntry: false });
        if (st?.isFile() && st.mtimeMs < now - freshMs && st.ctimeMs < now - freshMs) sig = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
      } catch {
        sig = undefined;
      }
    }
    signatures.set(file, sig);
    return sig;
  };
  /** Before a read from the disk: the signature, when signatures are on and none was taken yet. */
  const beforeRead = (file: string): void => {
    if (freshMs !== undefined && !signatures.has(file)) signatureNow(file);
  };

  const host: Host = {
    root: absRoot,
    isInside,
    isFile(p) {
      if (!isInside(p)) return false;
      // Inside, and listed: no stat needed for a regular file or a folder (not a link).
      const abs = resolved(p);
      if (realDirs.get(abs) !== undefined) return false; // a folder whose realpath is known
      const e = entryOf(abs);
      if (e?.isFile) return true;
      if (e?.isDirectory) return false;
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    isDirectory(p) {
      if (!isInside(p)) return false;
      const abs = resolved(p);
      if (realDirs.get(abs) !== undefined) return true; // a folder whose realpath is known
      const e = entryOf(abs);
      if (e?.isFile) return false;
      if (e?.isDirectory) return true;
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    list(dir) {
      const abs = resolved(dir);
      if (listings.has(abs)) return listings.get(abs);
      let entries: DirEntry[] | undefined;
      if (isInside(abs)) {
        try {
          // `abs` is resolved and a listed name has no separator: a join is a concatenation.
          const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
          entries = fs
            .readdirSync(abs, { withFileTypes: true })
            .map((d) => (d.isSymbolicLink() ? linkedEntry(prefix + d.name, d.name) : { name: d.name, path: prefix + d.name, isFile: d.isFile(), isDirectory: d.isDirectory() }))
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        } catch {
          entries = undefined;
        }
      }
      listings.set(abs, entries);
      if (entries) {
        entriesByDir.set(abs, listedFolder(entries));
        // A subfolder that is a folder itself (not a link: the listing's entry type says so)
        // has its parent's realpath plus its name: listing it needs no lstat or realpath of
        // its own, so a walk costs one readdir per folder (issue 15's profile).
        const real = realDirs.get(abs);
        if (real !== undefined) for (const e of entries) if (e.isDirectory && !realDirs.has(e.path)) realDirs.set(e.path, path.join(real, e.name));
      }
      return entries;
    },
    readText(file) {
      const cached = textCache.get(file);
      if (cached !== undefined) return cached;
      // A file that failed before is not read again. Checked before the set-aside texts, so
      // they answer only where a read would be made: the answer never depends on their bound.
      const known = problemByFile.get(file);
      if (known !== undefined && !capRefusals.has(known)) return undefined;
      // Read before in this run (files do not change under a run, as the cache check assumes).
      const setAsideText = aside.size > 0 ? takeAside(file) : undefined;
      if (setAsideText !== undefined) {
        textCache.set(file, setAsideText);
        return setAsideText;
      }
      if (!listedRegular(resolved(file)) && !regularFile(file)) return undefined;
      let buf: Buffer;
      if (wholeHead?.file === file) {
        buf = wholeHead.bytes;
        wholeHead = undefined;
      } else {
        beforeRead(file);
        try {
          buf = fs.readFileSync(file);
        } catch (e) {
          return fail(file, 'unreadable', `cannot read the file: ${ioErrorText(e)}`);
        }
      }
      // Hostile input never crashes the run: parsing a text costs tens of times its size in
      // memory (a 100 MB file ran out of heap), so a text beyond the cap is a read problem.
      if (buf.length > MAX_TEXT_BYTES) return fail(file, 'too-large', `the file is ${(buf.length / 1048576).toFixed(1)} MB, more than the ${MAX_TEXT_BYTES / 1048576} MB mlops-iac-lint reads`);
      const text = decodeText(buf);
      if (text === undefined) return fail(file, 'binary', 'the file is binary, not text');
      const invalid = invalidUtf8Offsets(buf, text);
      if (invalid.length > 0) invalidEncoding.set(file, invalid);
      textCache.set(file, text);
      if (kept.size > 0 && kept.has(file)) setAside(file, text);
      return text;
    },
    readBytes(file, maxBytes) {
      const st = regularFile(file);
      if (!st) return undefined;
      if (st.size > maxBytes) {
        fail(file, 'unreadable', `the file is larger than ${maxBytes} bytes`);
        // The cap is this caller's (Bicep's loadFileAsBase64), not the file's state: a later
        // readText of it (its own unit: an ARM template) still reads it.
        capRefusals.add(problemByFile.get(file)!);
        return undefined;
      }
      beforeRead(file);
      try {
        return fs.readFileSync(file);
      } catch (e) {
        return fail(file, 'unreadable', `cannot read the file: ${ioErrorText(e)}`);
      }
    },
    readHead(file, maxBytes) {
      wholeHead = undefined;
      // A file the folder listing already shows as regular needs no lstat of its own (as readText).
      if (!listedRegular(resolved(file)) && !regularFile(file)) return undefined;
      let fd: number | undefined;
      beforeRead(file);
      try {
        fd = fs.openSync(file, 'r');
        // A peek up to 64 KB reads into one scratch buffer and copies out the bytes read:
        // classification peeks at every `.json` file, and a fresh buffer per peek was garbage
        // (issue 15). A larger one reads into a buffer of its own, returned as it is.
        const scratch = maxBytes <= HEAD_SCRATCH_BYTES;
        const buf = scratch ? (headScratch ??= Buffer.allocUnsafe(HEAD_SCRATCH_BYTES)) : Buffer.allocUnsafe(maxBytes);
        const n = fs.readSync(fd, buf, 0, maxBytes, 0);
        const head = scratch ? Buffer.from(buf.subarray(0, n)) : buf.subarray(0, n);
        // Fewer bytes than asked: the whole file (a copy, so the caller's buffer is its own).
        if (n < maxBytes) wholeHead = { file, bytes: Buffer.from(head) };
        return head;
      } catch (e) {
        return fail(file, 'unreadable', `cannot read the file: ${ioErrorText(e)}`);
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    },
    readChunks(file, chunkBytes) {
      // A file the folder listing already shows as regular needs no lstat of its own (as readText).
      if (!listedRegular(resolved(file)) && !regularFile(file)) return undefined;
      // Opened on the first pull, closed when the iterator ends or is returned (a read error
      // is thrown from next(); the caller reports it).
      beforeRead(file);
      function* chunks(): Generator<string, void> {
        const fd = fs.openSync(file, 'r');
        try {
          const buf = Buffer.alloc(Math.max(chunkBytes, 2));
          // As `decodeText` reads a whole file: UTF-16 with its BOM (PowerShell's `>` writes a
          // plan so), else UTF-8; chosen by the first two bytes, a character never split.
          let decode: ((bytes: Buffer | undefined) => string) | undefined;
          let first = true;
          for (;;) {
            let n = fs.readSync(fd, buf, 0, chunkBytes, null);
            if (decode === undefined) {
              for (let more = n; n > 0 && n < 2 && more > 0; n += more) more = fs.readSync(fd, buf, n, 2 - n, null);
              decode = chunkDecoder(buf.subarray(0, n));
            }
            let text = decode(n > 0 ? buf.subarray(0, n) : undefined);
            if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            if (text.length) {
              first = false;
              yield text;
            }
            if (n === 0) return;
          }
        } finally {
          fs.closeSync(fd);
        }
      }
      return chunks();
    },
    problemOf: (file) => problemByFile.get(file),
    invalidEncodingAt: (file) => invalidEncoding.get(file),
    problems: () => allProblems,
    texts: () => textCache,
    forget(file) {
      const text = textCache.get(file);
      textCache.delete(file);
      if (wholeHead?.file === file) wholeHead = undefined;
      if (planning && text !== undefined) setAside(file, text);
    },
    keep(file) {
      if (asideLimit === 0) return;
      kept.add(file);
      const text = textCache.get(file);
      if (text !== undefined) setAside(file, text);
    },
    signature: signatureNow,
    knownSignature: (file) => signatures.get(file),
    planningAnswers: () => answers,
    listedPresence(p) {
      const e = entryOf(resolved(p));
      return e === undefined ? undefined : e !== null;
    },
    planned(files) {
      planning = false;
      answers = undefined;
      for (const [file, text] of aside) {
        if (kept.has(file) || files.has(file)) continue;
        aside.delete(file);
        asideChars -= text.length;
      }
    },
  };
  return host;
}

/** A listed folder's entries, looked up by name; the maps are made on the first lookup (most folders get none). */
interface ListedFolder {
  entry(name: string): DirEntry | undefined;
  /** The names case-folded and in one Unicode form (a file system may fold them). */
  folded(): ReadonlySet<string>;
}

function listedFolder(entries: readonly DirEntry[]): ListedFolder {
  let byName: Map<string, DirEntry> | undefined;
  let folded: Set<string> | undefined;
  return {
    entry: (name) => (byName ??= new Map(entries.map((e) => [e.name, e]))).get(name),
    folded: () => (folded ??= new Set(entries.map((e) => e.name.normalize('NFC').toLowerCase()))),
  };
}

