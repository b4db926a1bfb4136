/**
 * Temporary source trees for tests that run `lint()` end to end: `tree({ 'main.tf': … })`
 * writes the files under a fresh folder and returns it; `cleanup()` (in `afterAll`) removes
 * every folder made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { lint } from '../../src/api.js';
import type { Finding } from '../../src/engine/types.js';
import { messageStyleProblems } from './rule-tester/house-style.js';

export function tempTrees(prefix: string): { tree(files: Record<string, string>): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    tree(files) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
      }
      return dir;
    },
    cleanup() {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** One finding as tests compare it: rule, level, message ID and `file:line:column` relative to the tree. */
export function brief(dir: string, f: Finding): string {
  const file = path.relative(dir, f.location.file).split(path.sep).join('/');
  return `${f.ruleId} ${f.level} ${f.messageId ?? '-'} ${file}:${f.location.range.start.line}:${f.location.range.start.column}`;
}

/**
 * Lints a tree with only `rules` and no config file; returns the findings of those rules and
 * the "could not decide" records. Every message must follow the house style.
 */
export async function lintTree(dir: string, rules: string[]) {
  const r = await lint({ paths: [dir], root: dir, rules, noConfig: true });
  const findings = r.findings.filter((f) => rules.includes(f.ruleId));
  for (const f of findings) expect(messageStyleProblems(f.message), f.message).toEqual([]);
  return { findings, briefs: findings.map((f) => brief(dir, f)).sort(), undecided: r.undecided };
}
