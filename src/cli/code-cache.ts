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
 * before V8 sees a byte: the build it was made for, the Node version, platform, V8's flag
 * tag, and the payload's length and SHA-256. Any
 * difference, or any doubt, and the bin runs the ES-module build (dist/cli-main.js) exactly
 * as without a cache.
 *
 * The bundle itself is checked too: V8's own check of the source is its length only, so the
 * bin hashes the bundle it read and runs it with the cache only when it is the build's (a
 * bundle edited in place, even to the same length, would otherwise run the old bytecode).
 *
 * V8 flags: V8 rejects a cache made under other flags (its check hashes them, flags set with
 * `v8.setFlagsFromString` included). The header keeps that hash as V8 gives it to embedders
 * (`v8.cachedDataVersionTag()`: the V8 version, its flags and the CPU features), so a node
 * option that changes it (`--max-old-space-size`, in NODE_OPTIONS too) makes the cache foreign
 * before V8 is asked, and one that does not (`--import`, `--require`: a preload, a tracer)
 * keeps it (until 2026-12 the key held every node option: the benchmark's `--import` of its
 * peak-RSS hook ran the ES-module build). The cache is made, and used, with none set before the
 * bundle is compiled. Flags set later do not matter: src/core/jit.ts tunes the optimizing
 * compiler for a folder scan once the CLI runs, after V8 has taken the cache, and the build's
 * cache run is a one-file run, which sets none. A flag ever set before compiling would have
 * to be set in entry.ts, in the cache run too; test/ship/code-cache.test.ts fails otherwise.
 *
 * File layout: `MILCC1\n`, one line of JSON (the header), `\n`, then V8's bytes.
 */
// Named imports: the bin is built as CommonJS, where a default import of a built-in becomes a
// copy of the whole module object (esbuild's __toESM), made before the bin does anything.
import { createHash } from 'node:crypto';
import { cachedDataVersionTag } from 'node:v8';

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
  /** `v8.cachedDataVersionTag()`: V8's version, flags (set by node options or NODE_OPTIONS) and CPU features, as its own check of a cache hashes them. */
  v8Flags: number;
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
    v8Flags: cachedDataVersionTag(),
  };
}

/** SHA-256, hex: of the bundle (its identity) and of the cache's V8 bytes (their integrity). About 2 ms for the bundle's 2 MB here, once read (the first pass over freshly read bytes costs about twice that, whatever it computes). */
export function digest(data: Uint8Array): string {
  // Not crypto.hash, the one-shot form: a named import of it fails to link as an ES module
  // before Node 20.12, and over megabytes it is no faster.
  return createHash('sha256').update(data).digest('hex');
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
  v8Flags: 'other V8 flags (a node option or NODE_OPTIONS)',
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
