// `npm run fuzz`: bundles scripts/fuzz.ts (with the lint() API it drives) into build/fuzz.mjs
// and runs a long fuzzing session; the bundle is also what each worker thread loads.
// Options: --seed N (1), --count N (5000), --timeout MS (20000), --out DIR, --corpus DIR.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the fuzzer into `outfile` (also used by test/fuzz.test.ts). */
export async function bundleFuzzer(outfile) {
  await build({
    entryPoints: [path.join(repo, 'scripts/fuzz.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bundle = await bundleFuzzer(path.join(repo, 'build/fuzz.mjs'));
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv.slice(2), bundle, repo);
}
