/**
 * The units of work of a run (issue 15): each front end's files split by its `units` (one unit
 * for a front end without it), each named by a key — its front end and its first file relative
 * to the root — that `--shard` hashes and the cache is keyed by. Units come in a fixed order
 * (front-end order, then key), so every later step is deterministic.
 */
import type { Host } from '../core/host.js';
import { relativeToRoot } from '../engine/findings.js';
import type { ClassifiedFile, FrontEnd, FrontEndContext, Problem } from '../frontends/types.js';
import { contained, type UnitPart } from './unit.js';

export interface PlannedUnit {
  key: string;
  /** The front end of its files (the first part's, for the run as one unit). */
  frontEnd: FrontEnd;
  files: ClassifiedFile[];
  /** Its files by front end: one part, or every front end's for the run as one unit. */
  parts: UnitPart[];
  /**
   * Its rules read the whole scan's view though its front end's other units do not
   * (`FrontEnd.readsScan`: a Terraform unit that declares Kubernetes workloads): it runs late.
   */
  readsScan?: true;
  /**
   * A files-only run keeps it only for what later units read of it — its scan summary, the files
   * it evaluates in its commands' context (`unitsForFiles`): it holds no given file, so every
   * finding it makes is filtered from the report. It runs summary-only (`UnitInput.summaryOnly`).
   */
  feedsOnly?: true;
  /**
   * A feeder's reach, when every unit a files-only run reports on runs last (Kubernetes
   * manifests): the files it evaluates — its own and those it evaluates besides
   * (`FrontEnd.evaluatesOthers`) — where whatever its summary adds lies, or 'anywhere'. The run
   * then runs its feeders nearest the manifests first (feed-rings.ts).
   */
  reach?: readonly string[] | 'anywhere';
}

export function planUnits(
  frontEnds: readonly FrontEnd[],
  byFrontEnd: ReadonlyMap<FrontEnd, ClassifiedFile[]>,
  ctx: FrontEndContext,
  root: string,
  problems: Problem[],
): PlannedUnit[] {
  const out: PlannedUnit[] = [];
  for (const fe of frontEnds) {
    const files = byFrontEnd.get(fe) ?? [];
    if (files.length === 0) continue;
    // A front end whose split fails is one unit (as before units existed), with its EVAL001.
    const groups = (fe.units ? contained(fe, files, problems, () => fe.units!(files, ctx)) : undefined) ?? [[...files]];
    const own: PlannedUnit[] = [];
    for (const g of groups) {
      if (g.length === 0) continue;
      const first = g.map((f) => relativeToRoot(root, f.path)).sort()[0]!;
      const unit: PlannedUnit = { key: `${fe.name}:${first}`, frontEnd: fe, files: g, parts: [{ frontEnd: fe, files: g }] };
      if (fe.stage === undefined && fe.readsScan?.(g, ctx)) unit.readsScan = true;
      own.push(unit);
    }
    own.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.push(...own);
  }
  return out;
}

/**
 * The units a files-only run (the pre-commit case, `LintOptions.onlyFiles`) must run to report
 * the given files' findings exactly as a run over their folders would: units are independent
 * (FrontEnd.units), so only these can place a finding in a given file or change one there —
 * - a unit holding a given file, or evaluating one that another unit holds (`evaluatesOthers`:
 *   a `.bicep` unit applies the JSON parameter files of its compiled twin or stand-in), or
 *   that may read a given data file (`readsGivenData`: `yamldecode(file("pools.yaml"))`);
 * - for a given Azure ML YAML file, every first-stage unit (CI: its `az ml … --file` commands
 *   evaluate such files in their own context, place findings in them, and the files' own units
 *   then drop theirs; azure-cli-files.ts); the walk holds those that may run it wherever they
 *   are written (azureml-commands.ts);
 * - for a given `.tf` file, every Terraform plan unit (a plan's findings are placed in the
 *   `.tf` files it maps to);
 * - when a kept unit reads the whole scan's view (Kubernetes: its rules read the GPU node pools
 *   of the whole scan; it runs late or last), every unit of an earlier stage whose summary may
 *   add to that view (`feedsLastStage`, given the unit and the files it evaluates besides its
 *   own: one that may declare an AKS cluster or node pool).
 * The rest of the folders' units (other modules, examples, templates) are left out: their
 * findings would be filtered away. A unit kept for the last reason only is marked `feedsOnly`
 * (its summary is all the run needs of it). Keeps the planned order. When the kept units that
 * hold given files all run last (Kubernetes manifests), each feeder gets its `reach` (`reachOf`).
 */
export function unitsForFiles(
  units: readonly PlannedUnit[],
  given: ReadonlySet<string>,
  evaluatesOthers: (u: PlannedUnit) => readonly string[] = () => [],
  feedsLastStage: (u: PlannedUnit, others: readonly string[]) => boolean = () => true,
  readsGivenData: (u: PlannedUnit) => boolean = () => false,
  reachOf?: (u: PlannedUnit, others: readonly string[]) => readonly string[] | 'anywhere',
): PlannedUnit[] {
  const givenFiles = units.flatMap((u) => u.files.filter((f) => given.has(f.path)));
  // Asked up to three times a unit (the last stage, the filter, feedsLastStage): made once.
  const othersOf = new Map<PlannedUnit, readonly string[]>();
  const others = (u: PlannedUnit): readonly string[] => {
    let o = othersOf.get(u);
    if (o === undefined) othersOf.set(u, (o = evaluatesOthers(u)));
    return o;
  };
  const holdsGiven = (u: PlannedUnit): boolean => u.files.some((f) => given.has(f.path)) || others(u).some((f) => given.has(f)) || readsGivenData(u);
  // The latest stage of a kept unit that reads the whole scan: the units before it feed its view
  // (and, for a late unit, the other late units: each reads the others' summaries).
  const readsScanUpTo = Math.max(-1, ...units.filter((u) => stageRank(u) >= LATE && holdsGiven(u)).map(stageRank));
  const firstStage = givenFiles.some((f) => f.kind === 'azureml-yaml');
  const plans = givenFiles.some((f) => f.kind === 'terraform');
  const reported = (u: PlannedUnit): boolean => holdsGiven(u) || (firstStage && stageRank(u) === 0) || (plans && u.frontEnd.name === 'terraform-plan');
  const feeds = (u: PlannedUnit): boolean => (stageRank(u) < readsScanUpTo || (stageRank(u) === LATE && readsScanUpTo === LATE)) && feedsLastStage(u, others(u));
  const kept: PlannedUnit[] = [];
  const feeders: [kept: PlannedUnit, planned: PlannedUnit][] = [];
  for (const u of units) {
    if (reported(u)) kept.push(u);
    else if (feeds(u)) {
      const feeder: PlannedUnit = { ...u, feedsOnly: true };
      kept.push(feeder);
      feeders.push([feeder, u]);
    }
  }
  // Only the units of given manifests read the scan: their feeders may run nearest them first.
  if (reachOf && feeders.length > 0 && kept.every((u) => u.feedsOnly === true || stageRank(u) === LAST)) for (const [feeder, u] of feeders) feeder.reach = reachOf(u, others(u));
  return kept;
}

/**
 * The whole run as one unit (every front end's files, one part each): for
 * `policies.fromScannedCode`, whose definitions come from every graph before any rule runs.
 */
export function wholeRunUnit(frontEnds: readonly FrontEnd[], byFrontEnd: ReadonlyMap<FrontEnd, ClassifiedFile[]>): PlannedUnit {
  const parts = frontEnds.map((fe) => ({ frontEnd: fe, files: byFrontEnd.get(fe) ?? [] })).filter((p) => p.files.length > 0);
  return { key: 'run:*', frontEnd: parts[0]?.frontEnd ?? frontEnds[0]!, files: parts.flatMap((p) => p.files), parts };
}

/**
 * When a unit runs: 0 first (`FrontEnd.stage` 'first'), 1 between, 3 late (`readsScan`: its view
 * is the earlier stages' summaries, its own and every other late unit's), 4 last ('last': the view
 * of every earlier stage, late units' included). The run as one unit is 1. Stage 2 is no unit's
 * rank: when several units are late, it is their first pass, which only gives each one's summary
 * to the others' view (run-units.ts).
 */
export type Stage = 0 | 1 | 2 | 3 | 4;
export const LATE_FIRST_PASS = 2;
export const LATE = 3;
export const LAST = 4;
export function stageRank(u: PlannedUnit): Stage {
  if (u.parts.length !== 1) return 1;
  const stage = u.frontEnd.stage;
  return stage === 'first' ? 0 : stage === 'last' ? LAST : u.readsScan ? LATE : 1;
}

/** Drops every text the Host holds (a finished unit's; classification's peeks). */
export function releaseTexts(host: Host): void {
  for (const f of [...host.texts().keys()]) host.forget(f);
}
