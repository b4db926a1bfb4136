/**
 * Entry of the bundled GitHub Action (dist/action.js, committed: `uses:` runs it without an
 * install). All the work is in run.ts so tests can call `run(env)` directly; run() reports
 * its own failures (exit 2 and 3, with a SARIF file). The catch here is the last resort for
 * a failure while reporting a failure.
 */
import { run } from './run.js';
import { command } from './io.js';
import { tuneJitForLongRun } from '../core/jit.js';

// The Action scans the repository (a long run: src/core/jit.ts). Here, not in run(), which tests
// call in-process. On the runtime action.yml names (node24: V8 13.6) this sets nothing: the flags
// are set on Node 20's V8 only, where they were measured (`node dist/action.js` on Node 20).
tuneJitForLongRun();

run(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stdout.write(command('error', `mlops-iac-lint: internal error: ${err.message}`) + '\n');
    if (err.stack) process.stdout.write(command('debug', err.stack) + '\n');
    process.exitCode = 3;
  },
);
