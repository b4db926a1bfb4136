/**
 * CI classification confirms most YAML files from a parse of their start only (issue 15); the
 * verdict must be the one a parse of the whole file gives — on files built to tempt a prefix
 * parse into a wrong answer, and on every YAML file of the corpus (named so that the content
 * decides, not the path).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';

const corpus = CORPUS_FOUND;

const both = (text: string): [string | undefined, string | undefined] => [classifyCiFile('ci/x.yml', text), classifyCiFile('ci/x.yml', text, { startFirst: false })];

describe('CI classification from the start of a file', () => {
  it.each([
    // An empty step value at the cut that lines below make a mapping: not a step.
    ['steps:\n- task:\n    inputs: 1\nname: x\n', undefined],
    // Step-looking lines inside a block scalar.
    ['script: |\n  steps:\n  - task: x\nname: y\n', undefined],
    // A second document, a duplicate key after the cut: errors of the whole file, still a pipeline.
    ['steps:\n- task: x\n---\na: 1\n', 'azure-pipeline'],
    ['steps:\n- task: x\nsteps: 2\n', 'azure-pipeline'],
    // A quoted scalar that swallows `on:` and `jobs:` (indented too little: a syntax error, so a workflow).
    ['x: "a\non: b\njobs: c"\ny: 1\n', 'github-workflow'],
    ['x: "a\n on: b\n jobs: c"\ny: 1\n', undefined],
    ['on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n', 'github-workflow'],
    ['on: push\njobs: [\n', 'github-workflow'],
    ['jobs:\n- job: a\n  steps:\n  - script: echo\n    more\n  - bash: x\ntrigger: none\n', 'azure-pipeline'],
    ['pool: x\nsteps:\n- template: t.yml\n  parameters:\n    a: 1\n', 'azure-pipeline'],
    // A tagged empty value at the cut (the whole file: an error, so a pipeline).
    ['stages:\n- stage: a\n  jobs:\n  - job: b\n    steps:\n    - task: !!null\n      x: 1\n', 'azure-pipeline'],
    ['stages:\n- stage: a\n  jobs:\n  - job: b\n    steps:\n    - task:\n        x: 1\n', undefined],
    // A pipeline that only extends a template (Learn, "Template usage reference"), whatever its name.
    ['trigger: none\nextends:\n  template: base.yml\n  parameters:\n    admin: true\n', 'azure-pipeline'],
    ['extends:\n  template: templates/stages.yml@templates\n', 'azure-pipeline'],
    // Other formats' extends: a name (ESLint), a list, a template key that is not extends's, an empty template.
    ['extends: eslint:recommended\nrules:\n  template: off\n', undefined],
    // Not even when the file does not parse (a Jinja line), or a template key sits elsewhere.
    ['extends: default\nrules:\n  template: off\n{% if strict %}\n', undefined],
    ['extends:\n  other: 1\n  template: x\nrules: [\n', undefined],
    ['extends:\n  - base\n  - template: x\n', undefined],
    ['extends:\n  template:\n', undefined],
    ['build:\n  extends:\n    template: x.yml\n', undefined],
  ])('%j', (text, expected) => {
    expect(both(text)).toEqual([expected, expected]);
  });

  it.skipIf(!corpus)('gives the whole-file verdict for every YAML file of the corpus', () => {
    const files = filesUnder(corpus!, /\.ya?ml$/i);
    expect(files.length).toBeGreaterThan(100);
    const differ = files.filter((f) => {
      const [fast, whole] = both(fs.readFileSync(f, 'utf8'));
      return fast !== whole;
    });
    expect(differ).toEqual([]);
  });
});
