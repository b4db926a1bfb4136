/**
 * Every rule of the registry against the RULES.md catalog (the contract): same IDs, names
 * and levels; complete metadata; a doc beside the module with a fix for each format.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import type { EnvLevels, Level } from '../../src/engine/types.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { PENDING_RULES } from './pending-rules.js';

const RULES_MD = path.resolve(REPO_ROOT, '../shared/RULES.md');
const present = fs.existsSync(RULES_MD);
if (!present) console.warn('!!! ../shared/RULES.md is absent: the catalog comparison is SKIPPED');

/** The rows of the RULES.md table: ID, name, level column. */
function catalog(): Map<string, { name: string; level: Level | EnvLevels }> {
  const rows = new Map<string, { name: string; level: Level | EnvLevels }>();
  for (const line of fs.readFileSync(RULES_MD, 'utf8').split('\n')) {
    const m = /^\| ([A-Z][A-Z0-9]*?\d{3}) \| ([a-z0-9-]+) \| .* \| ([^|]+) \|$/.exec(line);
    if (!m) continue;
    const levelText = m[3]!.trim();
    let level: Level | EnvLevels;
    if (levelText.startsWith('env-aware')) {
      const pick = (env: string): EnvLevels['prod'] => {
        const x = new RegExp(`${env}:? (error|warning|note|no finding)`).exec(levelText)?.[1];
        return x === 'no finding' ? 'off' : (x as Level);
      };
      level = { prod: pick('prod'), unknown: pick('unknown'), nonprod: pick('nonprod') };
    } else level = levelText.split(' ')[0] as Level; // "warning (azurerm: note)" → warning
    rows.set(m[1]!, { name: m[2]!, level });
  }
  return rows;
}

const ARM_FORMATS = ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'];

describe.skipIf(!present)('rule catalog', () => {
  const rows = present ? catalog() : new Map();

  it('implements every rule of RULES.md, and nothing else but the engine rules', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    const missing = [...rows.keys()].filter((id) => !ids.includes(id)).sort();
    // A row may be missing only when it is listed as pending; a pending rule that exists must leave the list.
    expect(missing).toEqual(Object.keys(PENDING_RULES).sort());
    for (const id of Object.keys(PENDING_RULES)) expect(rows.has(id), `${id} is pending but not a row of RULES.md`).toBe(true);
    expect(ids.filter((id) => !rows.has(id)).sort()).toEqual(['EVAL001', 'EVAL002', 'PARSE001', 'SUP001', 'SUP002']);
  });

  for (const rule of ALL_RULES) {
    const m = rule.meta;
    it(`${m.id}: name, level, metadata and doc`, () => {
      const row = rows.get(m.id);
      if (row) {
        expect(m.name).toBe(row.name);
        expect(m.level).toEqual(row.level);
      }
      expect(m.shortDescription.length).toBeGreaterThan(10);
      expect(m.fullDescription.length).toBeGreaterThan(60);
      expect(m.help.length).toBeGreaterThan(20);
      if (m.tags.includes('security')) expect(m.securitySeverity).toBeGreaterThan(0);
      // Resource rules cover every declarative format, and az commands unless they read declared inputs (GPU002).
      if (row && m.formats.includes('arm')) expect(m.formats.filter((f) => f !== 'azure-cli')).toEqual(expect.arrayContaining(ARM_FORMATS));
      expect(m.docPath).toMatch(new RegExp(`^rules/[a-z][a-z0-9]*/${m.id}-${m.name}\\.md$`));
      const doc = fs.readFileSync(path.join(REPO_ROOT, m.docPath!), 'utf8');
      expect(doc).toMatch(new RegExp(`^# ${m.id}`, 'm'));
      if (row && m.formats.includes('arm')) for (const h of ['Terraform (azurerm)', 'azapi', 'ARM', 'Bicep']) expect(doc, `${m.id} doc: ${h}`).toContain(h);
      if (row) expect(doc).toContain('References');
    });
  }
});
