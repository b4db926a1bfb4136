/**
 * The RE2 engine (re2js, about 270 KB) loaded on first use: a run that evaluates no Terraform
 * regex function and matches no config glob never initialises it (issue 15: start-up of a
 * one-file run). In the bundle, esbuild turns the `require('re2js')` below into a lazy
 * initialiser of the bundled copy (scripts/build.mjs's banner defines `require` in every
 * output file); from the TypeScript sources (tests) Node's require reads the package's
 * CommonJS build.
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import type * as Re2js from 're2js';

let engine: typeof RE2JS | undefined;

export function re2(): typeof RE2JS {
  if (!engine) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = (typeof require === 'function' ? require('re2js') : createRequire(import.meta.url)('re2js')) as typeof Re2js;
    engine = mod.RE2JS;
  }
  return engine;
}
