/**
 * Phase 2's input (issue 15): the results of every unit merged into one, the same whichever
 * way the units ran (in order, from the cache, on other threads, on other machines for the
 * union of `--shard`s). A finding two units both made (a module folder read by both) is one
 * finding, as within a unit (`runRules`: same rule, place and attribute; variants joined).
 */
import type { ReadProblem } from '../core/host.js';
import type { Finding, Undecided } from '../engine/types.js';
import { keepStableFingerprint, outranks } from '../engine/levels.js';
import { joinReaders } from '../engine/facts.js';
import type { SuppressionDirective, SuppressionProblem } from '../engine/suppressions.js';
import type { Problem } from '../frontends/types.js';
import type { UnitResult } from './unit.js';

export class UnitMerger {
  private readonly byKey = new Map<string, Finding>();
  private readonly seen = new Set<string>();
  readonly problems: Problem[] = [];
  readonly undecided: Undecided[] = [];
  readonly directives: SuppressionDirective[] = [];
  readonly supProblems: SuppressionProblem[] = [];
  readonly readProblems: ReadProblem[] = [];
  readonly skipped: { file: string; reason: string }[] = [];
  /** The units' lines for the run's notices (`UnitResult.notices`), each once. */
  readonly notices: string[] = [];
  readonly evidence = new Map<string, string>();
  /** Code-frame lines by file, by line number. */
  readonly frames = new Map<string, Map<number, string>>();

  /** Evidence and code-frame lines of places outside every unit (a policy file's PARSE001). */
  addPlaces(r: Pick<UnitResult, 'evidence' | 'frames'>): void {
    for (const [k, v] of Object.entries(r.evidence)) this.evidence.set(k, v);
    for (const [file, lines] of Object.entries(r.frames)) {
      let m = this.frames.get(file);
      if (!m) this.frames.set(file, (m = new Map()));
      for (const [n, t] of lines) m.set(n, t);
    }
  }

  add(r: UnitResult): void {
    for (const f of r.findings) this.addFinding(f);
    for (const p of r.problems) if (this.first('p', p.ruleId, p.location.file, p.location.range.start.offset, p.location.range.end.offset, p.message)) this.problems.push(p);
    for (const u of r.undecided) if (this.first('u', u.ruleId, u.address, u.attribute, u.location.file, u.location.range.start.offset)) this.undecided.push(u);
    for (const d of r.directives) if (this.first('d', d.file, d.location.range.start.offset, d.source, d.ruleIds.join(','))) this.directives.push(d);
    for (const p of r.supProblems) if (this.first('s', p.ruleId, p.location.file, p.location.range.start.offset, p.key)) this.supProblems.push(p);
    for (const p of r.readProblems) if (this.first('r', p.file, p.kind)) this.readProblems.push(p);
    for (const s of r.skipped) if (this.first('k', s.file, s.reason)) this.skipped.push(s);
    for (const n of r.notices ?? []) if (this.first('n', n)) this.notices.push(n);
    this.addPlaces(r);
  }

  /** The merged findings (each unit's own order kept; reporting sorts). */
  findings(): Finding[] {
    const out = [...this.byKey.values()];
    for (const f of out) f.variants.sort();
    return out;
  }

  /** As within a unit (`runRules`): one key, variants joined, the more severe kept, the readers of a value joined. */
  private addFinding(f: Finding): void {
    const key = f.mergeKey ?? [f.ruleId, f.location.file, f.location.range.start.offset, f.location.range.end.offset, f.attributePath ?? ''].join('|');
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, f);
      return;
    }
    const variants = [...new Set([...existing.variants, ...f.variants])];
    // A finding some unit made at the value itself (no readers) is covered where the value is.
    const consumers = joinReaders(existing.consumers, f.consumers);
    const kept = outranks(f, existing) ? f : existing;
    keepStableFingerprint(kept, kept === f ? existing : f);
    kept.variants = variants;
    if (consumers) kept.consumers = consumers;
    else delete kept.consumers;
    this.byKey.set(key, kept);
  }

  private first(...parts: (string | number)[]): boolean {
    const key = parts.join('\u0000');
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
