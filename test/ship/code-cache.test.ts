/**
 * The CLI's V8 code cache (issue 15, one-file start-up; src/cli/code-cache.ts, src/cli/entry.ts):
 * the build makes it, V8 takes it, and output never depends on it. A cache that is corrupt,
 * truncated, foreign (another Node version, other node options, another build) or not a
 * cache at all is not used: the bin runs the ES-module build and the output, exit code and
 * stderr are those of a run without the cache. `MLOPS_IAC_LINT_CODE_CACHE=report` makes the
 * bin say which build ran and why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCodeCache, MAGIC, type CacheKey } from '../../src/cli/code-cache.js';
import { buildTo, REPO_ROOT, run, tempDir } from './helpers.js';
import { currentStamp, stampOf } from '../support/cache-runs.js';

let work: string;
let dist: string;
let cacheFile: string;
let goodCache: Buffer;

const TF = path.join(REPO_ROOT, 'examples/mlops-platform/infra/terraform/main.tf');
const PLATFORM = path.join(REPO_ROOT, 'examples/mlops-platform');
const POLICY = path.join(REPO_ROOT, 'examples/azure-policy');

/** The environment of a user's plain run: no NODE_OPTIONS (vitest's may set V8 flags, which would make any cache foreign). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  delete env.MLOPS_IAC_LINT_CODE_CACHE;
  return { ...env, ...extra };
}

interface Ran {
  status: number | null;
  stdout: string;
  /** stderr without the bin's report line. */
  stderr: string;
  /** The bin's report line (MLOPS_IAC_LINT_CODE_CACHE=report), without what it says of Node's compile cache. */
  report: string;
  /** What the report line says of Node 22.1+'s compile cache (`; Node's compile cache: …`), or ''. */
  nodeCache: string;
}

const NODE_CACHE = "; Node's compile cache: ";

function cli(args: string[], { cwd = REPO_ROOT, mode = 'report', nodeArgs = [] as string[], env = {} as Record<string, string> } = {}): Ran {
  const p = run(process.execPath, [...nodeArgs, path.join(dist, 'cli.cjs'), ...args], { cwd, env: cleanEnv({ MLOPS_IAC_LINT_CODE_CACHE: mode, ...env }) });
  const lines = p.stderr.split('\n');
  const report = lines.filter((l) => l.startsWith('mlops-iac-lint: code cache:'));
  expect(report.length, p.stderr).toBe(mode === 'report' ? 1 : 0);
  // On Node 22.1+ a fallback's line also says what Node's compile cache did: kept apart, so the
  // lines below read the same on every Node version.
  const [line = '', nodeCache = ''] = (report[0] ?? '').split(NODE_CACHE);
  return { status: p.status, stdout: p.stdout, stderr: lines.filter((l) => !l.startsWith('mlops-iac-lint: code cache:')).join('\n'), report: line, nodeCache };
}

/** The same run on the ES-module build, the reference every cached or fallen-back run must equal. */
function expectSameAsWithout(args: string[], ran: Ran, cwd = REPO_ROOT): void {
  const without = cli(args, { cwd, mode: 'off' });
  expect(ran.stdout).toBe(without.stdout);
  expect(ran.stderr).toBe(without.stderr);
  expect(ran.status).toBe(without.status);
}

/** The good cache's header (its key fields) and V8 bytes. */
function splitCache(file: Buffer): { key: CacheKey; data: Buffer } {
  const end = file.indexOf(0x0a, MAGIC.length);
  const { size: _size, sha256: _sha256, ...key } = JSON.parse(file.toString('utf8', MAGIC.length, end)) as CacheKey & { size: number; sha256: string };
  return { key, data: file.subarray(end + 1) };
}

beforeAll(() => {
  work = tempDir('code-cache');
  dist = path.join(work, 'dist');
  buildTo(dist);
  cacheFile = path.join(dist, 'cli-bundle.cache');
  goodCache = fs.readFileSync(cacheFile);
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the code cache the build makes', () => {
  it('is made under the key of a plain run here, and V8 takes it: a one-file Terraform run', () => {
    const { key, data } = splitCache(goodCache);
    expect(key.node).toBe(process.version);
    // V8's flag tag of a plain node here (no node option, no NODE_OPTIONS).
    const plainTag = run(process.execPath, ['-p', "require('node:v8').cachedDataVersionTag()"], { env: cleanEnv() }).stdout.trim();
    expect(String(key.v8Flags)).toBe(plainTag);
    expect(data.length).toBeGreaterThan(100_000);
    const args = [TF, '--format', 'json', '--fail-on', 'none'];
    const ran = cli(args);
    expect(ran.report).toBe('mlops-iac-lint: code cache: used');
    expect(ran.stdout).toContain('"ruleId"');
    expectSameAsWithout(args, ran);
  });

  it('other formats than the cache was made on compile as they run: same output (Bicep, ARM, CI, Kubernetes, AML YAML, plan state)', () => {
    const args = [PLATFORM, '--format', 'json'];
    const ran = cli(args);
    expect(ran.report).toBe('mlops-iac-lint: code cache: used');
    for (const file of ['main.bicep', 'deploy.yml', 'train-job.yaml', 'compute.yml']) expect(ran.stdout).toContain(file);
    expectSameAsWithout(args, ran);
  });

  it('the bundle starts its worker threads from dist/worker.js (beside it): same output', () => {
    // Which file the pool started its workers from is printed with the thread counts; whether a
    // worker got to run a unit of this small tree before the main thread ran them all is timing
    // (a wrapper that wrote down the workers' start was terminated unstarted now and then).
    const args = [PLATFORM, '--format', 'json', '--concurrency', '2'];
    const env = cleanEnv({ MLOPS_IAC_LINT_CODE_CACHE: 'report', MLOPS_IAC_LINT_WORKER_THRESHOLD: '0', MLOPS_IAC_LINT_TIMING: '1' });
    const threaded = run(process.execPath, [path.join(dist, 'cli.js'), ...args], { env });
    expect(threaded.stderr.split('\n')[0]).toBe('mlops-iac-lint: code cache: used');
    const threads = /^threads: (\{.*\})$/m.exec(threaded.stderr);
    expect(threads, threaded.stderr).not.toBeNull();
    const stats = JSON.parse(threads![1]!) as { script: string; lost: number };
    expect(stats.script).toBe(path.join(dist, 'worker.js'));
    expect(fs.existsSync(stats.script)).toBe(true);
    expect(stats.lost).toBe(0);
    expect(threaded.stdout).toBe(cli(args, { mode: 'off' }).stdout);
  });

  it('the bundle and the ES-module build make the same settings key: a --cache file made by one serves the other in full', () => {
    // That key is also in the plan hash a worker thread (ES modules) must share with a main
    // thread that runs the bundle; the rules' code in it is the build's source hash, as the two
    // builds compile a rule to different text. Served in full = the file is left as it was.
    const cacheLocation = path.join(work, 'shared-cache.json');
    const args = [PLATFORM, '--format', 'json', '--cache', '--cache-location', cacheLocation];
    const made = cli(args);
    expect(made.report).toBe('mlops-iac-lint: code cache: used');
    const stamp = stampOf(cacheLocation);
    const served = cli(args, { mode: 'off' });
    expect(currentStamp(cacheLocation)).toBe(stamp);
    expect(served.stdout).toBe(made.stdout);
  });

  it('a config file, its JSON schema and Azure Policy definitions: same output', () => {
    const args = ['.', '--format', 'sarif'];
    const ran = cli(args, { cwd: POLICY });
    expect(ran.report).toBe('mlops-iac-lint: code cache: used');
    expectSameAsWithout(args, ran, POLICY);
  });

  it('usage errors and --version: same output and exit code', () => {
    for (const args of [['--version'], ['--format', 'nope', TF], ['--rule', 'NOPE001', TF], [path.join(work, 'absent.tf')]]) {
      const ran = cli(args);
      expect(ran.report).toBe('mlops-iac-lint: code cache: used');
      expectSameAsWithout(args, ran);
    }
  });

  it('a run writes nothing: the cache is the build\'s, read only', () => {
    const before = fs.readdirSync(dist).map((f) => [f, fs.statSync(path.join(dist, f)).mtimeMs]);
    cli([TF]);
    expect(fs.readdirSync(dist).map((f) => [f, fs.statSync(path.join(dist, f)).mtimeMs])).toEqual(before);
  });
});

describe('a cache that is not this build\'s, or not whole, is not used', () => {
  const args = [TF, '--format', 'json'];
  afterAll(() => fs.writeFileSync(cacheFile, goodCache));

  const cases: [string, () => Buffer | 'directory' | 'absent', RegExp][] = [
    ['one byte flipped in V8\'s bytes', () => flip(goodCache, goodCache.length - 1000), /corrupt \(checksum differs\)/],
    // Unchecked, this one aborts the process inside V8 ("Fatal error … unreachable code").
    ['bytes flipped near the start of V8\'s bytes', () => flip(goodCache, goodCache.indexOf(0x0a, MAGIC.length) + 41), /corrupt \(checksum differs\)/],
    ['cut short (an interrupted copy)', () => goodCache.subarray(0, goodCache.length - 4096), /truncated/],
    ['cut inside the header', () => goodCache.subarray(0, 40), /truncated header/],
    ['empty', () => Buffer.alloc(0), /not a code cache file/],
    ['another file\'s bytes', () => fs.readFileSync(path.join(dist, 'cli.js')), /not a code cache file/],
    ['a header that is not JSON', () => Buffer.from(MAGIC + '{"bundle": \n' + 'x'.repeat(100)), /unreadable header/],
    ['made by another Node.js version', () => rekey({ node: 'v99.0.0' }), /made for another Node\.js version/],
    ['made under other V8 flags', () => rekey({ v8Flags: 12345 }), /made for other V8 flags/],
    ['made for another build of the bundle', () => rekey({ bundle: '0'.repeat(64) }), /made for another build of the CLI/],
    ['a folder in its place', () => 'directory', /unreadable \(EISDIR\)/],
    ['absent', () => 'absent', /unreadable \(ENOENT\)/],
  ];
  for (const [what, make, reason] of cases) {
    it(what, () => {
      fs.rmSync(cacheFile, { recursive: true, force: true });
      const content = make();
      if (content === 'directory') fs.mkdirSync(cacheFile);
      else if (content !== 'absent') fs.writeFileSync(cacheFile, content);
      const ran = cli(args);
      expect(ran.report).toMatch(/^mlops-iac-lint: code cache: not used \(.*\): ES-module build$/);
      expect(ran.report).toMatch(reason);
      expect(ran.stdout).toContain('"ruleId"');
      expectSameAsWithout(args, ran);
      fs.rmSync(cacheFile, { recursive: true, force: true });
      fs.writeFileSync(cacheFile, goodCache);
    });
  }

  it('V8 bytes of another script under a right header: V8 rejects them and the bundle compiles from source', () => {
    const other = spawnSync(process.execPath, ['-e', "process.stdout.write(new (require('vm').Script)('globalThis.x = 1 + 1').createCachedData().toString('base64'))"], { env: cleanEnv(), encoding: 'utf8' });
    fs.writeFileSync(cacheFile, encodeCodeCache(splitCache(goodCache).key, Buffer.from(other.stdout, 'base64')));
    const ran = cli(args);
    expect(ran.report).toBe('mlops-iac-lint: code cache: rejected by V8, the bundle was compiled from source');
    expectSameAsWithout(args, ran);
    fs.writeFileSync(cacheFile, goodCache);
  });

  it('a node option that changes V8\'s flags, on the command line or in NODE_OPTIONS: not used, same output', () => {
    const ran = cli(args, { nodeArgs: ['--max-old-space-size=4096'] });
    expect(ran.report).toBe('mlops-iac-lint: code cache: not used (made for other V8 flags (a node option or NODE_OPTIONS)): ES-module build');
    expectSameAsWithout(args, ran);
    const viaEnv = cli(args, { env: { NODE_OPTIONS: '--max-old-space-size=4096' } });
    expect(viaEnv.report).toBe(ran.report);
    expect(viaEnv.stdout).toBe(ran.stdout);
  });

  it('a node option that does not change V8\'s flags (a preload with --import): the cache is used', () => {
    const preload = path.join(work, 'harmless-preload.mjs');
    fs.writeFileSync(preload, 'globalThis.preloaded = true;\n');
    const ran = cli(args, { nodeArgs: ['--import', pathToFileURL(preload).href] });
    expect(ran.report).toBe('mlops-iac-lint: code cache: used');
    expectSameAsWithout(args, ran);
  });

  it("the ES-module build runs with Node 22.1+'s own compile cache (stubbed: this machine's Node has none), and without it under MLOPS_IAC_LINT_CODE_CACHE=off", () => {
    // A preload that stands in for module.enableCompileCache and writes down each call; a V8 flag
    // beside it makes the build's cache foreign, so the bin takes the ES-module build.
    const calls = path.join(work, 'compile-cache-calls');
    const preload = path.join(work, 'compile-cache-stub.mjs');
    fs.writeFileSync(
      preload,
      `import fs from 'node:fs';\nimport m from 'node:module';\nm.enableCompileCache = () => { fs.appendFileSync(process.env.MIL_NCC, 'called\\n'); return { status: 1 }; };\nm.constants ??= {};\nm.constants.compileCacheStatus ??= { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };\n`,
    );
    const nodeArgs = ['--max-old-space-size=4096', '--import', pathToFileURL(preload).href];
    const count = (): number => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0);
    const ran = cli(args, { nodeArgs, env: { MIL_NCC: calls } });
    expect(ran.report).toBe('mlops-iac-lint: code cache: not used (made for other V8 flags (a node option or NODE_OPTIONS)): ES-module build');
    expect(ran.nodeCache).toBe('enabled');
    expect(count()).toBe(1);
    expectSameAsWithout(args, ran);
    const off = cli(args, { nodeArgs, mode: 'off', env: { MIL_NCC: calls } });
    expect(count()).toBe(1);
    expect(off.stdout).toBe(ran.stdout);
  });

  it('the bundle gone: the ES-module build runs', () => {
    const bundle = path.join(dist, 'cli-bundle.cjs');
    const kept = fs.readFileSync(bundle);
    fs.rmSync(bundle);
    try {
      const ran = cli(args);
      expect(ran.report).toBe('mlops-iac-lint: code cache: not used (cli-bundle.cjs is unreadable (ENOENT)): ES-module build');
      expectSameAsWithout(args, ran);
    } finally {
      fs.writeFileSync(bundle, kept);
    }
  });

  it('an ES-module build that fails to start is an internal error (exit 3), whatever the unhandled-rejections mode', () => {
    const main = path.join(dist, 'cli-main.js');
    const kept = fs.readFileSync(main);
    fs.writeFileSync(main, 'throw new Error("broken build");\n');
    try {
      for (const env of [{}, { NODE_OPTIONS: '--unhandled-rejections=none' }] as Record<string, string>[]) {
        const ran = cli(args, { mode: 'off', env });
        expect(ran.status).toBe(3);
        expect(ran.stderr).toMatch(/^mlops-iac-lint: internal error: Error: broken build/);
      }
    } finally {
      fs.writeFileSync(main, kept);
    }
  });

  it('the bundle edited in place, to the same length (V8 checks only the length): not used, the edit does not run', () => {
    const bundle = path.join(dist, 'cli-bundle.cjs');
    const kept = fs.readFileSync(bundle);
    const text = kept.toString('latin1');
    // An edit that would show: the CLI's --version answer, same length.
    const edited = text.replace('"0.1.0"', '"9.9.9"');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(bundle, edited, 'latin1');
    try {
      const ran = cli(['--version']);
      expect(ran.report).toBe("mlops-iac-lint: code cache: not used (cli-bundle.cjs is not the build's): ES-module build");
      expect(ran.stdout).toBe('0.1.0\n');
    } finally {
      fs.writeFileSync(bundle, kept);
    }
  });
});

describe('what the header guards against (V8 itself, checked in a child process)', () => {
  // Why the cache is made and used with no V8 flag set before compiling, and keyed on node's
  // options: V8 rejects a cache made under other flags, `v8.setFlagsFromString` ones included
  // (src/core/jit.ts sets its flags after the bundle is compiled, in folder scans only).
  // Each compile in a fresh process: within one, V8's in-memory compilation cache would answer.
  it('V8 rejects a cache made under other flags, and takes one made under the same flags', () => {
    const child = (flags: string, cache?: string): { made: string; rejected?: boolean } => {
      const script = `
        const v8 = require('v8'), vm = require('vm');
        if (process.env.FLAGS) v8.setFlagsFromString(process.env.FLAGS);
        const cachedData = process.env.CACHE ? Buffer.from(process.env.CACHE, 'base64') : undefined;
        const s = new vm.Script('function f(a) { return a * 2 } f(1)', { cachedData });
        s.runInThisContext();
        process.stdout.write(JSON.stringify({ made: s.createCachedData().toString('base64'), rejected: s.cachedDataRejected }));`;
      const p = spawnSync(process.execPath, ['-e', script], { env: cleanEnv({ FLAGS: flags, CACHE: cache ?? '' }), encoding: 'utf8' });
      return JSON.parse(p.stdout) as { made: string; rejected?: boolean };
    };
    const plain = child('').made;
    expect(child('', plain).rejected).toBe(false);
    expect(child('--no-turbo-inlining', plain).rejected).toBe(true);
    const underFlags = child('--no-turbo-inlining').made;
    expect(child('--no-turbo-inlining', underFlags).rejected).toBe(false);
    expect(child('', underFlags).rejected).toBe(true);
  });
});

function flip(buf: Buffer, at: number): Buffer {
  const copy = Buffer.from(buf);
  copy[at] = copy[at]! ^ 0xff;
  copy[at + 1] = copy[at + 1]! ^ 0x5a;
  return copy;
}

function rekey(change: Partial<CacheKey>): Buffer {
  const { key, data } = splitCache(goodCache);
  return encodeCodeCache({ ...key, ...change }, data);
}
