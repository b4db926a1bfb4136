// Bundles the CLI, the programmatic API and the GitHub Action entry with esbuild.
// One bundle per entry keeps start-up to a single file read (pre-commit latency).
import { build } from 'esbuild';

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
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
await build({ ...common, entryPoints: { api: 'src/api.ts' }, outdir: 'dist' });
