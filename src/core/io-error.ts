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
  EROFS: 'the file system is read-only',
  EBUSY: 'the file is busy',
};

export function ioErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return MEANINGS[code] ? `${MEANINGS[code]} (${code})` : code;
  return e instanceof Error ? e.message : String(e);
}
