/**
 * The line reading of plain YAML (`plainShape`, ci-classify-lines.ts) must see what the YAML
 * parser builds whenever the parse has no error: the top-level keys, and whether a written step
 * sits under a `steps`/`jobs`/`stages` key — on files built to fool a line reader, and on the
 * start of every YAML file of the corpus cut at several lines (it is asked about starts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainShape } from '../../src/frontends/ci-classify-lines.js';
import { hasPipelineSteps } from '../../src/frontends/ci-classify.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';

const corpus = CORPUS_FOUND;

/** What the parser says, when it has no error: the top-level keys and the step check; undefined on an error. */
function parsed(text: string): { topKeys: string[]; pipelineStep: boolean } | undefined {
  const doc = parseDocument(text, { version: '1.2' });
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents;
  const topKeys = isMap(root) ? root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')) : [];
  return { topKeys: topKeys.sort(), pipelineStep: hasPipelineSteps(root, true) };
}

/** The line reading's answer in the same terms (undefined: not plain enough to say). */
function read(text: string): { topKeys: string[]; pipelineStep: boolean } | undefined {
  const shape = plainShape(text);
  return shape && { topKeys: [...shape.topKeys].sort(), pipelineStep: shape.pipelineStep };
}

describe('plainShape', () => {
  it.each([
    ['steps:\n- task: x\n', true],
    ['trigger: none\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: echo hi # say hi\n  displayName: "Say: hi"\n', true],
    ['jobs:\n- job: a\n  steps:\n  - pwsh: |\n      steps:\n      - task: x\n', true],
    // Step-looking text inside a block scalar only.
    ['script: |\n  steps:\n  - task: x\nname: y\n', false],
    // A deeper line after a value continues that plain scalar: not read.
    ['steps:\n- script: echo\n    - task: y\n', undefined],
    ['a: b\n  - task: x\n', undefined],
    // A quote inside a flow collection could open a string that runs over lines: not read.
    ["x: [ 'a]\nsteps:\n- task: y\n']\n", undefined],
    // An empty step value is not a step; an explicit indentation digit is not read.
    ['steps:\n- task:\n    inputs: 1\n', false],
    ['steps:\n- script: |2\n    echo\n', undefined],
    ["stages:\n- ${{ if eq(variables['Build.SourceBranchName'], 'main') }}:\n  - stage: a\n    jobs:\n    - job: b\n      steps:\n      - task: x@1\n", true],
    ['on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n', false],
    ['\ufeffsteps:\n- task: x\n', undefined],
    ['steps:\n\t- task: x\n', undefined],
    ['- steps:\n  - task: x\n', undefined],
  ])('%j', (text, step) => {
    const mine = read(text);
    expect(mine?.pipelineStep).toBe(step);
    const theirs = parsed(text);
    if (mine && theirs) expect(mine).toEqual(theirs);
  });

  it.skipIf(!corpus)('sees what the parser builds on the start of every corpus YAML file (several cuts each)', () => {
    const files = filesUnder(corpus!, /\.ya?ml$/i);
    let compared = 0;
    const wrong: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const ends = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
      const cuts = new Set([text.length, ...[0.1, 0.3, 0.5, 0.8].map((q) => ends[Math.floor(q * ends.length)] ?? text.length)]);
      for (const cut of cuts) {
        const start = text.slice(0, cut);
        const mine = read(start);
        if (!mine) continue;
        const theirs = parsed(start);
        if (!theirs) continue;
        compared++;
        if (JSON.stringify(mine) !== JSON.stringify(theirs)) wrong.push(`${path.relative(corpus!, f)} @${cut}`);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
