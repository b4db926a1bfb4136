/**
 * The report's terminal styles (src/report/ansi.ts) stand in for chalk at its basic level: the
 * same bytes for every style and chain the reports use, on plain text, text holding other
 * styles' codes (nested), line breaks (LF and CRLF) and empty text; and no codes at all when
 * colour is off.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { styles } from '../../src/report/ansi.js';

const NAMES = ['bold', 'dim', 'underline', 'red', 'green', 'yellow', 'blue'] as const;
type Name = (typeof NAMES)[number];

describe('ansi styles', () => {
  const chalk = new Chalk({ level: 1 });
  const mine = styles(true);
  type Chain = ((s: string) => string) & { [K in Name]: Chain };
  const pick = (root: unknown, chain: readonly Name[]): ((s: string) => string) => chain.reduce((s, n) => s[n], root as Chain);
  const chains: Name[][] = [...NAMES.map((n) => [n]), ...NAMES.flatMap((a) => NAMES.map((b) => [a, b])), ['red', 'bold', 'underline']];
  const texts = ['x', '', 'two\nlines', 'crlf\r\nline\n', '\n', `in ${chalk.bold('bold')} and ${chalk.red.dim('red dim')} out`, `${chalk.dim('a\nb')}`, '12:3  error'];

  it('gives chalk\'s bytes for every style, chain and text', () => {
    for (const chain of chains) for (const t of texts) expect([chain, t, pick(mine, chain)(t)]).toEqual([chain, t, pick(chalk, chain)(t)]);
  });

  it('returns the text unchanged when colour is off (as chalk at level 0)', () => {
    const off = styles(false);
    const chalk0 = new Chalk({ level: 0 });
    for (const chain of chains) for (const t of texts) expect(pick(off, chain)(t)).toBe(pick(chalk0, chain)(t));
    expect(off.red.bold('x')).toBe('x');
  });
});
