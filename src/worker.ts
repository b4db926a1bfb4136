/**
 * The worker-thread entry (dist/worker.js; issue 15, item 2; the protocol is in
 * src/pipeline/workers.ts). It plans the same run as the main thread — on its own core, while
 * the main thread plans — and then, stage by stage, claims units from the shared counter and
 * sends their results back. It prints nothing and writes nothing: everything it found reaches
 * the report through the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRun, type LintOptions } from './api.js';
import { executeUnit, planHash, stageScan, type UnitRun } from './pipeline/run-units.js';
import { claimEach, JOINED, OPEN, stateSlot, type StageMessage, type WorkerMessage, type WorkerStart } from './pipeline/workers.js';
import { shareMemory } from './pipeline/memory.js';

const start = workerData as WorkerStart<LintOptions> | undefined;
if (parentPort && start?.kind === 'mlops-iac-lint-units') {
  const port = parentPort;
  const state = new Int32Array(start.shared);
  shareMemory(start.threads);
  // The phase timings are the main thread's to print.
  delete process.env.MLOPS_IAC_LINT_TIMING;
  const planned: Promise<{ run: UnitRun; hash: string }> = prepareRun(start.options).then((run) => ({ run, hash: planHash(run) }));
  // One stage at a time, in the order the messages came.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (msg: StageMessage) => {
    queue = queue.then(async () => {
      const { run, hash } = await planned;
      if (hash !== msg.planHash) {
        port.postMessage({ type: 'mismatch' } satisfies WorkerMessage);
        port.close();
        return;
      }
      // Join the stage unless the main thread has closed it already (it ran out of units).
      if (Atomics.compareExchange(state, stateSlot(start.id, msg.stage), OPEN, JOINED) !== OPEN) return;
      const scan = msg.summaries ? stageScan(msg.summaries, run.root, run.ctx.inRepository === true, msg.withOwn === true) : undefined;
      const results: [number, ReturnType<typeof executeUnit>][] = [];
      claimEach(state, msg, 'back', (k) => results.push([k, executeUnit(run, msg.jobs[k]!, scan)]));
      port.postMessage({ type: 'results', stage: msg.stage, results } satisfies WorkerMessage);
    });
  });
}
