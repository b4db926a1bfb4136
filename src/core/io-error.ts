import fs from 'node:fs';

/**
 * What a failed file-system call means, in words a user acts on, with Node's code kept in
 * brackets for searching: `no such file or folder (ENOENT)`. For every message that would
 * otherwise show a bare errno code (config, baseline, cache, policy aliases, scanned files).
 */
const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EFBIG: 'the file is too large for the file system or its limits',
  EROFS: 'the file system is read-only',
  EBUSY: 'the file is busy',
  ENOTFILE: 'it is not a regular file (a device, FIFO or socket)',
};

/** Codes this project gives its own refusals (not errno values): said in words only. */
const OWN_CODES: ReadonlySet<string> = new Set(['ENOTFILE']);

export function ioErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && OWN_CODES.has(code)) return MEANINGS[code]!;
  if (typeof code === 'string') return MEANINGS[code] ? `${MEANINGS[code]} (${code})` : code;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads a file the user named (a config, a baseline, a cache, an alias dump): a folder or a
 * device is refused before it is opened (`/dev/zero` would be read forever) with an error whose
 * code `ioErrorText` words.
 */
export function readNamedFile(file: string): Buffer {
  const st = fs.statSync(file);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error(`ENOTFILE: ${file}`), { code: 'ENOTFILE' });
  return fs.readFileSync(file);
}
