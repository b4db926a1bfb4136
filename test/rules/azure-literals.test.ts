/**
 * Issue 10 item 5: Azure facts live in `src/model/` (one table each, with its source), never
 * in a rule. A rule module that writes a `Microsoft.` type, an `azurerm_` type or a
 * `Standard_` size in a string, template or regex literal fails here; comments may name them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';

const AZURE_LITERAL = /Microsoft\.|azurerm_|Standard_/;

/**
 * Rule modules not moved to the rule contract yet (issue 10), by path under `rules/`. A listed
 * module must still contain such a literal: remove it from this list once it no longer does.
 */
const PENDING: Record<string, string> = {};

/** The string, template and regex literals of a TypeScript module that name an Azure fact. */
export function azureLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      // A regex names the fact with escapes (`Microsoft\.KeyVault`): compare it unescaped.
      const text = ts.isRegularExpressionLiteral(node) ? node.text.replace(/\\(.)/g, '$1') : node.text;
      if (AZURE_LITERAL.test(text)) out.push(node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function ruleModules(): string[] {
  const dir = path.join(REPO_ROOT, 'rules');
  const out: string[] = [];
  for (const cat of fs.readdirSync(dir).sort()) {
    const catDir = path.join(dir, cat);
    if (!fs.statSync(catDir).isDirectory()) continue;
    for (const f of fs.readdirSync(catDir).sort()) if (f.endsWith('.ts')) out.push(`${cat}/${f}`);
  }
  return out;
}

describe('Azure facts stay out of rules/', () => {
  it('finds the literals it looks for (and not comments)', () => {
    const text = [
      "// azurerm_key_vault in a comment is fine",
      "const a = 'azurerm_key_vault';",
      'const b = `${x} Standard_D4s_v5`;',
      'const c = /^Microsoft\\.KeyVault\\//i;',
      "const d = 'fine';",
    ].join('\n');
    expect(azureLiterals('x.ts', text)).toEqual(["'azurerm_key_vault'", '} Standard_D4s_v5`', '/^Microsoft\\.KeyVault\\//i']);
  });

  for (const rel of ruleModules()) {
    it(rel, () => {
      const found = azureLiterals(rel, fs.readFileSync(path.join(REPO_ROOT, 'rules', rel), 'utf8'));
      if (PENDING[rel] !== undefined) expect(found.length, `${rel} is clean now: remove it from PENDING`).toBeGreaterThan(0);
      else expect(found, `${rel} writes Azure facts; move them to a table in src/model/facts/`).toEqual([]);
    });
  }
  it('lists only rule modules that exist', () => {
    const all = new Set(ruleModules());
    for (const rel of Object.keys(PENDING)) expect(all.has(rel), rel).toBe(true);
  });
});
