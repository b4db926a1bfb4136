/**
 * The file tree of a case: its files (marker-free) and the ranges its markers delimit, and
 * writing it to a fresh temporary folder for `lint()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineMap } from '../../../src/core/source.js';
import { REPO_ROOT } from '../fixtures.js';
import { stripMarkers } from './markers.js';
import type { InvalidCase, Position, ValidCase } from './types.js';


/** The config file a case's `config` is written to. */
export const CONFIG_FILE = '.mlops-iac-lint.json';

/** An expected range, 1-based, end exclusive, with the offsets for ordering. */
export interface MarkedRange extends Position {
  start: number;
  end: number;
}

export interface CaseTree {
  /** Path (relative, `/`-separated) → text, sorted by path. */
  files: Map<string, string>;
  /** The marked ranges, in the order `errors` lists them: by file, then by opening marker. */
  ranges: MarkedRange[];
}

/** The tree of a case; throws with a clear message on malformed markers or a missing fixture. */
export function caseTree(c: ValidCase | InvalidCase): CaseTree {
  const raw = c.fixture !== undefined ? readFixture(c.fixture) : Object.entries(c.files ?? {}).map(([p, t]) => [p, t.startsWith('\n') ? t.slice(1) : t] as const);
  const files = new Map<string, string>();
  const ranges: MarkedRange[] = [];
  for (const [file, marked] of [...raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let stripped;
    try {
      stripped = stripMarkers(marked);
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    files.set(file, stripped.text);
    const lines = new LineMap(stripped.text);
    for (const r of stripped.ranges) {
      const s = lines.position(r.start);
      const e = lines.position(r.end);
      ranges.push({ file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, start: r.start, end: r.end });
    }
  }
  return { files, ranges };
}

function readFixture(rel: string): [string, string][] {
  const dir = path.resolve(REPO_ROOT, rel);
  if (!dir.startsWith(REPO_ROOT + path.sep) || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new Error(`fixture ${rel} is not a folder of the repository`);
  const out: [string, string][] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out.push([path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}

/** A new, empty folder under the system temp folder. */
export function makeTreeDir(): string {
  // No environment word (test, dev, prod, …) in the name: a path can set the environment class.
  return fs.mkdtempSync(path.join(os.tmpdir(), 'iac-lint-case-'));
}

/**
 * Writes `files` (and the config file) into `dir`, replacing what is there. `shift` prepends
 * an empty line to every file (except scripts with a `#!` line), to see that fingerprints do
 * not depend on line numbers.
 */
export function writeTree(dir: string, files: ReadonlyMap<string, string>, config?: Record<string, unknown>, shift = false): void {
  for (const [rel, text] of files) {
    if (path.isAbsolute(rel) || rel.split('/').includes('..')) throw new Error(`file path ${rel} leaves the tree`);
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    // A shebang line and a zip (a binary Terraform plan, TF004) must stay first: they do not move down.
    fs.writeFileSync(p, shift && !text.startsWith('#!') && !text.startsWith('PK\u0003\u0004') ? `\n${text}` : text);
  }
  if (config) fs.writeFileSync(path.join(dir, CONFIG_FILE), JSON.stringify(config, null, 2));
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
