/**
 * Findings a rule collects by their primary place and reports once each: inputs or workloads
 * that share one place (a variable feeding two pools, a guard entry several workloads read)
 * are one finding (RULES.md merges "the same rule, resource and primary location"), and each
 * later one adds its own locations to the first one's related locations.
 */
import { locationKey, sameRange, type Location } from '../core/source.js';
import type { ReportDescriptor } from './types.js';

type Placed<M extends string> = ReportDescriptor<M> & { location: Location; related: Location[] };

/** `M`: the rule's message ids (`Parameters<typeof ctx.report>[0]['messageId']`). */
export class FindingsByPlace<M extends string = string> {
  private readonly byPlace = new Map<string, Placed<M>>();

  /**
   * Keeps the first finding at its place; a later one at that place adds `also` (by default its
   * own related locations) to the first one's related locations, without repeats or the place itself.
   */
  add(d: Placed<M>, also: readonly Location[] = d.related): void {
    const key = locationKey(d.location);
    const met = this.byPlace.get(key);
    if (!met) {
      this.byPlace.set(key, { ...d, related: [...d.related] });
      return;
    }
    for (const l of also) if (!sameRange(l, met.location) && !met.related.some((x) => sameRange(x, l))) met.related.push(l);
  }

  /** Reports the collected findings in the order their places were met, and forgets them. */
  flush(report: (d: ReportDescriptor<M>) => void): void {
    for (const d of this.byPlace.values()) report(d);
    this.byPlace.clear();
  }
}
