/**
 * The rule tester, in the manner of ESLint's RuleTester: `ruleTester('AML001', table)` in
 * test/rules/AML001.test.ts runs every case of the table through the real `lint()` on a
 * temporary tree (discovery, evaluation, variants, levels, fingerprints and suppressions all
 * take part) and compares the rule's findings with the ranges marked `⟦…⟧` in the source.
 *
 * A table that leaves a format of `meta.formats` without a valid and an invalid case, that
 * repeats a case, or that is malformed is refused: the test file fails before any case runs.
 * See types.ts for the shape of a case and run-case.ts for what is compared.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/index.js';
import { checkTable } from './check-table.js';
import { KNOWN_ISSUES, type KnownIssueKind } from './known-issues.js';
import { lint } from '../../../src/api.js';
import { formatSarif } from '../../../src/report/sarif.js';
import { validateSarif } from '../../report/sarif-validate.js';
import { runCase, TODAY } from './run-case.js';
import { caseTree, makeTreeDir, removeTree, writeTree } from './tree.js';
import type { Format, FormatCases, RuleTable } from './types.js';

export type { FormatCases, InvalidCase, RuleTable, ValidCase } from './types.js';

/** Registers the vitest tests of a rule's table (several tables are merged, e.g. converted and hand-written cases). */
export function ruleTester(ruleId: string, ...tables: RuleTable[]): void {
  const rule = ALL_RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`rule tester: ${ruleId} is not registered in rules/index.ts`);
  const table = mergeTables(tables);
  const refused = checkTable(rule, table);
  if (refused.length) throw new Error(`rule tester refuses the table of ${ruleId}:\n  ${refused.join('\n  ')}`);

  const observed = new Set<string>();
  let ran = 0;
  const total = Object.values(table).reduce((n, t) => n + (t.valid?.length ?? 0) + (t.invalid?.length ?? 0), 0);
  describe(ruleId, () => {
    for (const [format, cases] of Object.entries(table) as [Format, FormatCases][]) {
      for (const kind of ['valid', 'invalid'] as const) {
        for (const c of cases[kind] ?? []) {
          it(`${format} ${kind}: ${c.name}`, async () => {
            ran++;
            const run = await runCase({ rule, ruleSet: ALL_RULES, format, kind, case: c });
            for (const o of run.observed) observed.add(o);
            expect(run.problems, run.problems.join('\n')).toEqual([]);
          });
        }
      }
    }
    // What test/report/sarif-fixtures.test.ts checks over the fixture folders, over the table:
    // every case in one tree (`<format>/<kind>/<name>/…`), linted with every rule.
    it('SARIF of all its cases together is schema-valid and deterministic', async () => {
      const files = new Map<string, string>();
      for (const [format, cases] of Object.entries(table) as [Format, FormatCases][])
        for (const kind of ['valid', 'invalid'] as const)
          for (const c of cases[kind] ?? []) for (const [file, text] of caseTree(c).files) files.set(`${format}/${kind}/${c.name}/${file}`, text);
      const dir = makeTreeDir();
      try {
        writeTree(dir, files);
        const sarif = formatSarif(await lint({ paths: [dir], root: dir, noConfig: true, today: TODAY }));
        expect(validateSarif(JSON.parse(sarif))).toEqual([]);
        expect(formatSarif(await lint({ paths: [dir], root: dir, noConfig: true, today: TODAY }))).toBe(sarif);
      } finally {
        removeTree(dir);
      }
    });
    // Runs last (vitest runs a file's tests in order): only meaningful when every case ran.
    it('known issues listed for it still occur', () => {
      if (ran < total) return; // a filtered run (-t) cannot tell
      const stale: string[] = [];
      for (const kind of Object.keys(KNOWN_ISSUES) as KnownIssueKind[])
        for (const key of Object.keys(KNOWN_ISSUES[kind]))
          if ((key === ruleId || key.startsWith(`${ruleId} `)) && !observed.has(`${kind}:${key}`))
            stale.push(`${kind}: ${key} no longer occurs; remove it from test/support/rule-tester/known-issues.ts`);
      expect(stale).toEqual([]);
    });
  });
}

function mergeTables(tables: RuleTable[]): RuleTable {
  const out: RuleTable = {};
  for (const t of tables)
    for (const [format, cases] of Object.entries(t) as [Format, FormatCases][]) {
      const into = (out[format] ??= { valid: [], invalid: [] });
      into.valid!.push(...(cases.valid ?? []));
      into.invalid!.push(...(cases.invalid ?? []));
    }
  return out;
}
