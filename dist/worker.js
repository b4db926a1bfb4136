#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  JOINED,
  OPEN,
  executeUnit,
  planHash,
  prepareRun,
  scanViewOf,
  stateSlot
} from "./chunks/chunk-OYJ3U623.js";
import "./chunks/chunk-K77AJIZV.js";
import "./chunks/chunk-DYNUERAD.js";
import "./chunks/chunk-UQBBBIIC.js";
import "./chunks/chunk-TQ2KNM7T.js";
import "./chunks/chunk-BJWGMRPN.js";
import "./chunks/chunk-RETDBOAG.js";
import "./chunks/chunk-WPBILXAO.js";
import "./chunks/chunk-WGIJSVLI.js";
import "./chunks/chunk-LPQPCRMS.js";
import "./chunks/chunk-NF6EJP7R.js";
import "./chunks/chunk-6BEZZN74.js";
import "./chunks/chunk-W76RHPHR.js";
import "./chunks/chunk-572HMJST.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var start = workerData;
if (parentPort && start?.kind === "mlops-iac-lint-units") {
  const port = parentPort;
  const state = new Int32Array(start.shared);
  delete process.env.MLOPS_IAC_LINT_TIMING;
  const planned = prepareRun(start.options).then((run) => ({ run, hash: planHash(run) }));
  let queue = Promise.resolve();
  port.on("message", (msg) => {
    queue = queue.then(async () => {
      const { run, hash } = await planned;
      if (hash !== msg.planHash) {
        port.postMessage({ type: "mismatch" });
        port.close();
        return;
      }
      if (Atomics.compareExchange(state, stateSlot(start.id, msg.stage), OPEN, JOINED) !== OPEN) return;
      const scan = msg.summaries ? scanViewOf(msg.summaries, run.root) : void 0;
      const results = [];
      for (; ; ) {
        const k = Atomics.add(state, msg.stage, 1);
        if (k >= msg.jobs.length) break;
        results.push([k, executeUnit(run, msg.jobs[k], scan)]);
      }
      port.postMessage({ type: "results", stage: msg.stage, results });
    });
  });
}
