/**
 * The CI front end's fast path (parseCiDocument with `views: false`: the fast YAML reader and
 * ci-tree-nodes.ts instead of the `yaml` library) against the library path with the same
 * options: whenever the fast path takes a text, its document is the library path's exactly —
 * trees, scripts (value, every character's offsets, commands, tokens, comments, ranges,
 * language, origin, subject, attribute path), the comment script, comments, blocks, no errors —
 * compared as JSON with the line map left out and the offset arrays written as arrays.
 * Inputs: every corpus .yml/.yaml file read as each YAML CI kind, hand-written cases for each
 * script form, and mutated corpus CI texts (fixed seed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCiDocument, parseCiDocumentFast, type CiDocument, type CiKind } from '../../src/parse/yaml/ci.js';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { mapScalar } from '../../src/parse/yaml/scalar.js';
import { OUTSIDE_FAST_CI, readCiFast } from '../../src/parse/yaml/ci-tree-nodes.js';
import { libraryNodes, type CiNode } from '../../src/parse/yaml/ci-nodes.js';
import { LineMap, type Range } from '../../src/core/source.js';
import { Composer, Parser, isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import type { YamlTree } from '../../src/parse/yaml/tree.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';
import { makeRng } from '../../scripts/fuzz.js';
import { mutateText } from '../support/text-mutations.js';

type YamlKind = Exclude<CiKind, 'script'>;
const KINDS: YamlKind[] = ['github-workflow', 'github-action', 'azure-pipeline'];

const json = (d: CiDocument | undefined): string =>
  JSON.stringify(d, (k, v: unknown) => (k === 'lineMap' ? undefined : v instanceof Int32Array ? Array.from(v) : v));

const library = (text: string, kind: YamlKind): CiDocument => parseCiDocument('/r/f.yml', text, kind, { views: false, fastReader: false });

/** True when the fast path took `text`; fails when its document differs from the library path's. */
function check(text: string, kind: YamlKind, name: string): boolean {
  const fast = parseCiDocumentFast('/r/f.yml', text, kind);
  if (fast === undefined) return false;
  const lib = library(text, kind);
  expect(json(fast), `${name} (${kind})\n${JSON.stringify(text)}`).toBe(json(lib));
  // JSON leaves out a property whose value is undefined: the objects have the same properties too.
  expect({ ...fast, lineMap: undefined }, name).toStrictEqual({ ...lib, lineMap: undefined });
  expect(fast.errors).toEqual([]);
  return true;
}

const corpusFiles = CORPUS_FOUND ? filesUnder(CORPUS_FOUND, /\.ya?ml$/i) : [];
if (!CORPUS_FOUND) console.warn('!!! ../shared/corpus is absent: the fast CI path corpus differential tests are SKIPPED');

/** The corpus's YAML CI files as the front end classifies them. */
function corpusCi(): { file: string; text: string; kind: YamlKind }[] {
  const out: { file: string; text: string; kind: YamlKind }[] = [];
  for (const file of corpusFiles) {
    // As the CLI run over the corpus sees it: the path under the scan root.
    const rel = path.relative(CORPUS_FOUND!, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const kind = classifyCiFile(rel, text);
    if (kind !== undefined && kind !== 'script') out.push({ file, text, kind });
  }
  return out;
}

describe('fast CI path: differential against the library path (views: false)', () => {
  it.skipIf(!CORPUS_FOUND)('every corpus CI file as the front end classifies it: same document whenever the fast path takes it', () => {
    const files = corpusCi();
    expect(files.length).toBeGreaterThan(200);
    let taken = 0;
    let scripts = 0;
    const byKind: Record<string, [number, number]> = {};
    for (const f of files) {
      const t = check(f.text, f.kind, f.file);
      const k = (byKind[f.kind] ??= [0, 0]);
      k[1]++;
      if (t) {
        taken++;
        k[0]++;
        scripts += parseCiDocumentFast(f.file, f.text, f.kind)!.scripts.length;
      }
    }
    console.log(`fast CI path: ${taken} of ${files.length} corpus CI YAML files taken (${scripts} scripts); by kind ${JSON.stringify(byKind)}`);
    // 217 of 230 when it was last raised: fewer means the fast path stopped taking what it took.
    expect(taken).toBeGreaterThan(214);
  }, 120_000);

  it.skipIf(!CORPUS_FOUND)('every corpus CI file with `\\r\\n` line breaks: same document whenever taken', () => {
    let taken = 0;
    const files = corpusCi();
    for (const f of files) if (check(f.text.replace(/\r?\n/g, '\r\n'), f.kind, `${f.file} (\\r\\n)`)) taken++;
    console.log(`fast CI path: ${taken} of ${files.length} corpus CI files with \\r\\n line breaks taken`);
    // As many as with their own line breaks (217 when it was last raised).
    expect(taken).toBeGreaterThan(214);
  }, 120_000);

  it.skipIf(!CORPUS_FOUND)('every corpus .yml/.yaml file read as each YAML CI kind', () => {
    let taken = 0;
    for (const f of corpusFiles) {
      const text = fs.readFileSync(f, 'utf8');
      for (const kind of KINDS) if (check(text, kind, f)) taken++;
    }
    console.log(`fast CI path: ${taken} of ${corpusFiles.length * KINDS.length} (file, kind) readings taken`);
    expect(taken).toBeGreaterThan(0);
  }, 180_000);

  it('parseCiDocument with views: false equals the library path, taken or not', () => {
    for (const text of [...TAKEN.map((c) => c[1]), ...LEFT.map((c) => c[1])]) {
      for (const kind of KINDS) expect(json(parseCiDocument('/r/f.yml', text, kind, { views: false }))).toBe(json(library(text, kind)));
    }
  });
});

// Each script form the fast path maps: [kind, text], taken and equal to the library path.
const TAKEN: [YamlKind, string][] = [
  ['github-workflow', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          az login --identity\n          echo "done" # trailing\n'],
  ['github-workflow', 'on: push\njobs:\n  a:\n    steps:\n      - run: |-\n          az group create -n x -l westeurope\n\n          az group list\n      - run: az account show\n'],
  ['github-workflow', "jobs:\n  a:\n    steps:\n      - run: 'az vm list'\n      - run: \"echo hi; az ad sp list\"\n      - run: ''\n      - run: \"\"\n      - run:\n      - run: 123\n      - run: 1e3\n      - run: true\n      - run: ~\n"],
  ['github-workflow', 'on: [push, pull_request]\npermissions:\n  id-token: write\ndefaults:\n  run:\n    shell: pwsh\njobs:\n  w:\n    runs-on: [self-hosted, windows]\n    steps:\n      - shell: bash\n        run: |\n          # a comment in the script\n          az login \\\n            --identity\n      - run: Get-AzContext\n  l:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: powershell\n    steps:\n      - run: Write-Host x\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - uses: azure/cli@v2\n        with:\n          inlineScript: |\n            az group list\n            cat <<EOF\n            body\n            EOF\n      - uses: Azure/powershell@v1\n        with:\n          inlineScript: Get-AzVM\n      - uses: actions/checkout@v4\n        with:\n          inlineScript: not a script\n'],
  ['github-workflow', '# header comment\non:\n  push:\n    branches: [main]\n# between\njobs:\n  a:\n    # before steps\n    steps:\n      # before a step\n      - name: x\n        run: |\n          echo a\n          # inside\n        # after, less indented\n      # after the step\n'],
  ['github-workflow', 'on: push\njobs:\n  a:\n    steps:\n      - run: echo 1\n---\njobs:\n  b:\n    steps:\n      - run: echo 2\n'],
  ['github-action', 'name: x\nruns:\n  using: composite\n  steps:\n    - run: |\n        az deployment group create -g rg -f main.bicep\n      shell: bash\n    - run: echo hi\n      shell: pwsh\n'],
  ['github-action', 'name: no runs\ninputs:\n  a:\n    description: x\n'],
  ['azure-pipeline', 'trigger:\n- main\npool:\n  vmImage: ubuntu-latest\nsteps:\n- script: |\n    az login --service-principal\n    echo done\n  displayName: s\n- bash: echo $(x)\n- pwsh: Get-AzVM\n- powershell: |-\n    Write-Host a\n'],
  ['azure-pipeline', 'stages:\n- stage: A\n  jobs:\n  - job: B\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        azureSubscription: sub\n        scriptType: bash\n        scriptLocation: inlineScript\n        inlineScript: |\n          az group create -n rg -l westeurope\n    - task: AzureCLI@2\n      inputs:\n        scriptType: pscore\n        inlineScript: Get-AzContext\n    - task: AzureCLI@2\n      inputs:\n        scriptLocation: scriptPath\n        scriptPath: a.sh\n        inlineScript: not read\n'],
  ['azure-pipeline', "jobs:\n- deployment: D\n  strategy:\n    runOnce:\n      deploy:\n        steps:\n        - task: Bash@3\n          inputs:\n            targetType: inline\n            script: 'echo a'\n        - task: PowerShell@2\n          inputs:\n            targetType: filePath\n            script: x.ps1\n        - task: CmdLine@2\n          inputs:\n            script: |\n              echo b\n        - task: AzurePowerShell@5\n          inputs:\n            ScriptType: InlineScript\n            Inline: Get-AzVM\n        - task: ShellScript@2\n          inputs:\n            script: echo c\n"],
  ['azure-pipeline', 'parameters:\n- name: steps\n  type: stepList\n  default:\n  - script: echo default\nsteps:\n- template: t.yml\n  parameters:\n    inner:\n    - bash: echo nested\n- script: echo a # a comment after the script\n  env:\n    X: 1\n'],
  ['azure-pipeline', 'steps:\n- script:\n- task: Bash@3\n  inputs: {}\n- task: Bash@3\n- script: [a, b]\n'],
  // A more-indented empty line inside a script: its extra spaces are script characters.
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: |\n          echo a\n              \n          echo b\n'],
  // `\r\n` line breaks: each one break of the value (as in Azure/mlops-templates' pipelines).
  ['azure-pipeline', 'steps:\r\n- task: AzureCLI@2\r\n  inputs:\r\n    scriptType: bash\r\n    inlineScript: |\r\n\r\n      az group list \\\r\n        -o table\r\n\r\n      echo done # c\r\n- script: echo a\r\n- bash: "echo b"\r\n'],
  // A multi-line plain value that is not a script (Azure/llmops-project-template's `if:`).
  ['github-workflow', 'jobs:\n  a:\n    if: github.x == 1 &&\n      github.y\n    steps:\n      - run: echo a\n        if: always() ||\n\n          failure()\n'],
  // A multi-line plain script (Azure/mlops-templates' tf-gha-install-terraform.yml), mapped as mapScalar unfolds it.
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: echo a; \n          echo "b";\n\n           az group list  \n      - run: x\r\n          y\r\n'],
  // Scripts on the line after their key (a plain one continued, a quoted one).
  ['azure-pipeline', 'steps:\n- script:\n    echo a\n    echo b\n- bash:\n\n    "az vm list"\n'],
  // U+202F inside `${{ }}` (Azure/actions-workflow-samples' database workflows) and in a script.
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - uses: azure/mysql@v1\n        with:\n          connection-string: ${{\u202fsecrets.X }}\n      - run: |\n          echo\u202fa\u202f\n'],
  // A folded value that is not a script (Azure/data-landing-zone's `overrideParameters: >`).
  ['azure-pipeline', 'steps:\n- task: AzureResourceManagerTemplateDeployment@3\n  displayName: >-\n    Deploy\n    it\n  inputs:\n    overrideParameters: >\n      -a "$(x)"\n      -b y\n- script: echo a\n'],
  // Leading empty lines in a script (as in Azure/mlops-templates' AzureCLI inline scripts).
  ['azure-pipeline', 'steps:\n- task: AzureCLI@2\n  inputs:\n    scriptType: bash\n    scriptLocation: inlineScript\n    inlineScript: |\n\n      az group list \\\n        -o table\n- script: |-\n    \n\n    echo a\n'],
];

// Forms the fast path leaves to the library (the reader's subset or a scalar it cannot map).
const LEFT: [YamlKind, string][] = [
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: >\n          folded\n          text\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: "escaped \\" quote"\n'],
  ['github-workflow', "jobs:\n  a:\n    steps:\n      - run: 'it''s'\n"],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: a plain\n          continued # c\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - &s\n        run: x\n      - *s\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: |+\n          kept\n\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: |2\n            indented\n'],
  ['github-workflow', 'jobs:\n  a:\n    steps:\n      - run: |\n          x\n\tbad\n'],
  ['github-workflow', 'jobs:\n  a: [\n'],
  ['azure-pipeline', 'steps:\n- script: echo a\n  script: echo b\n'],
  ['azure-pipeline', 'steps:\n- script: {a: b}\n'],
];

describe('fast CI path: each script form', () => {
  for (const [kind, text] of TAKEN) {
    it(`takes and equals: ${JSON.stringify(text.slice(0, 70))}`, () => {
      expect(check(text, kind, 'case')).toBe(true);
    });
  }
  for (const [kind, text] of LEFT) {
    it(`leaves to the library: ${JSON.stringify(text.slice(0, 70))}`, () => {
      expect(parseCiDocumentFast('/r/f.yml', text, kind)).toBeUndefined();
      expect(json(parseCiDocument('/r/f.yml', text, kind, { views: false }))).toBe(json(library(text, kind)));
    });
  }

  it('the hand-written cases hold scripts of every form', () => {
    const origins = new Set<string>();
    for (const [kind, text] of TAKEN) for (const s of parseCiDocumentFast('/r/f.yml', text, kind)!.scripts) origins.add(`${s.origin}:${s.language}`);
    expect([...origins].sort()).toEqual(
      ['bash:shell', 'inlineScript:powershell', 'inlineScript:shell', 'inputs.script:powershell', 'inputs.script:shell', 'powershell:powershell', 'pwsh:powershell', 'run:powershell', 'run:shell', 'script:shell'].sort(),
    );
  });
});

// ---- every value scalar's mapping equals mapScalar's ------------------------------------------

/**
 * The fast reader's value scalars of `text` in the library walk's order, with their mapping;
 * null for a scalar ci-tree-nodes.ts leaves to the library (OUTSIDE_FAST_CI: a file with such a
 * script takes the library path).
 */
function fastMappings(text: string): (Mapping | null)[] | undefined {
  const r = readCiFast(text, new LineMap(text));
  if (r === undefined) return undefined;
  const out: (Mapping | null)[] = [];
  const walk = (n: YamlTree | undefined, inFlow: boolean): void => {
    if (n === undefined) return;
    if (n.type === 'map') for (const e of n.entries) walk(e.value, false);
    if (n.type === 'seq') {
      // A flow sequence's items are not recorded (never a script): the library's are skipped too.
      const flow = text[n.range.start.offset] === '[';
      for (const i of n.items) walk(i, flow);
    }
    if (n.type === 'scalar' && !inFlow) {
      const node = n as unknown as CiNode;
      try {
        const m = r.nodes.mapped(node);
        out.push({ value: m.value, starts: Array.from(m.starts), ends: Array.from(m.ends), exact: m.exact, range: offsets(r.nodes.range(node)), content: offsets(r.nodes.contentRange(node)) });
      } catch (e) {
        if (e !== OUTSIDE_FAST_CI) throw e;
        out.push(null);
      }
    }
  };
  // A document that is a scalar (an empty explicit one) is no value: neither side maps it.
  for (const d of r.parsed.documents) if (d.type !== 'scalar') walk(d, false);
  return out;
}

/** A value scalar's mapping, and its node and content ranges (`CiNodes.range`, `contentRange`) as offsets. */
type Mapping = { value: string; starts: number[]; ends: number[]; exact: boolean; range: [number, number]; content: [number, number] };

const offsets = (r: Range): [number, number] => [r.start.offset, r.end.offset];

describe('fast CI path: the mapping and ranges of every value scalar equal the library reading', () => {
  it('hand-written cases', () => {
    const cases = [
      ...TAKEN.map((c) => c[1]),
      'a: |\n  x\n\n  y\n\nb: 1\n',
      'a: |-\n  x\n    y\n\n  z\n',
      'a: |\n  x\n      \n  y\n',
      'a: |\n  x\n  y\n\n     \nb: |-\n  z\n     \n  \n',
      'a: |\r\n  x\r\n\r\n  y\r\nb: |-\r\n\r\n  \r\n  z\r\n   \r\nc: |\r\n  w',
      'a: |\n\n  x\n  y\n',
      'a: |-\n  \n\n  x\nb: |\n\n\n    z\n',
      'a: |\n  x',
      'a: |-\n  x',
      '- |\n  a\n  b\n- |-\n   c\n',
      'a: "x y"\nb: \'p q\'\nc: ""\nd: \'\'\ne:\nf: 0x1F\ng: null\n',
    ];
    // Folded scalars (`: >`) are not mapped here (ci-tree-nodes.ts leaves them to the library); every other one is.
    for (const text of cases) expect(compareScalars(text, JSON.stringify(text))).toEqual({ compared: expect.any(Number), left: text.split(': >').length - 1 });
  });

  it.skipIf(!CORPUS_FOUND)('every value scalar of every corpus .yml/.yaml file the reader takes', () => {
    let files = 0;
    let scalars = 0;
    let left = 0;
    for (const file of corpusFiles) {
      const text = fs.readFileSync(file, 'utf8');
      // Each file as written and with `\r\n` line breaks (each break mapped whole).
      for (const [t, name] of [[text, file], [text.replace(/\r?\n/g, '\r\n'), `${file} (\\r\\n)`]] as const) {
        const c = compareScalars(t, name);
        if (c === undefined) continue;
        files++;
        scalars += c.compared;
        left += c.left;
      }
    }
    console.log(`fast CI path: ${scalars} value scalars of ${files} corpus files mapped and ranged as the library reading does (${left} left to the library)`);
    expect(files).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * Compares the value scalars of `text` the fast reader takes (undefined when it does not): the
 * mapping and ranges of each, unless ci-tree-nodes.ts leaves it to the library (`left`).
 */
function compareScalars(text: string, name: string): { compared: number; left: number } | undefined {
  const fast = fastMappings(text);
  if (fast === undefined) return undefined;
  // Flow sequences are skipped on both sides (their items are never scripts).
  const lib = libraryMappingsOutsideFlow(text);
  expect(fast.length, name).toBe(lib.length);
  const kept = (xs: readonly (Mapping | null)[]): (Mapping | null)[] => xs.filter((_, i) => fast[i] !== null);
  expect(JSON.stringify(kept(fast)), name).toBe(JSON.stringify(kept(lib)));
  const left = fast.filter((m) => m === null).length;
  return { compared: fast.length - left, left };
}

/** The library's mappings of the value scalars that are not inside a flow sequence. */
function libraryMappingsOutsideFlow(text: string): Mapping[] {
  const out: Mapping[] = [];
  const nodes = libraryNodes(new LineMap(text));
  const docs = [...new Composer({ keepSourceTokens: true, version: '1.2' }).compose(new Parser().parse(text), true, text.length)];
  const walk = (n: unknown): void => {
    if (isMap(n)) for (const p of n.items) if (isPair(p)) walk(p.value);
    if (isSeq(n) && !n.flow) for (const i of n.items) walk(i);
    if (isScalar(n)) {
      const m = mapScalar(n as Scalar);
      const node = n as unknown as CiNode;
      out.push({ value: m.value, starts: Array.from(m.starts), ends: Array.from(m.ends), exact: m.exact, range: offsets(nodes.range(node)), content: offsets(nodes.contentRange(node)) });
    }
  };
  for (const d of docs) if (!isScalar(d.contents)) walk(d.contents);
  return out;
}

// ---- mutated corpus CI texts -------------------------------------------------------------------

/** What a mutation inserts (`mutateText`). */
const MUTATIONS = [':', '-', '#', "'", '"', '|', '|-', '|+', '|2', '>', '[', ']', '{', '}', '&', '*', '\t', '\n', ' ', '  ', ',', '- ', ': ', ' #', '---\n', '\r\n', '\u202f', '\\', "''", 'run: ', 'script: ', '\n    '];

describe('fast CI path: mutated texts', () => {
  it.skipIf(!CORPUS_FOUND)('2,000 mutations of corpus CI files (fixed seed): the fast path bails or equals the library path', () => {
    // Seeds the fast path takes (mutations of them stay near the subset), and short enough to keep the test quick.
    const seeds = corpusCi().filter((f) => f.text.length < 6000 && parseCiDocumentFast(f.file, f.text, f.kind) !== undefined);
    expect(seeds.length).toBeGreaterThan(20);
    const rng = makeRng(1503);
    let taken = 0;
    for (let i = 0; i < 2000; i++) {
      const s = seeds[Math.floor(rng() * seeds.length)]!;
      if (check(mutateText(s.text, rng, MUTATIONS), s.kind, `mutation ${i} of ${s.file}`)) taken++;
    }
    console.log(`fast CI path: ${taken} of 2000 mutated CI texts taken`);
    expect(taken).toBeGreaterThan(0);
  }, 180_000);
});

// ---- generated script shapes -------------------------------------------------------------------

/**
 * A workflow or pipeline whose scripts take random forms: literal block scalars with blank
 * lines of any width (leading ones too; a few more indented), more-indented lines, `#` lines, trailing blank
 * lines, a missing final line break; plain (multi-line too) and one-line quoted scripts; comments around them.
 */
function generateCi(rng: () => number): [YamlKind, string] {
  const int = (n: number): number => Math.floor(rng() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const sp = (n: number): string => ' '.repeat(n);
  const script = (key: string, ind: number): string[] => {
    const r = rng();
    if (r < 0.25) {
      const first = `${sp(ind)}${key}: ${pick(['az login', 'echo "a b"', 'x=1; az vm list', '123', 'true', '~', ''])}${rng() < 0.2 ? ' # c' : ''}`;
      // Sometimes continued on more indented lines (a multi-line plain script), empty lines among them.
      const more = rng() < 0.3 ? Array.from({ length: 1 + int(3) }, () => (rng() < 0.2 ? sp(int(ind + 4)) : `${sp(ind + 1 + int(4))}${pick(['--flag 1 ', 'echo x', '&& az vm list'])}`)) : [];
      return [first, ...more];
    }
    if (r < 0.4) return [`${sp(ind)}${key}: ${pick(["'az group list'", '"echo hi"', "''", '""', '"a # b"'])}`];
    const m = ind + 2 + int(3);
    const out = [`${sp(ind)}${key}: ${pick(['|', '|-', '| # h', '|- '])}`];
    for (let n = 1 + int(5); n > 0; n--) {
      const q = rng();
      // Empty lines, leading ones too, within the indentation or (a few) more indented.
      if (q < 0.15) out.push(sp(int(m + (rng() < 0.3 ? 3 : 1))));
      else if (q < 0.3) out.push(`${sp(m + int(3))}# ${pick(['note', 'az ad sp create-for-rbac --sdk-auth'])}`);
      else out.push(`${sp(m + (rng() < 0.2 ? int(4) : 0))}${pick(['az group create -n x -l y \\', '--flag 1', 'cat <<EOF', 'EOF', 'Write-Host `', 'echo $(a) ${{ b }}'])}`);
    }
    for (let n = rng() < 0.3 ? int(3) : 0; n > 0; n--) out.push(sp(int(m + 1)));
    return out;
  };
  const lines: string[] = [];
  let kind: YamlKind;
  if (rng() < 0.5) {
    kind = 'github-workflow';
    lines.push('on: push', 'jobs:', '  a:', `    runs-on: ${pick(['ubuntu-latest', 'windows-latest'])}`, '    steps:');
    for (let n = 1 + int(4); n > 0; n--) {
      if (rng() < 0.2) lines.push(`${sp(4 + int(4))}# between steps`);
      if (rng() < 0.3) {
        lines.push('      - uses: azure/cli@v2', '        with:');
        lines.push(...script('inlineScript', 10));
      } else {
        lines.push('      - name: s');
        if (rng() < 0.3) lines.push(`        shell: ${pick(['bash', 'pwsh'])}`);
        lines.push(...script('run', 8));
      }
    }
  } else {
    kind = 'azure-pipeline';
    lines.push('steps:');
    for (let n = 1 + int(4); n > 0; n--) {
      if (rng() < 0.2) lines.push(`${sp(int(3))}# between steps`);
      if (rng() < 0.4) {
        lines.push('- task: AzureCLI@2', '  inputs:', `    scriptType: ${pick(['bash', 'pscore'])}`);
        lines.push(...script('inlineScript', 4));
      } else lines.push(...script(pick(['script', 'bash', 'pwsh', 'powershell']), 0).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)));
    }
  }
  // Some texts with `\r\n` line breaks throughout, as Windows editors write them.
  const nl = rng() < 0.15 ? '\r\n' : '\n';
  return [kind, lines.join(nl) + (rng() < 0.85 ? nl : '')];
}

describe('fast CI path: generated script shapes', () => {
  it('3,000 generated workflows and pipelines (fixed seed): the fast path bails or equals the library path', () => {
    const rng = makeRng(9315);
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      const [kind, text] = generateCi(rng);
      if (check(text, kind, `generated ${i}`)) taken++;
    }
    console.log(`fast CI path: ${taken} of 3000 generated CI texts taken`);
    expect(taken).toBeGreaterThan(1000);
  }, 120_000);
});
