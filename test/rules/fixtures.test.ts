/**
 * Runs every rule fixture: bad cases must produce exactly the expected findings (rule,
 * file, line, column), good cases none. See test/support/fixtures.ts for the layout.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ALL_RULES } from '../../rules/index.js';
import { fixtureCases, legacyRuleOptions, loadRule } from '../support/fixtures.js';

const cases = fixtureCases();

describe('rule fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`${c.ruleId} ${c.format} ${c.kind}/${c.name}`, async () => {
      const rule = await loadRule(c.ruleId);
      expect(rule, `rule module for ${c.ruleId}`).toBeDefined();
      const ruleSet = ALL_RULES.some((r) => r.meta.id === c.ruleId) ? ALL_RULES : [...ALL_RULES, rule!];
      const result = await lint({
        paths: [c.dir],
        root: c.dir,
        rules: [c.ruleId, ...(c.options.rules ?? [])],
        ruleSet,
        env: c.options.env,
        varFiles: c.options.varFiles?.map((f) => path.join(c.dir, f)),
        ruleOptions: legacyRuleOptions(c.options.ruleOptions),
      });
      const got = result.findings
        .filter((f) => f.ruleId === c.ruleId && !f.suppression)
        .map((f) => ({
          file: path.relative(c.dir, f.location.file).split(path.sep).join('/'),
          line: f.location.range.start.line,
          column: f.location.range.start.column,
          endLine: f.location.range.end.line,
          endColumn: f.location.range.end.column,
          level: f.level,
        }));
      if (c.kind === 'good') {
        expect(got).toEqual([]);
        return;
      }
      expect(c.expected.length, 'a bad case must expect at least one finding').toBeGreaterThan(0);
      // Compare only the fields the expectation states.
      const shaped = got.map((g, i) => {
        const e = c.expected[i] ?? c.expected[0]!;
        return Object.fromEntries(Object.keys(e).map((k) => [k, g[k as keyof typeof g]]));
      });
      expect(shaped).toEqual(c.expected);
    });
  }
});

