/**
 * The script names a CI file's text names (units of work: a workflow shares its scripts' unit):
 * `scriptNamesIn` must find exactly the matches of the pattern it replaces,
 * `/[\w.-]+\.(?:sh|bash|ps1)\b/gi`, in order — on tricky strings and on the corpus's CI files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptNamesIn } from '../../src/frontends/ci.js';
import { CORPUS, REPO_ROOT } from '../support/fixtures.js';

const reference = (text: string): string[] => [...text.matchAll(/[\w.-]+\.(?:sh|bash|ps1)\b/gi)].map((m) => m[0]);

const corpus = [CORPUS, path.resolve(REPO_ROOT, '../../shared/corpus')].find((c) => fs.existsSync(c));

function ciTexts(dir: string, out: string[], limit = 400): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= limit) return;
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.git') ciTexts(p, out, limit);
    else if (e.isFile() && /\.(ya?ml|sh|ps1)$/i.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
  }
}

describe('scriptNamesIn', () => {
  it.each([
    'run: ./scripts/deploy.sh && bash x.bash',
    'a.sh.sh-x.bash.',
    '.sh a..sh a.SH1 b.Ps1-c .bash',
    'foo.sh_bar.sh',
    'foo.shell bar.sh2 baz.sh',
    'é.sh k.ps1x q.ps1. -x.sh- ..sh',
    `${'x'.repeat(3000)}.sh ${'y.'.repeat(500)}bash`,
    'pwsh: ./Setup-Env.PS1 -Name a.b.c.ps1',
    '',
  ])('finds what the pattern finds in %j', (text) => {
    expect(scriptNamesIn(text)).toEqual(reference(text));
  });

  it.skipIf(!corpus)('finds what the pattern finds in the corpus CI files', () => {
    const texts: string[] = [];
    ciTexts(corpus!, texts);
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) expect(scriptNamesIn(t)).toEqual(reference(t));
  });
});
