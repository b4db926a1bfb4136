/**
 * The `mlops-iac-lint` bin (dist/cli.cjs; dist/cli.js runs it for `node dist/cli.js`): runs the
 * CLI (src/cli/main.ts) in one of two builds of it:
 * - dist/cli-bundle.cjs, the whole CLI as one script, compiled by `vm.Script` with the V8
 *   code cache the build made for it (dist/cli-bundle.cache), when that cache's header says
 *   it was made for this build, Node version, platform and node options, and its checksum
 *   holds (src/cli/code-cache.ts says why each is needed);
 * - otherwise dist/cli-main.js, the ES-module build whose format code sits in chunks that a
 *   run imports when it meets the format (what the bin ran before the code cache).
 * Both are the same sources; output is byte-identical (test/ship/code-cache.test.ts).
 * Inside the bundle, a format's code is behind esbuild's lazy initialiser: evaluated only
 * when the run meets the format, as the chunks are loaded only then.
 *
 * When the build's cache cannot be used, the ES-module build runs with Node 22.1+'s own compile
 * cache (`enableNodeCompileCache`).
 *
 * The bin is CommonJS: an ES-module entry makes Node set up its ES-module loader first, about
 * 10 ms of a one-file run's 180 (bench goal 4), and the bundle it runs is a script anyway.
 *
 * `MLOPS_IAC_LINT_CODE_CACHE=off` runs the ES-module build (and no compile cache of any kind); `=report` also says on stderr
 * which build ran and why. `MLOPS_IAC_LINT_CODE_CACHE_OUT=<file>` is the build's: run the
 * bundle without a cache and write the cache of this run to <file> at exit.
 */
// Named imports (code-cache.ts says why), but node:module's: its optional members are read off it.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { currentKey, decodeCodeCache, digest, encodeCodeCache, MAX_CACHE_BYTES, type Decoded } from './code-cache.js';

// Defined by scripts/build.mjs: the SHA-256 of the bundle built beside this bin.
declare const __MLOPS_BUNDLE_HASH__: string;

const BUNDLE = 'cli-bundle.cjs';
const CACHE = 'cli-bundle.cache';
const ESM_MAIN = './cli-main.js';

// Built as CommonJS (scripts/build.mjs): its own folder, dist/.
const here = __dirname;
const mode = process.env.MLOPS_IAC_LINT_CODE_CACHE;
const makeTo = process.env.MLOPS_IAC_LINT_CODE_CACHE_OUT;

/** The cache file's V8 bytes, or why there are none to use. */
function readCache(file: string): Decoded {
  let bytes: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_CACHE_BYTES) return { reason: `larger than ${MAX_CACHE_BYTES} bytes` };
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return decodeCodeCache(bytes, currentKey(__MLOPS_BUNDLE_HASH__));
}

/** The bundle's text when it is the one the build made this bin and its cache for; otherwise why not. */
function readBundle(file: string): { source: string } | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { reason: `${BUNDLE} is unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (digest(bytes) !== __MLOPS_BUNDLE_HASH__) return { reason: `${BUNDLE} is not the build's` };
  // The build checks the bundle is ASCII: latin1 is the cheapest exact decoding.
  return { source: bytes.toString('latin1') };
}

/** Compiles and runs the bundle, with V8's `cachedData` when given; returns whether V8 took it. */
function runBundle(file: string, source: string, cachedData: Buffer | undefined): boolean | undefined {
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (makeTo) {
    // At exit V8's cache holds every function the run compiled, not only the top level.
    process.once('beforeExit', () => {
      const tmp = `${makeTo}.${process.pid}.tmp`;
      writeFileSync(tmp, encodeCodeCache(currentKey(__MLOPS_BUNDLE_HASH__), script.createCachedData()));
      renameSync(tmp, makeTo);
    });
  }
  // The bundle is one function expression: (exports, require, module, __filename, __dirname, importMetaUrl).
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  return cachedData ? !script.cachedDataRejected : undefined;
}

/**
 * Node 22.1+'s own on-disk compile cache, for the ES-module build: the build's cache is made for
 * one Node version (the publisher's, after a registry install), and Node's keeps compiled code of
 * the modules a run loads in its temp folder (`os.tmpdir()/node-compile-cache`). On Node 24, a
 * one-file run: 152 → 136 ms (15 alternating runs). Node's switch NODE_DISABLE_COMPILE_CACHE=1 is
 * respected; absent on Node 20 (nothing happens). Documented:
 * https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
 */
function enableNodeCompileCache(): string {
  const enable = (nodeModule as { enableCompileCache?: () => { status: number; message?: string } }).enableCompileCache;
  if (typeof enable !== 'function') return '';
  try {
    const r = enable();
    const names = (nodeModule as { constants?: { compileCacheStatus?: Record<string, number> } }).constants?.compileCacheStatus ?? {};
    const status = Object.keys(names).find((k) => names[k] === r.status) ?? String(r.status);
    return `; Node's compile cache: ${status.toLowerCase()}${r.message ? ` (${r.message})` : ''}`;
  } catch (e) {
    // A cache Node cannot make costs the run its speed, never its report.
    return `; Node's compile cache: failed (${(e as Error).message})`;
  }
}

function report(line: string): void {
  if (mode === 'report') process.stderr.write(`mlops-iac-lint: ${line}\n`);
}

const bundle = join(here, BUNDLE);
if (makeTo) {
  const read = readBundle(bundle);
  if (!('source' in read)) throw new Error(`no code cache made: ${read.reason}`);
  runBundle(bundle, read.source, undefined);
} else {
  const cache: Decoded = mode === 'off' ? { reason: 'MLOPS_IAC_LINT_CODE_CACHE=off' } : readCache(join(here, CACHE));
  const read = 'data' in cache ? readBundle(bundle) : cache;
  if ('data' in cache && 'source' in read) {
    const taken = runBundle(bundle, read.source, cache.data);
    report(taken ? 'code cache: used' : 'code cache: rejected by V8, the bundle was compiled from source');
  } else {
    const nodeCache = mode === 'off' ? '' : enableNodeCompileCache();
    report(`code cache: not used (${'reason' in read ? read.reason : ''}): ES-module build${nodeCache}`);
    // A variable, not a literal: esbuild leaves the import to run time (dist/cli-main.js).
    const main = ESM_MAIN;
    // A build that cannot start is an internal error (exit 3, as main.ts says its own), whatever
    // Node's --unhandled-rejections mode would make of a rejected import.
    import(main).catch((e: unknown) => {
      process.stderr.write(`mlops-iac-lint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 3;
    });
  }
}
