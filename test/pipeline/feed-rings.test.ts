/**
 * The feeders of a files-only run of manifests, nearest first (src/pipeline/feed-rings.ts), on
 * summaries made by hand: which feeders run, in what order, and when nothing may be left out.
 * (test/pipeline/files-only.test.ts runs the same through the real pipeline.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFeedRings, type FeedRings } from '../../src/pipeline/feed-rings.js';
import type { GpuPoolSummary, ScanSummary } from '../../src/engine/scan.js';

const ROOT = path.join(path.sep, 'repo');
const at = (rel: string): string => path.join(ROOT, rel);

/** A GPU pool declared in `file` (tainted `sku=gpu:NoSchedule`), or an update of one. */
function pool(file: string, updatesOnly = false): GpuPoolSummary {
  const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
  return {
    address: `pool@${file}`,
    header: { file, range },
    name: 'gpu',
    gpuSize: 'Standard_NC24ads_A100_v4',
    taints: [{ key: 'sku', value: 'gpu', effect: 'NoSchedule', text: 'sku=gpu:NoSchedule', at: { file, range } }],
    labels: { knownName: 'gpu', priority: 'Regular', mode: 'User', custom: {} },
    cluster: 'aks',
    ...(updatesOnly ? { updatesOnly: true as const } : {}),
  } as GpuPoolSummary;
}

/** A unit's summary: the AKS files it declares and its GPU pools. */
const summary = (aksFiles: string[], gpuPools: GpuPoolSummary[] = []): ScanSummary => ({ aksFiles, gpuPools });
const EMPTY = summary([]);

/** Runs the rings over feeders given as [reach, summary], recording the order they ran in. */
function rings(manifests: string[], feeders: [reach: string[] | 'anywhere', s: ScanSummary][]): { order: number[]; skipped: number[] } {
  const input: FeedRings = { manifests, reach: new Map(feeders.map(([reach], i) => [i, reach])) };
  const order: number[] = [];
  const out = runFeedRings(input, ROOT, true, (i) => {
    order.push(i);
    return { summary: feeders[i]![1] };
  });
  expect([...out.ran.keys()].sort()).toEqual([...order].sort());
  return { order, skipped: [...out.skipped].sort((a, b) => a - b) };
}

describe('the feeders of a files-only run of manifests, nearest first', () => {
  it('stop at the ring that holds the project with a GPU pool of its own; the other projects are left out', () => {
    const r = rings(
      [at('team-a/k8s/job.yaml')],
      [
        [[at('team-b/infra/main.tf')], summary([at('team-b/infra/main.tf')], [pool(at('team-b/infra/main.tf'))])],
        [[at('team-a/infra/main.tf')], summary([at('team-a/infra/main.tf')], [pool(at('team-a/infra/main.tf'))])],
        [[at('team-a/k8s/kustomize.tf')], EMPTY],
        [[at('.github/workflows/aks.yml'), at('team-b/scripts/pool.sh')], summary([at('team-b/scripts/pool.sh')], [pool(at('team-b/scripts/pool.sh'))])],
      ],
    );
    // Ring 0 (team-a/k8s) runs the unit there, ring 1 (team-a) the pool's: team-a is the project.
    expect(r.order).toEqual([2, 1]);
    expect(r.skipped).toEqual([0, 3]);
  });

  it('a feeder that may read files anywhere (modules through a terraform init manifest) runs in the first ring', () => {
    const r = rings([at('team-a/k8s/job.yaml')], [
      [[at('team-b/main.tf')], EMPTY],
      ['anywhere', EMPTY],
      [[at('team-a/main.tf')], summary([at('team-a/main.tf')], [pool(at('team-a/main.tf'))])],
    ]);
    expect(r.order).toEqual([1, 2]);
    expect(r.skipped).toEqual([0]);
  });

  it('a project without a GPU pool of its own: the others run, in planned order, until one has a GPU pool (the configured taint\'s reason says whether the scan has one)', () => {
    const r = rings([at('team-a/k8s/job.yaml')], [
      [[at('team-b/main.tf')], summary([at('team-b/main.tf')])],
      [[at('team-a/main.tf')], summary([at('team-a/main.tf')])],
      [[at('team-c/main.tf')], summary([at('team-c/main.tf')], [pool(at('team-c/main.tf'))])],
      [[at('team-d/main.tf')], summary([at('team-d/main.tf')], [pool(at('team-d/main.tf'))])],
    ]);
    expect(r.order).toEqual([1, 0, 2]);
    expect(r.skipped).toEqual([3]);
  });

  it('nothing is left out when no project lies below the scan root, or the manifest is at the root', () => {
    const feeders: [string[], ScanSummary][] = [
      [[at('infra/main.tf')], summary([at('infra/main.tf')], [pool(at('infra/main.tf'))])],
      [[at('ops/pool.sh')], summary([at('ops/pool.sh')], [pool(at('ops/pool.sh'))])],
    ];
    expect(rings([at('k8s/job.yaml')], feeders).skipped).toEqual([]);
    expect(rings([at('job.yaml')], feeders).skipped).toEqual([]);
  });

  it('nothing is left out when a pool of the project is an update (a pool declared anywhere in the scan may cancel it)', () => {
    const r = rings([at('team-a/k8s/job.yaml')], [
      [[at('team-a/main.tf'), at('team-a/scale.sh')], summary([at('team-a/main.tf')], [pool(at('team-a/main.tf')), pool(at('team-a/scale.sh'), true)])],
      [[at('team-b/main.tf')], summary([at('team-b/main.tf')], [pool(at('team-b/main.tf'))])],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('nothing is left out when a feeder\'s summary names a file of the scan it was not known to read', () => {
    const r = rings([at('team-a/k8s/job.yaml')], [
      [[at('team-a/main.tf')], summary([at('team-a/main.tf'), at('team-b/linked.json')], [pool(at('team-a/main.tf'))])],
      [[at('team-b/main.tf')], summary([at('team-b/main.tf')], [pool(at('team-b/main.tf'))])],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('several manifests: each one\'s project must be known; the rings grow around each of them', () => {
    const feeders: [string[], ScanSummary][] = [
      [[at('team-a/main.tf')], summary([at('team-a/main.tf')], [pool(at('team-a/main.tf'))])],
      [[at('team-b/main.tf')], summary([at('team-b/main.tf')], [pool(at('team-b/main.tf'))])],
      [[at('team-c/main.tf')], summary([at('team-c/main.tf')], [pool(at('team-c/main.tf'))])],
    ];
    expect(rings([at('team-a/k8s/job.yaml'), at('team-b/deep/k8s/job.yaml')], feeders)).toEqual({ order: [0, 1], skipped: [2] });
    // One of them without a project below the root: every feeder may hold a pool of its view.
    expect(rings([at('team-a/k8s/job.yaml'), at('k8s/job.yaml')], feeders).skipped).toEqual([]);
  });

  it('a manifest already decided widens the rings no more: the others grow around the manifests still undecided only', () => {
    const r = rings([at('org/team-a/k8s/job.yaml'), at('team-b/x/y/k8s/job.yaml')], [
      [[at('org/team-a/main.tf')], summary([at('org/team-a/main.tf')], [pool(at('org/team-a/main.tf'))])],
      [[at('org/team-c/main.tf')], summary([at('org/team-c/main.tf')], [pool(at('org/team-c/main.tf'))])],
      [[at('team-b/main.tf')], summary([at('team-b/main.tf')], [pool(at('team-b/main.tf'))])],
    ]);
    // team-a is decided in the second ring; the third is team-b/x's, not org's (team-c's pool stays out).
    expect(r).toEqual({ order: [0, 2], skipped: [1] });
  });
});
