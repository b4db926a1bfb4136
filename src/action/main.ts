/**
 * Entry of the bundled GitHub Action (dist/action.js, committed: `uses:` runs it without an
 * install). All the work is in run.ts so tests can call `run(env)` directly.
 */
import { run } from './run.js';
import { command } from './io.js';

run(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error;
    process.stdout.write(command('error', `mlops-iac-lint: internal error: ${err.stack ?? String(e)}`) + '\n');
    process.exitCode = 3;
  },
);
