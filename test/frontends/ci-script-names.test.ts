/**
 * The script names a CI file's text names (units of work: a workflow shares its scripts' unit):
 * `scriptNamesIn` must find exactly the matches of the pattern it replaces,
 * `/[\w.-]+\.(?:sh|bash|ps1)\b/gi`, in order — on tricky strings and on the corpus's CI files.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptNamesIn } from '../../src/frontends/ci.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';

const reference = (text: string): string[] => [...text.matchAll(/[\w.-]+\.(?:sh|bash|ps1)\b/gi)].map((m) => m[0]);

const corpus = CORPUS_FOUND;

/** The first 400 CI-like files of a walk. */
const ciTexts = (dir: string): string[] => filesUnder(dir, /\.(ya?ml|sh|ps1)$/i).slice(0, 400).map((f) => fs.readFileSync(f, 'utf8'));

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
    const texts = ciTexts(corpus!);
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) expect(scriptNamesIn(t)).toEqual(reference(t));
  });
});
