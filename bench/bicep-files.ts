/**
 * Issue #7 budget: parsing and evaluating each corpus .bicep/.bicepparam file takes linear
 * time in its size — no file slower than 20 ms per 1,000 lines. For each file: parse it and
 * evaluate it as a unit (its local modules are read and evaluated too, so their lines count
 * with it); best of 3 runs, warm. Bundled and run by bench/run.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseBicep, parseBicepParam } from '../src/parse/bicep/index.js';
import { evaluateBicep } from '../src/eval/bicep/project.js';
import { createHost } from '../src/core/host.js';

export function benchBicep(corpus: string): { files: number; totalMs: number; worst: { file: string; ms: number; lines: number; per1k: number }[]; over: number } {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(bicep|bicepparam)$/.test(e.name)) files.push(p);
    }
  };
  walk(corpus);
  files.sort();
  const texts = new Map<string, string>();
  const read = (f: string): string | undefined => {
    if (!texts.has(f)) {
      try {
        texts.set(f, fs.readFileSync(f, 'utf8'));
      } catch {
        return undefined;
      }
    }
    return texts.get(f);
  };
  for (const f of files) read(f);
  // Module files and `load*()` targets are read by the evaluator through the Host.
  const host = createHost(corpus);
  const once = (file: string): { ms: number; lines: number } => {
    const touched = new Set<string>();
    // Parse each file once per evaluation, as lint() does (its parse cache).
    const parsed = new Map<string, ReturnType<typeof parseBicep> | undefined>();
    const parsedParams = new Map<string, ReturnType<typeof parseBicepParam> | undefined>();
    const t0 = performance.now();
    const readText = (f: string): string | undefined => {
      touched.add(f);
      return read(f);
    };
    const isParam = file.endsWith('.bicepparam');
    evaluateBicep({
      host: {
        ...host,
        readText: (f) => {
          touched.add(f);
          return host.readText(f);
        },
      },
      bicepFiles: isParam ? [] : [file],
      paramFiles: isParam ? [file] : [],
      parse: (f) => {
        if (!parsed.has(f)) {
          const t = readText(f);
          parsed.set(f, t === undefined ? undefined : parseBicep(t, f));
        }
        return parsed.get(f);
      },
      parseParams: (f) => {
        if (!parsedParams.has(f)) {
          const t = readText(f);
          parsedParams.set(f, t === undefined ? undefined : parseBicepParam(t, f));
        }
        return parsedParams.get(f);
      },
    });
    const ms = performance.now() - t0;
    let lines = 0;
    for (const f of new Set([file, ...touched])) lines += (texts.get(f) ?? host.texts().get(f) ?? '').split('\n').length;
    return { ms, lines };
  };
  for (const f of files.slice(0, 30)) once(f); // warm-up
  let totalMs = 0;
  const rows = files.map((f) => {
    const runs = [once(f), once(f), once(f)];
    const best = Math.min(...runs.map((r) => r.ms));
    totalMs += best;
    const lines = runs[0]!.lines;
    return { file: path.relative(corpus, f), ms: best, lines, per1k: (best / Math.max(lines, 1)) * 1000 };
  });
  rows.sort((a, b) => b.per1k - a.per1k);
  // Per-1,000-line rates of tiny files are dominated by constant costs: judge files of 100+ lines.
  const over = rows.filter((r) => r.lines >= 100 && r.per1k > 20).length;
  return { files: files.length, totalMs, worst: rows.filter((r) => r.lines >= 100).slice(0, 5), over };
}
