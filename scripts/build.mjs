// Bundles the CLI, the programmatic API, the worker-thread entry and the GitHub Action entry with esbuild.
// The CLI (dist/cli-main.js), the API and the worker share code-split chunks (dist/chunks/):
// what a plain one-file run never needs (ajv for config files, fast-glob for glob arguments, …)
// sits behind `await import()` in its own chunk, so pre-commit start-up does not compile or
// initialise it. The bin (dist/cli.js) runs that build, or the same CLI as one script with the
// V8 code cache made here (dist/cli-bundle.cjs, dist/cli-bundle.cache; src/cli/code-cache.ts).
// The Action stays one self-contained file (dist/action.js is committed and run as is).
// `--types` (run by `prepack`, so every packed/published tarball has them) also emits the
// type declarations of the programmatic API: dist/types/** from tsc, and dist/api.d.ts.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

// `--outdir <dir>` builds the bundles elsewhere (tests build a fresh copy without touching dist/).
const outIdx = process.argv.indexOf('--outdir');
const outdir = outIdx > 0 ? process.argv[outIdx + 1] : 'dist';

// jsonc-parser's entry (lib/esm/main.js) also imports its formatter and editor, whose module
// (string-intern.js) builds 340 KB of indentation strings when it is evaluated: at the start of
// every run, a one-file .tf run included (the config loader imports the parser). The CLI uses
// only the scanner and the tree parser, which the entry re-exports unchanged: they are taken
// from their own modules. The sources import 'jsonc-parser' as usual (vitest runs the package).
const JSONC_USED = {
  'jsonc-parser/lib/esm/impl/scanner': ['createScanner'],
  'jsonc-parser/lib/esm/impl/parser': ['parseTree', 'findNodeAtOffset', 'findNodeAtLocation'],
};
const jsoncSlim = {
  name: 'jsonc-parser-slim',
  setup(b) {
    b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: 'jsonc-parser', namespace: 'jsonc-slim' }));
    b.onLoad({ filter: /.*/, namespace: 'jsonc-slim' }, () => ({
      contents: Object.entries(JSONC_USED).map(([from, names]) => `export { ${names.join(', ')} } from '${from}';`).join('\n'),
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  // jsonc-parser's UMD build uses dynamic requires esbuild cannot follow: prefer ESM entries.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // Module paths (in comments of the output) as seen from here, not through a symlinked
  // node_modules (git worktrees): the committed dist/action.js is the same from any checkout.
  preserveSymlinks: true,
  plugins: [jsoncSlim],
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// Chunks of an earlier build (their names carry a content hash) would pile up.
fs.rmSync(`${outdir}/chunks`, { recursive: true, force: true });

// re2js (about 270 KB, the RE2 engine of Terraform's regex functions and config globs) stays a
// file of its own beside the chunks, required on first use (src/core/re2.ts): a run that needs
// no regex neither parses nor runs it (one-file start-up, issue 15). The Action bundle keeps it
// inside, behind esbuild's lazy initialiser.
const re2jsApart = {
  name: 're2js-apart',
  setup(b) {
    b.onResolve({ filter: /^re2js$/ }, (args) => (args.kind === 'require-call' ? { path: './re2js.cjs', external: true } : undefined));
  },
};
// A hash of what decides the CLI's results (the sources, the rules, the locked dependencies),
// the same in the ES-module build and the code-cached bundle: it stands for the built-in rules'
// code in the settings key (src/api.ts runSettings). The rules' compiled text differs between
// the two builds (esbuild names locals apart), and that key is both the --cache key and the
// plan hash a worker thread (ES modules) must share with a main thread that runs the bundle.
function sourceHash() {
  const h = crypto.createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  walk('src');
  walk('rules');
  // A package being packed (npm pack's stage) has no lock file: its sources alone then.
  if (fs.existsSync('package-lock.json')) files.push('package-lock.json');
  for (const f of files.sort()) h.update(`${f}\0${fs.readFileSync(f, 'utf8')}\0`);
  return h.digest('base64url');
}
const sourceDefine = { __MLOPS_SOURCE_HASH__: JSON.stringify(sourceHash()) };

await build({
  ...common,
  // worker.js: the worker-thread entry (issue 15), sharing the chunks; the pool finds it by
  // the name defined here (src/pipeline/workers.ts). The Action bundle defines none: one thread.
  // cli-main.js is the CLI as ES modules; dist/cli.js (the bin, built below) runs it, or the
  // code-cached bundle of the same sources.
  entryPoints: { 'cli-main': 'src/cli/main.ts', api: 'src/api.ts', worker: 'src/worker.ts' },
  define: { __MLOPS_WORKER_ENTRY__: '"worker.js"', ...sourceDefine },
  plugins: [jsoncSlim, re2jsApart],
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: common.banner.js },
});
fs.copyFileSync(createRequire(import.meta.url).resolve('re2js').replace(/index\.js$/, 'index.cjs'), `${outdir}/chunks/re2js.cjs`);
// The external require sits in a shared chunk, so './re2js.cjs' is resolved beside it: an entry
// file that held it would look in the wrong folder.
for (const entry of ['cli-main', 'api', 'worker']) {
  if (fs.readFileSync(`${outdir}/${entry}.js`, 'utf8').includes('./re2js.cjs')) throw new Error(`${entry}.js requires re2js.cjs itself: it would not be found beside it`);
}

// The V8 code cache of the CLI (issue 15, one-file start-up; src/cli/code-cache.ts says why
// and how it is checked). First the whole CLI as one script: CommonJS-shaped, wrapped in a
// function the bin calls with (exports, require, module, __filename, __dirname, importMetaUrl).
// Dynamic imports become esbuild's lazy initialisers (a format's code is evaluated only when
// a run meets it); import() of a node: built-in becomes a require().
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outfile: `${outdir}/cli-bundle.cjs`,
  define: { __MLOPS_WORKER_ENTRY__: '"worker.js"', 'import.meta.url': '__milImportMetaUrl', ...sourceDefine },
  supported: { 'dynamic-import': false },
  // Resolved by the bin's require(), made for the bundle's own path (dist/).
  plugins: [jsoncSlim, { name: 're2js-apart', setup: (b) => b.onResolve({ filter: /^re2js$/ }, (args) => (args.kind === 'require-call' ? { path: './chunks/re2js.cjs', external: true } : undefined)) }],
  // Whitespace-minified: a quarter smaller (2.76 → 2.03 MB), and every byte of it is read, hashed
  // and decoded by each run before V8 takes the cache (about 8 ms per MB here). Names stay, so a
  // stack trace still says which function; the ES-module build (the fallback) is not minified.
  minifyWhitespace: true,
  // "use strict" first, as esbuild puts it (a directive only counts before any statement).
  // __toESMOnce: see bundleText below. A function declaration (hoisted); it calls esbuild's
  // __toESM, defined by then (the calls are in modules' code, after esbuild's helpers).
  banner: {
    js: '(function (exports, require, module, __filename, __dirname, __milImportMetaUrl) {\n"use strict";\nvar __milBuiltins = new Map();\nfunction __toESMOnce(mod) { var ns = __milBuiltins.get(mod); if (ns === undefined) __milBuiltins.set(mod, (ns = __toESM(mod, 1))); return ns; }',
  },
  footer: { js: '})' },
});
// Two rewrites of the bundle's text:
// - A default import of a Node built-in (`import fs from 'node:fs'`) becomes esbuild's
//   `__toESM(require("node:fs"), 1)`: a copy of the module object with a getter per property,
//   made again in every module that imports it (node:path 70 times, node:fs 13): 7.6 ms of a
//   one-file run's start here. `__toESMOnce` (the banner) makes one per built-in for all.
// - The bin reads the bundle as latin1, the cheapest exact read (a UTF-8 read makes a two-byte
//   string: about 4 ms more): it must be ASCII. esbuild escapes non-ASCII in code but keeps it
//   in the comments it preserves; a \uXXXX escape reads the same in a comment and means the
//   same character anywhere else, so every UTF-16 unit above 0x7f becomes one.
let toEsmCalls = 0;
const bundleText = Buffer.from(
  fs
    .readFileSync(`${outdir}/cli-bundle.cjs`, 'utf8')
    .replace(/\b__toESM\(require\("(node:[\w/]+)"\), ?1\)/g, (_, m) => (toEsmCalls++, `__toESMOnce(require("${m}"))`))
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'latin1',
);
if (toEsmCalls === 0) throw new Error('cli-bundle.cjs: no __toESM(require("node:…"), 1) found: has esbuild changed its helper? (see __toESMOnce)');
fs.writeFileSync(`${outdir}/cli-bundle.cjs`, bundleText);
// An import() left in it would need a module loader that vm.Script does not have.
if (/[^\w$.]import\(/.test(bundleText.toString('latin1'))) throw new Error('cli-bundle.cjs has an import() left');
// The bin: small, no chunks, CommonJS (an ES-module entry costs Node's ES-module loader set-up,
// about 10 ms of a one-file run: src/cli/entry.ts); it carries the bundle's hash, which every
// cache header must match.
await build({
  ...common,
  format: 'cjs',
  entryPoints: { cli: 'src/cli/entry.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
  define: { __MLOPS_BUNDLE_HASH__: JSON.stringify(crypto.createHash('sha256').update(bundleText).digest('hex')) },
  banner: { js: '#!/usr/bin/env node' },
});
// dist/cli.js, for `node dist/cli.js` (the path earlier releases documented): runs the bin.
fs.writeFileSync(
  `${outdir}/cli.js`,
  "#!/usr/bin/env node\n// Runs the bin, dist/cli.cjs (scripts/build.mjs says why it is CommonJS).\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./cli.cjs');\n",
);
// The CLI is the package's bin: run directly (`npx mlops-iac-lint` in a checkout runs
// dist/cli.cjs itself; npm sets the mode only on the bins of packages it installs).
for (const bin of ['cli.cjs', 'cli.js']) fs.chmodSync(`${outdir}/${bin}`, 0o755);
// The cache: the bin runs the bundle on a representative one-file Terraform run (the
// pre-commit case: the bundled example's main.tf in its module folder, its .tf files copied out
// of the tree so no config of this checkout applies) and writes what V8 compiled. A one-file run sets
// no V8 flags (src/core/jit.ts tunes folder scans only): V8 checks the flags, and a cache made
// under some would be rejected by every run that compiles without them. No NODE_OPTIONS and
// no node options: a run with either does not use the cache. Terraform only: a cache made on
// Terraform, Bicep, CI, Kubernetes and AML files (1.3 MB against 0.76 MB) cost a .tf run about
// 9 ms of CPU to load and saved a Bicep run about 5 ms; other formats still gain from the
// shared code (engine, rules, reports) the Terraform run compiled.
const CACHE_SAMPLE = 'examples/mlops-platform/infra/terraform';
const cacheFile = `${outdir}/cli-bundle.cache`;
fs.rmSync(cacheFile, { force: true });
// The cache only speeds start-up; without it the bin runs the ES-module build. A sample run
// that cannot be made (a copy of the sources without examples/) or fails (say, an invalid
// config file in a folder above the temp folder, which the CLI's config search reaches) must
// not fail an install from git: say so and go on. test/ship/code-cache.test.ts fails when a
// build of a checkout makes no cache.
const noCache = (why) => {
  fs.rmSync(cacheFile, { force: true });
  console.warn(`build: no code cache made (${why}); the CLI starts without it.`);
};
const sampleFiles = ['main.tf', 'variables.tf'];
if (!sampleFiles.every((f) => fs.existsSync(path.join(CACHE_SAMPLE, f)))) noCache(`${CACHE_SAMPLE} is not here`);
else {
  const sample = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-iac-lint-cache-sample-'));
  try {
    for (const f of sampleFiles) fs.copyFileSync(path.join(CACHE_SAMPLE, f), path.join(sample, f));
    const env = { ...process.env, MLOPS_IAC_LINT_CODE_CACHE_OUT: path.resolve(cacheFile) };
    delete env.NODE_OPTIONS;
    delete env.MLOPS_IAC_LINT_CODE_CACHE;
    const r = spawnSync(process.execPath, [path.resolve(`${outdir}/cli.cjs`), 'main.tf'], { cwd: sample, env, encoding: 'utf8' });
    if ((r.status !== 0 && r.status !== 1) || !fs.existsSync(cacheFile)) noCache(`the sample run exited ${r.status}\n${r.stderr.trim()}`);
  } finally {
    fs.rmSync(sample, { recursive: true, force: true });
  }
}
await build({ ...common, entryPoints: { action: 'src/action/main.ts' }, outdir });

if (process.argv.includes('--types')) {
  // Declarations generated from the sources (never hand-maintained): tsc over src/api.ts and
  // what it imports, into dist/types/, plus a flat dist/api.d.ts that `exports` points at.
  const types = `${outdir}/types`;
  fs.rmSync(types, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [
    tsc, 'src/api.ts', '--declaration', '--emitDeclarationOnly', '--outDir', types, '--rootDir', '.',
    '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--lib', 'ES2023',
    '--types', 'node', '--strict', '--skipLibCheck', '--isolatedModules', '--verbatimModuleSyntax',
    '--esModuleInterop', '--resolveJsonModule',
  ];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(
    `${outdir}/api.d.ts`,
    [
      '// Generated by scripts/build.mjs --types: the types of the programmatic API (dist/api.js).',
      "export * from './types/src/api.js';",
      "export type { LintResult, Notification } from './types/src/engine/result.js';",
      "export type { Finding, Level, RuleMeta, RuleOptionSpec, Rule } from './types/src/engine/types.js';",
      "export type { EnvClass } from './types/src/core/env.js';",
      "export type { Location, Range } from './types/src/core/source.js';",
      '',
    ].join('\n'),
  );
}
