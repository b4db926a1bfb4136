/**
 * The V8 code cache of the CLI (issue 15, goal 4: one-file start-up). Node 20 has no code
 * cache for ES modules and no `module.enableCompileCache` (Node 22.1+), so the build also
 * emits the CLI as one CommonJS-shaped script (dist/cli-bundle.cjs) that the bin compiles
 * with `vm.Script` and the bytecode V8 made for it in a representative run
 * (dist/cli-bundle.cache, written by `npm run build`). A one-file run then neither parses
 * the bundle nor compiles the functions it runs: about 30–40 ms less on this machine class
 * (2 cores; one-file run 145–190 ms before, `node -e 0` 75–90 ms).
 *
 * The cache is never trusted blindly. V8 itself checks its version, the flag hash and the
 * source length, but in a release build it does not checksum the payload: a flipped byte
 * near the start aborts the process ("Fatal error … unreachable code"), one further on is
 * accepted and runs whatever it now says. So the file carries a header of its own, checked
 * before V8 sees a byte: the build it was made for, the Node version, platform, node
 * command-line options and NODE_OPTIONS, and the payload's length and SHA-256. Any
 * difference, or any doubt, and the bin runs the ES-module build (dist/cli-main.js) exactly
 * as without a cache.
 *
 * The bundle itself is checked too: V8's own check of the source is its length only, so the
 * bin hashes the bundle it read and runs it with the cache only when it is the build's (a
 * bundle edited in place, even to the same length, would otherwise run the old bytecode).
 *
 * V8 flags: V8 rejects a cache made under other flags (its check hashes them, flags set with
 * `v8.setFlagsFromString` included), so the cache is made, and used, with none set before the
 * bundle is compiled. Flags set later do not matter: src/core/jit.ts tunes the optimizing
 * compiler for a folder scan once the CLI runs, after V8 has taken the cache, and the build's
 * cache run is a one-file run, which sets none. A flag ever set before compiling would have
 * to be set in entry.ts, in the cache run too; test/ship/code-cache.test.ts fails otherwise.
 *
 * File layout: `MILCC1\n`, one line of JSON (the header), `\n`, then V8's bytes.
 */
import crypto from 'node:crypto';

export const MAGIC = 'MILCC1\n';
/** Larger than any real cache (about 0.8 MB); a bigger file is not read. */
export const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/** What a cache must have been made under to be used in this process. */
export interface CacheKey {
  /** SHA-256 of dist/cli-bundle.cjs, fixed into the bin by the build. */
  bundle: string;
  node: string;
  v8: string;
  platform: string;
  arch: string;
  /** Command-line options and NODE_OPTIONS: some change V8's flag hash (`--max-old-space-size`). */
  execArgv: string[];
  nodeOptions: string;
}

export interface CacheHeader extends CacheKey {
  size: number;
  sha256: string;
}

/** The key of the running process, for the bundle `bundleHash`. */
export function currentKey(bundleHash: string): CacheKey {
  return {
    bundle: bundleHash,
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    execArgv: [...process.execArgv],
    nodeOptions: process.env.NODE_OPTIONS ?? '',
  };
}

/** SHA-256, hex: of the bundle (its identity) and of the cache's V8 bytes (their integrity). About 1 ms for the bundle's 1.8 MB. */
export function digest(data: Uint8Array): string {
  // crypto.hash (Node 20.12+) is the one-shot form.
  const oneShot = (crypto as { hash?: (alg: string, data: Uint8Array, enc: 'hex') => string }).hash;
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** The file's bytes for V8's `data` made under `key`. */
export function encodeCodeCache(key: CacheKey, data: Uint8Array): Buffer {
  const header: CacheHeader = { ...key, size: data.length, sha256: digest(data) };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), data]);
}

export type Decoded = { data: Buffer } | { reason: string };

const KEY_NAMES: Record<keyof CacheKey, string> = {
  bundle: 'another build of the CLI',
  node: 'another Node.js version',
  v8: 'another V8 version',
  platform: 'another platform',
  arch: 'another architecture',
  execArgv: 'other node command-line options',
  nodeOptions: 'other NODE_OPTIONS',
};

/** V8's bytes when `file` is a whole, intact cache made under `key`; otherwise why not. */
export function decodeCodeCache(file: Buffer, key: CacheKey): Decoded {
  if (file.length < MAGIC.length || file.toString('latin1', 0, MAGIC.length) !== MAGIC) return { reason: 'not a code cache file' };
  const end = file.indexOf(0x0a, MAGIC.length);
  if (end < 0) return { reason: 'truncated header' };
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(file.toString('utf8', MAGIC.length, end)) as Partial<CacheHeader>;
  } catch {
    return { reason: 'unreadable header' };
  }
  if (typeof header !== 'object' || header === null) return { reason: 'unreadable header' };
  for (const name of Object.keys(KEY_NAMES) as (keyof CacheKey)[]) {
    if (JSON.stringify(header[name]) !== JSON.stringify(key[name])) return { reason: `made for ${KEY_NAMES[name]}` };
  }
  const data = file.subarray(end + 1);
  if (data.length !== header.size) return { reason: `truncated (${data.length} of ${String(header.size)} bytes)` };
  if (digest(data) !== header.sha256) return { reason: 'corrupt (checksum differs)' };
  return { data };
}
