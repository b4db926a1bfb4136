/**
 * Worker threads (issue 15, item 2): the output of a run on several threads is the same bytes
 * as on one (every format, every reporter, with cross-unit facts, a warm cache and shards),
 * a one-file run starts no worker, and a worker that fails or planned another tree leaves its
 * units to the main thread. Workers run only from the bundle (dist/worker.js), so the
 * end-to-end cases build one into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTo, tempDir } from '../ship/helpers.js';
import { claimEach, SHARED_SLOTS, UnitWorkerPool } from '../../src/pipeline/workers.js';
import { shareMemory } from '../../src/pipeline/memory.js';
import type { UnitJob } from '../../src/pipeline/run-units.js';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir(prefix: string): string {
  const d = fs.realpathSync(tempDir(prefix));
  temps.push(d);
  return d;
}
function write(root: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}

/** A repository of many units: Terraform folders, ARM, Bicep, Kubernetes against a GPU pool in another unit, a CI `az ml --file`, a broken file, suppressions. */
function repository(root: string, folders: number): void {
  for (let i = 0; i < folders; i++) {
    write(root, `infra/app${i}/main.tf`, `resource "azurerm_storage_account" "sa" {
  name                     = "sa${i}"
  resource_group_name      = "rg-prod"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  public_network_access_enabled = ${i % 2 === 0 ? 'true' : 'false'}
}

resource "azurerm_key_vault" "kv" {
  name                = "kv${i}"
  location            = "westeurope"
  resource_group_name = "rg-prod"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"${i % 3 === 0 ? '\n  # mlops-iac-lint-disable-next-line KV001 -- reviewed' : ''}
  purge_protection_enabled = false
}
`);
    write(root, `k8s/job${i}.yaml`, `apiVersion: batch/v1
kind: Job
metadata:
  name: train${i}
spec:
  template:
    spec:
      containers:
        - name: train
          image: busybox
          resources:
            limits:
              nvidia.com/gpu: 1
      restartPolicy: Never
`);
  }
  write(root, 'infra/aks/main.tf', `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC6"
  node_taints           = ["sku=gpu:NoSchedule"]
}
`);
  write(root, 'arm/azuredeploy.json', JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2022-07-01', name: 'kv-arm', location: 'westeurope', properties: { tenantId: '00000000-0000-0000-0000-000000000000', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: false } }],
  }, null, 2));
  write(root, 'bicep/ws.bicep', `resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'ws'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}
`);
  write(root, 'ml/compute.yml', 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\nsize: Standard_NC6\n');
  write(root, '.github/workflows/ml.yml', `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: az ml compute create -f ml/compute.yml -w ws -g rg
`);
  write(root, 'infra/broken/main.tf', 'resource "azurerm_key_vault" "kv" {\n  name = \n');
}

let cli = '';
beforeAll(() => {
  const out = dir('workers-build');
  buildTo(out);
  cli = path.join(out, 'cli.js');
}, 120_000);

function lintCli(args: string[], cwd: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, MLOPS_IAC_LINT_TIMING: '1', NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
/** The worker pool's counts, printed with MLOPS_IAC_LINT_TIMING; undefined when no pool ran. */
function threadStats(stderr: string): { here: number; workers: number } | undefined {
  const m = /^threads: (\{.*\})$/m.exec(stderr);
  return m ? (JSON.parse(m[1]!) as { here: number; workers: number }) : undefined;
}

describe('MLOPS_IAC_LINT_TIMING (the built CLI)', () => {
  it('lists the slowest units this thread ran, slowest first, at most ten', () => {
    const root = dir('timing-repo');
    repository(root, 12);
    const r = lintCli(['.', '--format', 'json', '--fail-on', 'none', '--concurrency', 'off'], root);
    const lines = r.stderr.split('\n');
    const at = lines.indexOf('  slowest units (this thread):');
    expect(at).toBeGreaterThan(0);
    const units = lines.slice(at + 1).filter((l) => /^ {4}\d+ ms {2}\S+:\S+ \(\d+ files?\)$/.test(l));
    expect(units.length).toBeGreaterThan(0);
    expect(units.length).toBeLessThanOrEqual(10);
    const ms = units.map((l) => Number(/^ {4}(\d+)/.exec(l)![1]));
    expect([...ms].sort((a, b) => b - a)).toEqual(ms);
  });
});

describe('worker threads (the built CLI)', () => {
  it('gives byte-identical json, sarif and stylish output on one thread and on a pool of several', () => {
    const root = dir('workers-repo');
    repository(root, 60);
    for (const format of ['json', 'sarif', 'stylish']) {
      const one = lintCli(['.', '--format', format, '--fail-on', 'none', '--concurrency', 'off'], root);
      const many = lintCli(['.', '--format', format, '--fail-on', 'none', '--concurrency', '3'], root);
      expect(one.status).toBe(0);
      expect(many.status).toBe(0);
      expect(threadStats(one.stderr)).toBeUndefined();
      // A pool ran the stages and every unit ran once somewhere. How many a worker ran depends on
      // timing: each worker plans the run itself first, and on a tree this small the main thread
      // often runs every unit before a worker claims one (its own protocol is tested below with
      // stand-in workers; bench/threads.mjs measures real sharing).
      const stats = threadStats(many.stderr);
      expect(stats).toBeDefined();
      expect(stats!.here + stats!.workers).toBeGreaterThan(100);
      expect(many.stdout).toBe(one.stdout);
      if (format === 'json') {
        // The repository gives what the test is about: findings in every format, a PARSE001, a cross-unit K8S001, a suppression.
        const rules = new Set((JSON.parse(one.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId));
        for (const id of ['KV001', 'ST001', 'AML001', 'K8S001', 'PARSE001', 'GPU004']) expect(rules).toContain(id);
      }
    }
  }, 120_000);

  it('a cold and a warm --cache on several threads give the single-thread bytes; the union of shards too', () => {
    const root = dir('workers-cache');
    repository(root, 50);
    const one = lintCli(['.', '--format', 'json', '--fail-on', 'none', '--concurrency', 'off'], root).stdout;
    const cacheArgs = ['--cache', '--cache-location', path.join(root, '.cache-file')];
    const cold = lintCli(['.', '--format', 'json', '--fail-on', 'none', '--concurrency', '2', ...cacheArgs], root);
    expect(threadStats(cold.stderr)).toBeDefined();
    expect(cold.stdout).toBe(one);
    const warm = lintCli(['.', '--format', 'json', '--fail-on', 'none', '--concurrency', '2', ...cacheArgs], root);
    // Everything came from the cache: no stage had units to run, so no pool was started.
    expect(threadStats(warm.stderr)).toBeUndefined();
    expect(warm.stdout).toBe(one);
    const findings = (s: string): string[] => (JSON.parse(s) as { findings: unknown[] }).findings.map((f) => JSON.stringify(f)).sort();
    const shards = [1, 2].map((k) => lintCli(['.', '--format', 'json', '--fail-on', 'none', '--concurrency', '2', '--shard', `${k}/2`], root).stdout);
    expect(shards.flatMap(findings).sort()).toEqual(findings(one));
  }, 120_000);

  it('a one-file run and a run of few units start no worker', () => {
    const root = dir('workers-small');
    repository(root, 3);
    expect(threadStats(lintCli(['infra/app0/main.tf', '--concurrency', '4'], root).stderr)).toBeUndefined();
    expect(threadStats(lintCli(['.', '--concurrency', '4'], root).stderr)).toBeUndefined();
  }, 60_000);

  it('rejects a --concurrency that is not a number, auto or off (exit 2)', () => {
    const root = dir('workers-usage');
    const r = lintCli(['.', '--concurrency', 'many'], root);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--concurrency takes a number of threads (1 or more), auto or off, not 'many'");
  });
});

describe('claimEach: the main thread claims from the front, the workers from the back', () => {
  it.each([0, 1, 5, 9, 10])('every unit once when the front starts after %i claims from the back', (backFirst) => {
    const work = { stage: 1 as const, jobs: Array.from({ length: 10 }, (_, index): UnitJob => ({ index, dropped: [], record: false })) };
    const state = new Int32Array(new SharedArrayBuffer(4 * 16));
    const front: number[] = [];
    const back: number[] = [];
    const runFront = (): void => claimEach(state, work, 'front', (k) => front.push(k));
    // The front joins while the back is between two claims (threads interleave at any claim).
    if (backFirst === 0) runFront();
    claimEach(state, work, 'back', (k) => {
      back.push(k);
      if (back.length === backFirst) runFront();
    });
    expect(back).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].slice(0, backFirst));
    expect(front).toEqual([...Array(10 - back.length).keys()]);
  });
});

describe('UnitWorkerPool: a worker that fails or planned another tree', () => {
  /** A stand-in worker speaking the pool's protocol: joins each stage, claims units, and misbehaves as told. */
  function fakeWorker(behaviour: 'crash-after-claim' | 'mismatch' | 'honest'): string {
    const file = path.join(dir('fake-worker'), 'worker.mjs');
    fs.writeFileSync(file, `
import { parentPort, workerData } from 'node:worker_threads';
const state = new Int32Array(workerData.shared);
parentPort.on('message', (msg) => {
  if (${JSON.stringify(behaviour)} === 'mismatch') { parentPort.postMessage({ type: 'mismatch' }); return; }
  if (Atomics.compareExchange(state, ${SHARED_SLOTS.states} + workerData.id * ${SHARED_SLOTS.stages} + msg.stage, 0, 2) !== 0) return;
  const results = [];
  for (;;) {
    // The slots of workers.ts: claimed by all, claimed from the back, then the states (SHARED_SLOTS).
    if (Atomics.add(state, ${SHARED_SLOTS.claimed} + msg.stage, 1) >= msg.jobs.length) break;
    const k = msg.jobs.length - 1 - Atomics.add(state, ${SHARED_SLOTS.fromBack} + msg.stage, 1);
    if (${JSON.stringify(behaviour)} === 'crash-after-claim') throw new Error('boom');
    results.push([k, { by: 'worker', index: msg.jobs[k].index }]);
  }
  parentPort.postMessage({ type: 'results', stage: msg.stage, results });
});
`);
    return file;
  }
  const jobs: UnitJob[] = Array.from({ length: 200 }, (_, index) => ({ index, dropped: [], record: false }));
  // Each local unit takes a little while, so a started worker gets to claim some.
  let here: number[] = [];
  const local = (job: UnitJob): void => {
    const until = Date.now() + 2;
    while (Date.now() < until);
    here.push(job.index);
  };

  for (const behaviour of ['crash-after-claim', 'mismatch', 'honest'] as const) {
    it(`every unit runs exactly once (${behaviour})`, async () => {
      const pool = await UnitWorkerPool.start(fakeWorker(behaviour), 1, {});
      shareMemory(1);
      // Give the worker time to start, so it takes part (or fails) in the stage.
      await new Promise((r) => setTimeout(r, 300));
      pool.setPlan('plan');
      try {
        here = [];
        const ran = await pool.run({ stage: 1, jobs }, local);
        // Each unit once: here, or by the worker (its result returned).
        expect([...here, ...ran.keys()].sort((a, b) => a - b)).toEqual(jobs.map((j) => j.index));
        for (const [i, r] of ran) expect((r as unknown as { index: number }).index).toBe(i);
        if (behaviour === 'honest') expect(pool.stats.workers).toBeGreaterThan(0);
        else expect(pool.stats.workers).toBe(0);
        // The crash is known when the stage closes (the worker had joined it); the mismatch once its message is read.
        if (behaviour === 'crash-after-claim') expect(pool.stats.lost).toBe(1);
        // A later stage runs here alone.
        here = [];
        const later = await pool.run({ stage: 2, jobs: jobs.slice(0, 5) }, local);
        expect(later.size + here.length).toBe(5);
      } finally {
        await pool.close();
      }
    }, 30_000);
  }
});

