/**
 * `parseCiDocument(…, { views: false })` (what the CI front end calls, issue 15) reads the same
 * document as the default call except for the `workflow`/`pipeline` views it leaves out:
 * scripts (in the same order, with the same subjects), comments, blocks, errors and trees are
 * equal, on constructs the builders treat specially and on every CI file of the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiDocument, CiKind } from '../../src/parse/yaml/ci.js';
import { CORPUS, HAVE_CORPUS, corpusCiFiles } from './helpers.js';


function expectSameWithoutViews(file: string, text: string, kind: CiKind): CiDocument {
  const full = parseCiDocument(file, text, kind);
  const lean = parseCiDocument(file, text, kind, { views: false });
  expect(lean.workflow).toBeUndefined();
  expect(lean.pipeline).toBeUndefined();
  // The line map's lookup cache (the line of its last lookup) differs: its text is compared.
  const { workflow: _w, pipeline: _p, lineMap, ...rest } = full;
  const { lineMap: leanLineMap, ...leanRest } = lean;
  expect(leanLineMap.text).toBe(lineMap.text);
  expect(leanRest).toEqual(rest);
  // A script token's range is a getter (made when first read), which toEqual does not see: the
  // tokens' JSON (their toJSON) holds it.
  expect(JSON.stringify(leanRest.scripts)).toBe(JSON.stringify(rest.scripts));
  return full;
}

describe('parseCiDocument without the views', () => {
  test('workflow: default shells, runs-on, Azure/cli inlineScript, several documents', () => {
    const text = [
      'on: push',
      'defaults:',
      '  run:',
      '    shell: pwsh',
      'jobs:',
      '  a:',
      '    runs-on: windows-latest',
      '    steps:',
      '      - uses: azure/CLI@v2',
      '        with:',
      '          inlineScript: |',
      '            az group create -n x -l y',
      '      - run: az account show # note',
      '  b:',
      '    runs-on: [self-hosted, linux]',
      '    defaults: { run: { shell: bash } }',
      '    steps:',
      '      - name: s',
      '        shell: sh',
      '        run: "echo \\"$X\\""',
      '---',
      'jobs: { c: { steps: [ { run: echo ignored } ] } }',
      '',
    ].join('\n');
    const full = expectSameWithoutViews('/r/.github/workflows/w.yml', text, 'github-workflow');
    expect(full.scripts.map((s) => `${s.subject} ${s.attributePath} ${s.language}`)).toEqual([
      'workflow:jobs.a.steps[uses=azure/CLI] with.inlineScript shell',
      'workflow:jobs.a.steps[run=az account show] run powershell',
      'workflow:jobs.b.steps[name=s] run shell',
    ]);
  });

  test('pipeline: task inputs, script steps, templates and several documents', () => {
    const text = [
      'steps:',
      '- task: AzureCLI@2',
      '  inputs:',
      '    scriptType: bash',
      '    scriptLocation: inlineScript',
      '    inlineScript: az vm list',
      '- task: PowerShell@2',
      '  inputs: { targetType: filePath, filePath: x.ps1 }',
      '- pwsh: Get-Item .',
      '---',
      'jobs:',
      '- job: j',
      '  steps:',
      '  - bash: echo two',
      '',
    ].join('\n');
    const full = expectSameWithoutViews('/r/azure-pipelines.yml', text, 'azure-pipeline');
    expect(full.pipeline!.steps).toHaveLength(4);
  });

  test('composite action and a script file', () => {
    expectSameWithoutViews('/r/action.yml', 'runs:\n  using: composite\n  steps:\n    - run: az login\n      shell: bash\n', 'github-action');
    expectSameWithoutViews('/r/x.sh', '#!/bin/sh\naz group list # x\n', 'script');
  });

  test.skipIf(!HAVE_CORPUS)('every CI file of the corpus', () => {
    const rows = corpusCiFiles();
    expect(rows.length).toBeGreaterThan(200);
    for (const [path, indexKind] of rows) {
      const text = readFileSync(join(CORPUS, path), 'utf8');
      const kind: CiKind = classifyCiFile(path.slice(path.indexOf('/') + 1), text) ?? indexKind;
      expectSameWithoutViews(join(CORPUS, path), text, kind);
    }
  });
});
