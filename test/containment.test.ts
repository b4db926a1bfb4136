/**
 * Containment (issue "Never crash, never hang, never pass silently", item 1): a front end or
 * a rule that throws costs only its own files or decision; the rest of the report is there,
 * with the failure as an EVAL001 notification (a SARIF toolExecutionNotification).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/api.js';
import { FRONT_ENDS } from '../src/frontends/index.js';
import type { FrontEnd } from '../src/frontends/types.js';
import { ALL_RULES } from '../rules/index.js';
import { defineRule } from '../src/engine/define-rule.js';
import { registerRules } from '../src/engine/define-rule.js';
import { formatResult } from '../src/report/index.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-contain-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FILES = {
  'main.tf': 'resource "azurerm_container_registry" "acr" {\n  name          = "acr"\n  admin_enabled = true\n}\n',
  'odd.boom': 'anything\n',
};

/** A front end with a bug: it claims `.boom` files and throws while evaluating them. */
const THROWING: FrontEnd = {
  name: 'boom',
  family: 'terraform',
  byName: (f) => (f.endsWith('.boom') ? 'other' : undefined),
  run() {
    throw new TypeError("Cannot read properties of undefined (reading 'range')");
  },
};

describe('containment', () => {
  it('a throwing evaluator: the other files are still reported, the failure is an EVAL001 at its file', async () => {
    const dir = tree(FILES);
    const r = await lint({ paths: [dir], root: dir, noConfig: true, frontEnds: [THROWING, ...FRONT_ENDS] });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
    const failure = r.findings.find((f) => f.ruleId === 'EVAL001');
    expect(failure?.location.file).toBe(path.join(dir, 'odd.boom'));
    expect(failure?.message).toMatch(/Internal error while evaluating the boom files \(TypeError: Cannot read properties/);
    const sarif = JSON.parse(formatResult(r, 'sarif', { color: false, cwd: dir }));
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.some((n: { message: { text: string } }) => /Internal error/.test(n.message.text))).toBe(true);
  });

  it('a throwing rule: the other rules still report, the failure is an EVAL001 at the resource', async () => {
    const dir = tree({ 'main.tf': FILES['main.tf'] });
    const [broken] = registerRules({
      core: [
        defineRule({
          meta: { id: 'ZZZ999', name: 'broken', shortDescription: 'x', fullDescription: 'x', help: 'x', level: 'error', tags: [], messages: {} },
          create: () => ({
            acr() {
              throw new RangeError('toFixed() digits argument must be between 0 and 100');
            },
          }),
        }),
      ],
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, ruleSet: [...ALL_RULES, broken!] });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toHaveLength(1);
    const failure = r.findings.find((f) => f.ruleId === 'EVAL001');
    expect(failure?.message).toMatch(/Internal error in rule ZZZ999 \(RangeError/);
    expect(failure?.location.range.start.line).toBe(1);
  });
});
