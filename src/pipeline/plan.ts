/**
 * The units of work of a run (issue 15): each front end's files split by its `units` (one unit
 * for a front end without it), each named by a key — its front end and its first file relative
 * to the root — that `--shard` hashes and the cache is keyed by. Units come in a fixed order
 * (front-end order, then key), so every later step is deterministic.
 */
import type { Host } from '../core/host.js';
import { relativeToRoot } from '../engine/findings.js';
import type { ClassifiedFile, FrontEnd, FrontEndContext, Problem } from '../frontends/types.js';
import { contained } from './unit.js';

export interface PlannedUnit {
  key: string;
  frontEnd: FrontEnd;
  files: ClassifiedFile[];
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
      own.push({ key: `${fe.name}:${first}`, frontEnd: fe, files: g });
    }
    own.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.push(...own);
  }
  return out;
}

/** Drops every text the Host holds (a finished unit's; classification's peeks). */
export function releaseTexts(host: Host): void {
  for (const f of [...host.texts().keys()]) host.forget(f);
}
