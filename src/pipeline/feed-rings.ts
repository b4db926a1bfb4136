/**
 * A files-only run of Kubernetes manifests (the pre-commit case of a commit that stages
 * manifests): the feeder units, nearest first.
 *
 * K8S001/K8S002 judge a manifest against the GPU pools of its nearest project (src/engine/scan.ts
 * `nearestProject`): the first folder above it that holds an AKS cluster or pool of the scan. So
 * `unitsForFiles` keeps, as feeders, every unit of the repository that may declare one — in a
 * repository of several projects (the corpus copied 4×: 184 feeders, 11 s for one staged
 * manifest) most of them other projects' units, which cannot change the manifest's findings once
 * its own project is known. Here the feeders run in rings: first those with a file in the
 * manifest's folder, then in its parent's, and so on up to the scan root. After each ring,
 * `decidedWithin` says whether the summaries so far decide each manifest's answers: its project
 * is within the ring and has a GPU pool of its own — then the feeders not yet run are left out —
 * or has none, and the others run one at a time only until one has a GPU pool (the configured
 * taint's reason says whether the scan has one). Otherwise (no project below the root, a pool of
 * the project that only updates one) every feeder runs, as before.
 *
 * What a feeder may add lies in the files it evaluates (`FeedRings.reach`: its own, those it
 * evaluates besides, or anywhere for one that reads modules through a `terraform init` manifest
 * or from a folder the run does not scan). Each feeder run is checked against that: a summary
 * naming a file of the scan outside its reach means the assumption does not hold for this tree,
 * and every feeder runs.
 */
import path from 'node:path';
import { isWithin } from '../core/paths.js';
import { decidedWithin, declaresGpuPool, summaryFiles, type ScanSummary } from '../engine/scan.js';

/** What a files-only run of manifests knows of its feeders before running them (api.ts `feedRingsOf`). */
export interface FeedRings {
  /** The given manifests whose Kubernetes findings read the scan's pools. */
  manifests: readonly string[];
  /** Per feeder (its index in the run's units): the files it evaluates, or 'anywhere'. */
  reach: ReadonlyMap<number, readonly string[] | 'anywhere'>;
}

export interface RingOutcome<R> {
  /** The feeders run here, by index (their results stand for their runs in the stages). */
  ran: Map<number, R>;
  /** The feeders left out: nothing they could add changes a given manifest's findings. */
  skipped: Set<number>;
}

/**
 * Runs the feeders ring by ring through `runOne` (in planned order within a ring) until every
 * manifest's project is known (`decidedWithin`); then, when a project without a GPU pool of its
 * own needs to know whether the scan has one anywhere, the others one at a time until one does.
 * The feeders not run then are left out. When a manifest's project is not known by the scan
 * root, nothing is left out (the stages run the feeders not run here).
 */
export function runFeedRings<R extends { summary: ScanSummary }>(rings: FeedRings, root: string, inRepository: boolean, runOne: (index: number) => R): RingOutcome<R> {
  const ran = new Map<number, R>();
  const none = (): RingOutcome<R> => ({ ran, skipped: new Set() });
  const chains = rings.manifests.map((m) => foldersUpTo(path.dirname(m), root));
  if (chains.some((c) => c === undefined)) return none();
  const pending = [...rings.reach.keys()].sort((a, b) => a - b);
  // Per feeder: the folders that hold a file of its reach (a ring's folder holds one when it is
  // among them), and the files themselves (the check of its summary).
  const reachOf = new Map<number, { folders: Set<string>; files: Set<string> } | 'anywhere'>();
  for (const [i, reach] of rings.reach) reachOf.set(i, reach === 'anywhere' ? reach : { folders: foldersHolding(reach, root), files: new Set(reach) });
  const summaries = (): ScanSummary[] => [...ran].sort((a, b) => a[0] - b[0]).map(([, r]) => r.summary);
  /** Runs a feeder; false when its summary names a file of the scan it was not known to read (reaches are not what this assumes). */
  const runAt = (j: number): boolean => {
    const i = pending.splice(j, 1)[0]!;
    const reach = reachOf.get(i)!;
    const r = runOne(i);
    ran.set(i, r);
    return reach === 'anywhere' || !summaryFiles(r.summary).some((f) => isWithin(root, f) && !reach.files.has(f));
  };
  const status = rings.manifests.map((): 'decided' | 'any-pool' | 'undecided' => 'undecided');
  for (let k = 0; status.includes('undecided'); k++) {
    // A manifest past the root with its project not known: every feeder may hold a pool of its view.
    if (status.some((st, n) => st === 'undecided' && k >= chains[n]!.length)) return none();
    // (Only around the manifests still undecided: a decided one's next folder may hold the whole tree.)
    const folders = [...new Set(chains.filter((_, n) => status[n] === 'undecided').map((c) => c![k]!))];
    for (let j = 0; j < pending.length; ) {
      const reach = reachOf.get(pending[j]!)!;
      if (reach === 'anywhere' || folders.some((d) => reach.folders.has(d))) {
        if (!runAt(j)) return none();
      } else j++;
    }
    const decide = decidedWithin(summaries(), root, inRepository);
    rings.manifests.forEach((m, n) => {
      if (k < chains[n]!.length && status[n] === 'undecided') status[n] = decide(m, chains[n]![k]!);
    });
  }
  // A project without a GPU pool of its own: the configured taint's reason says whether the scan has one.
  if (status.includes('any-pool')) {
    while (!declaresGpuPool(summaries())) {
      if (pending.length === 0) return none();
      if (!runAt(0)) return none();
    }
  }
  return { ran, skipped: new Set(pending) };
}

/** The folders below the scan root that hold one of `files` (each file's folder and those above it). */
function foldersHolding(files: readonly string[], root: string): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (let d = path.dirname(f); d !== root && !out.has(d); d = path.dirname(d)) {
      if (path.dirname(d) === d) break;
      out.add(d);
    }
  }
  return out;
}

/** `dir` and each folder above it, up to the scan root (not included); undefined when `dir` is not below the root. */
function foldersUpTo(dir: string, root: string): string[] | undefined {
  const out: string[] = [];
  for (let d = dir; d !== root; d = path.dirname(d)) {
    if (!isWithin(root, d) || path.dirname(d) === d) return undefined;
    out.push(d);
  }
  return out;
}
