/**
 * `--explain ID` says each sentence once, for every rule of the catalog (and for a rule
 * without a document: the catalog's texts once each).
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../rules/index.js';
import { explainRule, renderMarkdown } from '../src/cli/rules-info.js';

/** The prose sentences of a terminal text (code blocks, indented by four spaces, left out). */
function sentences(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').filter((l) => !l.startsWith('    ')).join(' '))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  return paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z`"(*])/)).filter((s) => s.length >= 25);
}

function repeated(list: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const s of list) (seen.has(s) ? twice : seen).add(s);
  return [...twice];
}

describe('--explain', () => {
  it.each(ALL_RULES.map((r) => r.meta.id))('%s: every sentence once', (id) => {
    const text = explainRule(id, false);
    expect(sentences(text).length).toBeGreaterThan(2);
    expect(repeated(sentences(text))).toEqual([]);
    // The title once, as "ID name".
    const rule = ALL_RULES.find((r) => r.meta.id === id)!;
    expect(text.startsWith(`${id} ${rule.meta.name}\n`)).toBe(true);
    expect(text.split(`${id} ${rule.meta.name}`).length - 1).toBe(1);
  });

  it('accepts the ID in any case and refuses an unknown one', () => {
    expect(explainRule('aml001', false)).toBe(explainRule('AML001', false));
    expect(() => explainRule('NOPE001', false)).toThrow(/unknown rule ID/);
  });

  it('renders Markdown for the terminal: title, headings, strong text, links, code', () => {
    const md = '# AML001: workspace-public\n\n## How to fix\n\n**Level:** error, see [docs](https://x.test/a).\n\n```hcl\na = 1\n```\n';
    expect(renderMarkdown(md, false)).toBe('AML001 workspace-public\n\nHOW TO FIX\n\nLevel: error, see docs (https://x.test/a).\n\n    a = 1\n');
    expect(renderMarkdown(md, true)).toContain('\u001b[1mLevel:\u001b[22m');
    expect(renderMarkdown(md, true)).toContain('\u001b[1mHOW TO FIX\u001b[22m');
  });
});
