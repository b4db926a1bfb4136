/**
 * The fuzzer (issue #12): corpus files, mutated with a fixed seed (truncated, a line deleted
 * or duplicated, bytes flipped, `{ } " ${ '''` inserted), each linted alone through the real
 * `lint()` API in a worker thread. A failure is any of:
 *   - lint() throwing or the worker dying (a crash);
 *   - a PARSE001/EVAL001 whose message shows an internal error or a stack trace;
 *   - no answer within the per-file timeout (a hang).
 * Each failing input is saved, with the reason, under the output folder.
 *
 * `npm run fuzz -- [--seed N] [--count N] [--timeout MS] [--out DIR] [--corpus DIR]` runs a long
 * run (scripts/fuzz-run.mjs bundles this file first); test/fuzz.test.ts runs a fixed-seed sample.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { lint } from '../src/api.js';

// ---- deterministic randomness and mutations ---------------------------------------------------

/** mulberry32: a small, fast, seedable PRNG (the same seed gives the same run everywhere). */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: () => number, n: number): number => Math.floor(rng() * n);

/** Tokens that open or close structure in the formats we read. */
export const INSERTIONS = ['{', '}', '"', '${', "'''"] as const;

export type MutationKind = 'truncate' | 'delete-line' | 'duplicate-line' | 'flip-bytes' | 'insert';
export const MUTATIONS: readonly MutationKind[] = ['truncate', 'delete-line', 'duplicate-line', 'flip-bytes', 'insert'];

/** Line spans [start, end) of a buffer, line breaks included. */
function lineSpans(b: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < b.length) spans.push([start, b.length]);
  return spans;
}

export function mutate(input: Buffer, kind: MutationKind, rng: () => number): Buffer {
  if (input.length === 0) return Buffer.from(INSERTIONS[int(rng, INSERTIONS.length)]!);
  switch (kind) {
    case 'truncate':
      return input.subarray(0, int(rng, input.length));
    case 'delete-line':
    case 'duplicate-line': {
      const lines = lineSpans(input);
      const [s, e] = lines[int(rng, lines.length)]!;
      const line = input.subarray(s, e);
      return Buffer.concat([input.subarray(0, s), ...(kind === 'duplicate-line' ? [line, line] : []), input.subarray(e)]);
    }
    case 'flip-bytes': {
      const out = Buffer.from(input);
      const flips = 1 + int(rng, 4);
      for (let i = 0; i < flips; i++) out[int(rng, out.length)]! ^= 1 << int(rng, 8);
      return out;
    }
    case 'insert': {
      const at = int(rng, input.length + 1);
      const token = INSERTIONS[int(rng, INSERTIONS.length)]!;
      return Buffer.concat([input.subarray(0, at), Buffer.from(token), input.subarray(at)]);
    }
  }
}

// ---- cases ------------------------------------------------------------------------------------

export interface FuzzCase {
  id: number;
  /** Corpus-relative path of the original file. */
  source: string;
  mutations: MutationKind[];
  bytes: Buffer;
}

/** Corpus files of the formats we read, sorted (so a seed picks the same files everywhere). */
export function corpusFiles(corpus: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(corpus, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(corpus, path.join(e.parentPath ?? e.path, e.name));
    if (/\.(tf|tfvars|json|bicep|bicepparam|ya?ml|sh|ps1)$/i.test(e.name)) out.push(rel.split(path.sep).join('/'));
  }
  return out.sort();
}

/** Case `id` of the run with `seed`: a corpus file and one to three mutations. */
export function makeCase(corpus: string, files: readonly string[], seed: number, id: number): FuzzCase {
  const rng = makeRng((seed * 1_000_003 + id) >>> 0);
  const source = files[int(rng, files.length)]!;
  let bytes: Buffer = fs.readFileSync(path.join(corpus, source));
  const mutations: MutationKind[] = [];
  const n = 1 + int(rng, 3);
  for (let i = 0; i < n; i++) {
    const kind = MUTATIONS[int(rng, MUTATIONS.length)]!;
    mutations.push(kind);
    bytes = mutate(bytes, kind, rng);
  }
  return { id, source, mutations, bytes };
}

// ---- the worker: lints one case ---------------------------------------------------------------

/** Messages that mean a bug escaped: internal errors and stack traces. */
export const INTERNAL = /internal (parser )?error|parser fail|could not read the CI structure|could not be evaluated|maximum call stack|\n\s+at \S/i;

interface CaseMessage {
  id: number;
  name: string;
  bytes: Uint8Array;
}
interface ResultMessage {
  id: number;
  problem?: string;
}

async function lintCase(dir: string, msg: CaseMessage): Promise<ResultMessage> {
  const caseDir = fs.mkdtempSync(path.join(dir, 'case-'));
  const file = path.join(caseDir, msg.name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, msg.bytes);
  try {
    const r = await lint({ paths: [caseDir], root: caseDir, noConfig: true });
    const bad = r.notifications.find((n) => INTERNAL.test(n.message)) ?? r.findings.find((f) => INTERNAL.test(f.message));
    return bad ? { id: msg.id, problem: `${'ruleId' in bad ? bad.ruleId : ''}: ${bad.message}` } : { id: msg.id };
  } catch (e) {
    return { id: msg.id, problem: `lint() threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  } finally {
    fs.rmSync(caseDir, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'fuzz-worker') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-fuzz-'));
  parentPort!.on('message', (msg: CaseMessage) => {
    void lintCase(dir, msg).then((r) => parentPort!.postMessage(r));
  });
}

// ---- the driver -------------------------------------------------------------------------------

export interface FuzzOptions {
  corpus: string;
  seed: number;
  count: number;
  /** Per-file timeout (ms): a file that takes longer is a hang. */
  timeoutMs: number;
  /** Where failing inputs are saved (one folder per case). */
  outDir: string;
  /** This bundle (a worker runs the same file). */
  workerFile: string;
  onProgress?(done: number, total: number): void;
}

export interface FuzzFailure {
  id: number;
  source: string;
  mutations: MutationKind[];
  reason: string;
  saved: string;
}

export interface FuzzReport {
  cases: number;
  failures: FuzzFailure[];
  ms: number;
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const files = corpusFiles(opts.corpus);
  if (files.length === 0) throw new Error(`no corpus files under ${opts.corpus}`);
  const failures: FuzzFailure[] = [];
  let worker: Worker | undefined;
  const start = (): Worker => new Worker(opts.workerFile, { workerData: { role: 'fuzz-worker' } });

  for (let id = 0; id < opts.count; id++) {
    const c = makeCase(opts.corpus, files, opts.seed, id);
    worker ??= start();
    const w = worker;
    const reason = await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => done(`timeout: no answer in ${opts.timeoutMs} ms`), opts.timeoutMs);
      const onMessage = (r: ResultMessage): void => {
        if (r.id === c.id) done(r.problem);
      };
      const onError = (e: Error): void => done(`worker crashed: ${e.stack ?? e.message}`);
      const onExit = (code: number): void => done(`worker exited with code ${code}`);
      function done(problem: string | undefined): void {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(problem);
      }
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.postMessage({ id: c.id, name: path.basename(c.source), bytes: c.bytes } satisfies CaseMessage);
    });
    if (reason !== undefined) {
      if (/^(timeout|worker)/.test(reason)) {
        // A hung or dead worker cannot be trusted with the next case.
        await w.terminate();
        worker = undefined;
      }
      const saved = path.join(opts.outDir, `seed${opts.seed}-case${c.id}`);
      fs.mkdirSync(saved, { recursive: true });
      fs.writeFileSync(path.join(saved, path.basename(c.source)), c.bytes);
      fs.writeFileSync(path.join(saved, 'reason.txt'), `source: ${c.source}\nmutations: ${c.mutations.join(', ')}\nseed: ${opts.seed}, case: ${c.id}\n\n${reason}\n`);
      failures.push({ id: c.id, source: c.source, mutations: c.mutations, reason, saved });
    }
    opts.onProgress?.(id + 1, opts.count);
  }
  await worker?.terminate();
  return { cases: opts.count, failures, ms: performance.now() - t0 };
}

/** Command-line entry (`npm run fuzz`): long run, exit 1 on any failure. */
export async function main(argv: string[], workerFile: string, repo: string): Promise<number> {
  const arg = (name: string, def: string): string => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : def;
  };
  const corpus = path.resolve(arg('corpus', path.join(repo, '../shared/corpus')));
  if (!fs.existsSync(corpus)) {
    console.error(`fuzz: no corpus at ${corpus} (pass --corpus DIR)`);
    return 2;
  }
  const opts: FuzzOptions = {
    corpus,
    seed: Number(arg('seed', '1')),
    count: Number(arg('count', '5000')),
    timeoutMs: Number(arg('timeout', '20000')),
    outDir: path.resolve(arg('out', path.join(repo, 'build/fuzz-failures'))),
    workerFile,
    onProgress: (done, total) => {
      if (done % 100 === 0 || done === total) process.stderr.write(`fuzz: ${done}/${total}\n`);
    },
  };
  const report = await runFuzz(opts);
  for (const f of report.failures) console.log(`FAIL case ${f.id} (${f.source}; ${f.mutations.join(', ')}): ${f.reason.split('\n')[0]}\n     saved in ${f.saved}`);
  console.log(`fuzz: ${report.cases} cases (seed ${opts.seed}) in ${(report.ms / 1000).toFixed(1)} s: ${report.failures.length} failures${report.failures.length ? `, inputs saved under ${opts.outDir}` : ''}`);
  return report.failures.length ? 1 : 0;
}
