/**
 * The paths a git index lists (what git tracks), read from the index file's bytes: no git is
 * run. Format: gitformat-index(5), https://git-scm.com/docs/index-format (git's
 * Documentation/gitformat-index.txt):
 *
 * - a 12-byte header: the signature `DIRC`, the version (2, 3 or 4) and the number of entries,
 *   all numbers big-endian;
 * - the entries: 40 bytes of stat data and mode (ctime, mtime, dev, ino, mode, uid, gid, size),
 *   the object name (20 bytes with SHA-1, 32 with SHA-256: the 62 bytes before the flags are
 *   SHA-1's), a 16-bit flags field (assume-valid, extended, 2-bit stage, 12-bit name length,
 *   0xFFF when longer), in version 3 and later a second 16-bit field when the extended bit is
 *   set, then the path: in versions 2 and 3 NUL-terminated and padded with NULs so the entry is
 *   a multiple of 8 bytes (1 to 8 NULs); in version 4 prefix-compressed and unpadded: a varint
 *   N, the number of bytes to drop from the end of the previous entry's path, then the rest of
 *   this path, NUL-terminated;
 * - extensions: a 4-byte signature (an optional one starts with 'A'..'Z'), a 32-bit size, the
 *   data; then the checksum of everything before it (all zeros when index.skipHash is set).
 *
 * The varint is git's varint.c `decode_varint`: 7 bits a byte, high bit "more follows", and
 * each continuation adds one before shifting (so every number has one encoding).
 *
 * A hostile or damaged file never hangs or crashes the run: the file is read only up to
 * MAX_INDEX_BYTES, the entry count is checked against the bytes there are, every length against
 * the buffer, and anything that does not fit is a reason (the caller falls back).
 */
import { createHash } from 'node:crypto';

/** An index larger than this is not read (git's index for a million files is about 100 MB). */
export const MAX_INDEX_BYTES = 128 * 1024 * 1024;

/** What an index lists: file paths (and gitlinks) relative to the work tree, `/`-separated. */
export interface IndexPaths {
  /** Every entry's path (a file, a symbolic link or a submodule's folder). */
  paths: ReadonlySet<string>;
  /** Every folder that holds an entry (`a` and `a/b` for `a/b/c.tf`). */
  folders: ReadonlySet<string>;
  /** Folders of a sparse index listed whole (mode 040000, a name ending in `/`): all inside is tracked. */
  sparse: readonly string[];
}

/** The paths of the index whose bytes are `buf`, or the reason they cannot be read. */
export function parseGitIndex(buf: Buffer): IndexPaths | { reason: string } {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return { reason: 'it is not a git index (no DIRC signature)' };
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return { reason: `it is a version ${version} index, and only versions 2 to 4 are read` };
  // The checksum tells SHA-1 (20 bytes) from SHA-256 (32); all zeros (index.skipHash) tells
  // neither, so both sizes are tried and the one under which the file parses whole is taken.
  let last: { reason: string } = buf.length < 12 + 20 ? { reason: 'it ends before its checksum (truncated)' } : { reason: 'its checksum does not match its content (damaged or partly written)' };
  for (const hashSize of [20, 32]) {
    if (buf.length < 12 + hashSize) continue;
    const body = buf.subarray(0, buf.length - hashSize);
    const sum = buf.subarray(buf.length - hashSize);
    if (!sum.every((b) => b === 0) && !sum.equals(createHash(hashSize === 20 ? 'sha1' : 'sha256').update(body).digest())) continue;
    const parsed = parseEntries(body, version, hashSize);
    if (!('reason' in parsed)) return parsed;
    last = parsed;
  }
  return last;
}

function parseEntries(buf: Buffer, version: number, hashSize: number): IndexPaths | { reason: string } {
  const count = buf.readUInt32BE(8);
  const fixed = 40 + hashSize + 2;
  // Each entry takes at least its fixed part and a NUL: a count the file cannot hold is refused
  // before any loop (a hostile count of 4 billion costs nothing).
  if (count > (buf.length - 12) / (fixed + 1)) return { reason: `it says it holds ${count} entries, more than its ${buf.length} bytes can hold (truncated or damaged)` };
  const truncated = { reason: 'it ends inside an entry (truncated or damaged)' };
  const paths = new Set<string>();
  const sparse: string[] = [];
  let previous: Buffer = Buffer.alloc(0);
  let emptyPath = false;
  let at = 12;
  for (let i = 0; i < count; i++) {
    const start = at;
    if (at + fixed > buf.length) return truncated;
    const mode = buf.readUInt32BE(at + 24);
    const flags = buf.readUInt16BE(at + 40 + hashSize);
    at += fixed;
    if (flags & 0x4000) {
      if (version < 3) return { reason: 'a version 2 entry has the extended flag set (damaged)' };
      at += 2;
    }
    let text: string;
    let nameLength: number;
    /** Version 4: the entry's whole path, the next one's prefix. */
    let whole: Buffer | undefined;
    if (version === 4) {
      // git's varint.c decode_varint.
      let c = buf[at++];
      if (c === undefined) return truncated;
      let drop = c & 127;
      while (c & 128) {
        c = buf[at++];
        if (c === undefined || drop >= 2 ** 24) return truncated;
        drop = (drop + 1) * 128 + (c & 127);
      }
      if (drop > previous.length) return { reason: 'an entry drops more of the previous path than there is (damaged)' };
      const end = buf.indexOf(0, at);
      if (end < 0) return truncated;
      whole = Buffer.concat([previous.subarray(0, previous.length - drop), buf.subarray(at, end)]);
      at = end + 1;
      nameLength = whole.length;
      text = whole.toString('utf8');
    } else {
      const end = buf.indexOf(0, at);
      if (end < 0) return truncated;
      // Decoded from the buffer itself, not a view of it made per entry (an index of 23,000
      // entries took 80–110 ms to read that way).
      nameLength = end - at;
      text = buf.toString('utf8', at, end);
      // 1 to 8 NULs pad the entry to a multiple of 8 bytes.
      at = start + ((at - start + nameLength + 8) & ~7);
      if (at > buf.length) return truncated;
    }
    const length = flags & 0xfff;
    if (length !== 0xfff ? length !== nameLength : nameLength < 0xfff) return { reason: 'an entry\'s name length does not match its name (damaged)' };
    // An empty path is an entry of a split index that replaces one of its shared index's: said as
    // such once the "link" extension is found, as damage otherwise.
    if (nameLength === 0) {
      emptyPath = true;
      continue;
    }
    // A sparse index lists a folder outside the sparse checkout as one entry (mode 040000).
    if ((mode & 0o170000) === 0o040000 && text.endsWith('/')) sparse.push(text.slice(0, -1));
    else paths.add(text);
    if (whole) previous = whole;
  }
  // The extensions fill the rest exactly; one git needs to read the index right is not skipped.
  while (at < buf.length) {
    if (at + 8 > buf.length) return truncated;
    const signature = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32BE(at + 4);
    if (signature === 'link') return { reason: 'it is a split index (its "link" extension names a shared index, which is not read)' };
    // "sdir": the index may hold sparse folder entries, which are read above.
    if (signature !== 'sdir' && !(signature.charCodeAt(0) >= 65 && signature.charCodeAt(0) <= 90)) return { reason: `it has a required extension "${signature.replace(/[^\x20-\x7e]/g, '?')}" that is not read` };
    if (at + 8 + size > buf.length) return truncated;
    at += 8 + size;
  }
  if (emptyPath) return { reason: 'an entry has an empty path (damaged)' };
  return { paths, folders: foldersOf([...paths, ...sparse]), sparse };
}

/**
 * Every folder that holds one of `paths` (`a` and `a/b` for `a/b/c.tf`). An index lists its
 * paths sorted, so most share their folder with the one before: that one is known without
 * cutting the path or asking the set (each path's folders asked one by one were most of the
 * time of reading a large index).
 */
function foldersOf(paths: readonly string[]): Set<string> {
  const folders = new Set<string>();
  let last = '';
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    if (slash <= 0) continue;
    // The folder of the path before (`last`), which was added with all above it.
    if (slash === last.length && p.startsWith(last)) continue;
    last = p.slice(0, slash);
    for (let at = slash; at > 0; at = p.lastIndexOf('/', at - 1)) {
      const folder = at === slash ? last : p.slice(0, at);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}
