import { describe, expect, it } from 'vitest';
import { formatStylish, variantsLabel } from '../../src/report/stylish.js';
import {
  F_AML001,
  F_CI004,
  F_GPU001,
  F_KV001_SUPPRESSED,
  MAIN_TF,
  RULES,
  ROOT,
  cleanResult,
  fullResult,
  loc,
  makeResult,
} from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** A code-frame line: source line with gutter, or the underline line. */
const FRAME_LINE = /^ {4}(?:>| ) [ \d]+\|/m;

const EXPECTED = [
  '.github/workflows/deploy.yml',
  '  5:15  warning  azure/login is used at branch "main".  CI004',
  '      4 |     steps:',
  '    > 5 |       - uses: azure/login@main',
  '        |               ^^^^^^^^^^^^^^^^',
  '      6 |',
  '',
  'envs/prod/main.tf',
  '  3:3   error    Azure ML workspace "main" is reachable from the public internet.  AML001  [defaults, prod.tfvars]',
  '      2 |   name                          = "mlw-prod"',
  '    > 3 |   public_network_access_enabled = var.public_access',
  '        |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '      4 | }',
  '    ↳ envs/prod.tfvars:2:17 (value set in prod.tfvars)',
  '  7:3   note     Compute cluster "cpu" keeps 1 node running.  AML004',
  '      6 | resource "azurerm_kubernetes_cluster_node_pool" "gpu" {',
  '    > 7 |   name    = "gpu"',
  '        |   ^',
  '      8 | \tvm_size = "Standard_D16s_v5"',
  '  8:12  error    Node pool "gpu" is meant for GPU work but vm_size is Standard_D16s_v5: 100% CPU, <no GPU> | a,b  GPU001',
  '      7 |   name    = "gpu"',
  '    > 8 | \tvm_size = "Standard_D16s_v5"',
  '        | \t          ^^^^^^^^^^^^^^^^^^',
  '      9 | }',
  '',
  'modules/gpu/broken.tf',
  '  2:7  error    Expected an expression after "=".  PARSE001',
  '      1 | resource "x" "y" {',
  '    > 2 |   a = ',
  '        |       ^',
  '      3 |',
  '',
  '✖ 5 problems (3 errors, 1 warning, 1 note), 1 suppressed',
  'Run `mlops-iac-lint --explain CI004` for details',
  '',
].join('\n');

describe('stylish', () => {
  it('prints findings grouped by file with code frames, related locations, variants, a summary and the --explain pointer', () => {
    expect(formatStylish(fullResult())).toBe(EXPECTED);
  });

  it('has no ANSI escapes without colour', () => {
    expect(formatStylish(fullResult(), { color: false })).not.toMatch(ANSI);
  });

  it('colours levels, carets and the summary when color is on, with the same text underneath', () => {
    const out = formatStylish(fullResult(), { color: true });
    expect(out).toMatch(ANSI);
    expect(out).toContain('\u001b[31merror  \u001b[39m');
    expect(out).toContain('\u001b[33mwarning\u001b[39m');
    expect(out).toContain('\u001b[31m^^^^^^^^^^^^^^^^^^\u001b[39m');
    expect(out).toContain('\u001b[4menvs/prod/main.tf\u001b[24m');
    expect(out).toContain('\u001b[31m\u001b[1m✖ 5 problems');
    expect(out.replace(ANSI, '')).toBe(EXPECTED);
  });

  it('is deterministic and independent of the input order', () => {
    const a = formatStylish(fullResult(), { color: true });
    const r = fullResult();
    r.findings.reverse();
    expect(formatStylish(r, { color: true })).toBe(a);
  });

  it('does not list suppressed findings', () => {
    const out = formatStylish(fullResult());
    expect(out).not.toContain('KV001');
    expect(out).not.toContain('purge protection');
  });

  it('says when the run is clean', () => {
    expect(formatStylish(cleanResult())).toBe('✔ No problems found in 4 files\n');
    expect(formatStylish(makeResult([F_KV001_SUPPRESSED]))).toBe('✔ No problems found in 4 files (1 suppressed)\n');
    expect(formatStylish(makeResult([], { files: ['main.tf'] }), { color: true })).toBe(
      '\u001b[32m✔ No problems found in 1 file\u001b[39m\n',
    );
  });

  it('uses singular words for one problem', () => {
    const out = formatStylish(makeResult([F_GPU001]));
    expect(out.endsWith('✖ 1 problem (1 error, 0 warnings, 0 notes)\nRun `mlops-iac-lint --explain GPU001` for details\n')).toBe(true);
  });

  it('makes paths relative to cwd', () => {
    const out = formatStylish(makeResult([F_AML001, F_CI004]), { cwd: `${ROOT}/envs` });
    expect(out).toContain('\n../.github/workflows/deploy.yml\n'.slice(1));
    expect(out).toContain('\nprod/main.tf\n');
    expect(out).toContain('↳ prod.tfvars:2:17 (value set in prod.tfvars)');
  });

  it('lists a finding without source text without a code frame', () => {
    const f = { ...F_GPU001, location: loc(`${ROOT}/other.tf`, 4, 2, 4, 9) };
    const out = formatStylish(makeResult([f]));
    expect(out).toContain('other.tf\n  4:2  error    Node pool');
    expect(out).not.toMatch(FRAME_LINE);
  });

  it('masks the quoted values in a SEC001 finding\'s code frame (quotes kept), names and keys readable', () => {
    const secretTf = `${ROOT}/secret.tf`;
    const source = ['variable "admin_password" {', '  default = "Hunter2!Hunter2" # rotate', '  other   = "S3cond!Secret"', '}', ''].join('\n');
    const f = { ...F_GPU001, ruleId: 'SEC001', message: 'holds a literal secret (value not shown)', related: [], variants: ['default'], location: loc(secretTf, 2, 13, 2, 30) };
    const out = formatStylish(makeResult([f], { sources: new Map([[secretTf, source]]) }), { contextLines: 1 });
    expect(out).not.toContain('Hunter2');
    // A neighbouring line's value too (it may be another secret); names and keys stay readable.
    expect(out).not.toContain('S3cond');
    expect(out).toContain('  other   = "*************"');
    expect(out).toContain('    > 2 |   default = "***************" # rotate\n        |             ' + '^'.repeat(17) + '\n');
    expect(out).toContain('variable "admin_password" {');
  });

  it('keeps the keys of a one-line JSON object readable in a SEC001 frame (only values masked)', () => {
    const params = `${ROOT}/azuredeploy.parameters.json`;
    const source = ['{', '  "parameters": { "adminPassword": { "value": "S3cretValue!x" } }', '}', ''].join('\n');
    const f = { ...F_GPU001, ruleId: 'SEC001', message: 'holds a literal secret (value not shown)', related: [], variants: ['default'], location: loc(params, 2, 47, 2, 62) };
    const out = formatStylish(makeResult([f], { sources: new Map([[params, source]]) }), { contextLines: 1 });
    expect(out).not.toContain('S3cretValue');
    expect(out).toContain('  "parameters": { "adminPassword": { "value": "*************" } }');
  });

  it('can drop code frames and context lines', () => {
    const noFrames = formatStylish(makeResult([F_CI004]), { codeFrames: false });
    expect(noFrames).not.toContain('|');
    const noContext = formatStylish(makeResult([F_CI004]), { contextLines: 0 });
    expect(noContext).toContain(
      '    > 5 |       - uses: azure/login@main\n        |               ^^^^^^^^^^^^^^^^\n\n',
    );
  });

  it('underlines a multi-line range to the end of its first line', () => {
    const f = { ...F_AML001, related: [], location: loc(MAIN_TF, 1, 1, 4, 2) };
    const out = formatStylish(makeResult([f]), { contextLines: 0 });
    expect(out).toContain(
      '    > 1 | resource "azurerm_machine_learning_workspace" "main" {\n' +
        '        | ' + '^'.repeat(54) + '\n',
    );
  });

  it('windows very long lines around the range', () => {
    const file = `${ROOT}/azuredeploy.json`;
    const line = '{"a":"' + 'x'.repeat(300) + '","adminUserEnabled":true,' + '"b":"' + 'y'.repeat(300) + '"}';
    const col = line.indexOf('"adminUserEnabled"') + 1;
    const f = { ...F_GPU001, related: [], location: loc(file, 1, col, 1, col + 23) };
    const r = makeResult([f]);
    r.sources.set(file, line);
    const out = formatStylish(r);
    const frame = out.split('\n').filter((l) => FRAME_LINE.test(l));
    expect(frame).toHaveLength(2);
    expect(frame[0]!.length).toBeLessThan(140);
    expect(frame[0]).toContain('…');
    const caretAt = frame[1]!.indexOf('^');
    expect(frame[0]!.slice(caretAt, caretAt + 23)).toBe('"adminUserEnabled":true');
    expect(frame[1]!.slice(caretAt)).toBe('^'.repeat(23));
  });

  it('neutralizes control characters from scanned text', () => {
    const f = { ...F_GPU001, message: 'evil \u001b[2Jname\nsecond line' };
    const out = formatStylish(makeResult([f]));
    expect(out).not.toContain('\u001b');
    expect(out).toContain('evil \ufffd[2Jname second line');
  });

  it('says each thing once: no rule help under the findings', () => {
    const out = formatStylish(fullResult());
    for (const r of RULES) expect(out).not.toContain(r.help);
    expect(out).not.toMatch(/^\s*fix:/m);
  });

  it('shows the variants a finding came from, except the default evaluation alone', () => {
    expect(variantsLabel(['default'])).toBe('');
    expect(variantsLabel([])).toBe('');
    expect(variantsLabel(['environments/prod.tfvars', 'environments/dev.tfvars'])).toBe('[dev.tfvars, prod.tfvars]');
    expect(variantsLabel(['default', 'prod.tfvars'])).toBe('[default, prod.tfvars]');
    // Base names that would be ambiguous: the full variant names.
    expect(variantsLabel(['envs/prod/terraform.tfvars', 'envs/dev/terraform.tfvars'])).toBe('[envs/dev/terraform.tfvars, envs/prod/terraform.tfvars]');
    const one = formatStylish(makeResult([{ ...F_GPU001, variants: ['default'] }]));
    expect(one).toContain('Standard_D16s_v5: 100% CPU, <no GPU> | a,b  GPU001\n');
    const two = formatStylish(makeResult([{ ...F_GPU001, variants: ['env/dev.tfvars', 'env/prod.tfvars'] }]), { color: true });
    expect(two).toContain('GPU001\u001b[22m  \u001b[2m[dev.tfvars, prod.tfvars]\u001b[22m\n');
  });

  it('ends with one pointer to --explain naming the first rule shown, only when something is shown', () => {
    const out = formatStylish(makeResult([F_GPU001, F_AML001]));
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Run `mlops-iac-lint --explain AML001` for details');
    expect(out.match(/--explain/g)).toHaveLength(1);
    expect(formatStylish(cleanResult())).not.toContain('--explain');
    expect(formatStylish(makeResult([F_KV001_SUPPRESSED]))).not.toContain('--explain');
  });
});

/** A finding of `ruleId` on line `line`, from the first code unit of `text` on it (its length when `length` is absent). */
interface FrameFinding {
  ruleId: string;
  line: number;
  /** The text the range covers, found on the line (its first occurrence), or [startColumn, endLine, endColumn]. */
  at: string | [number, number, number];
  suppressed?: boolean;
  /** The finding's message ID (SEC001's declaration findings frame differently). */
  messageId?: string;
}

function frameResult(file: string, source: string, findings: readonly FrameFinding[]): ReturnType<typeof makeResult> {
  const lines = source.split('\n');
  const made = findings.map((x, i) => {
    let range: [number, number, number, number];
    if (typeof x.at === 'string') {
      const col = lines[x.line - 1]!.indexOf(x.at) + 1;
      if (col === 0) throw new Error(`"${x.at}" is not on line ${x.line}`);
      range = [x.line, col, x.line, col + x.at.length];
    } else range = [x.line, x.at[0], x.at[1], x.at[2]];
    return {
      ...F_GPU001,
      ruleId: x.ruleId,
      message: `${x.ruleId} finding ${i}`,
      related: [],
      variants: ['default'],
      fingerprint: `fp-${i}`,
      location: loc(file, ...range),
      ...(x.suppressed ? { suppression: { kind: 'inSource' as const, justification: 'accepted' } } : {}),
      ...(x.messageId ? { messageId: x.messageId } : {}),
    };
  });
  return makeResult(made, { sources: new Map([[file, source]]) });
}

/** What a terminal receives: a lone surrogate half is written as U+FFFD. */
const asWritten = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

describe('stylish code frames: a secret SEC001 flags is masked in every frame that shows its line', () => {
  interface SecretCase {
    name: string;
    file: string;
    lines: string[];
    findings: FrameFinding[];
    contextLines?: number;
    /** Must appear nowhere in the output. */
    hidden: string[];
    /** Frame lines that must appear as they are. */
    shown: string[];
  }
  const cases: SecretCase[] = [
    {
      name: 'a tfvars secret on the line before an ACR001 finding',
      file: `${ROOT}/terraform.tfvars`,
      lines: ['sql_admin_password = "Pr0d-Sup3rS3cret!"', 'acr_admin = true', 'location = "westeurope"'],
      findings: [
        { ruleId: 'SEC001', line: 1, at: '"Pr0d-Sup3rS3cret!"' },
        { ruleId: 'ACR001', line: 2, at: 'true' },
      ],
      hidden: ['Pr0d-Sup3rS3cret!'],
      // The ACR001 frame masks the secret line; a line without a secret stays in clear.
      shown: ['      1 | sql_admin_password = "*****************"\n    > 2 | acr_admin = true', '      3 | location = "westeurope"'],
    },
    {
      name: 'a suppressed SEC001 finding: the value is a secret all the same',
      file: `${ROOT}/terraform.tfvars`,
      lines: ['sql_admin_password = "Pr0d-Sup3rS3cret!"', 'acr_admin = true'],
      findings: [
        { ruleId: 'SEC001', line: 1, at: '"Pr0d-Sup3rS3cret!"', suppressed: true },
        { ruleId: 'ACR001', line: 2, at: 'true' },
      ],
      hidden: ['Pr0d-Sup3rS3cret!'],
      shown: ['      1 | sql_admin_password = "*****************"\n    > 2 | acr_admin = true'],
    },
    {
      name: 'an ARM parameter default next to another finding, the parameter name readable',
      file: `${ROOT}/azuredeploy.json`,
      lines: [
        '  "parameters": {',
        '    "adminPassword": { "type": "securestring", "defaultValue": "Arm-S3cret!" },',
        '    "acrAdmin": { "type": "bool", "defaultValue": true }',
        '  }',
      ],
      findings: [
        { ruleId: 'SEC001', line: 2, at: '"Arm-S3cret!"' },
        { ruleId: 'ACR001', line: 3, at: 'true' },
      ],
      hidden: ['Arm-S3cret!'],
      shown: [
        '      2 |     "adminPassword": { "type": "************", "defaultValue": "***********" },\n    > 3 |     "acrAdmin": { "type": "bool", "defaultValue": true }',
      ],
    },
    {
      name: 'a Bicep parameter default above a resource finding',
      file: `${ROOT}/main.bicep`,
      lines: [
        "param adminPassword string = 'Bicep-S3cret!'",
        "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
        '  properties: { adminUserEnabled: true }',
        '}',
      ],
      findings: [
        { ruleId: 'SEC001', line: 1, at: "'Bicep-S3cret!'" },
        { ruleId: 'ACR001', line: 2, at: 'acr' },
      ],
      hidden: ['Bicep-S3cret!'],
      shown: ["      1 | param adminPassword string = '*************'\n    > 2 | resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {"],
    },
    {
      name: 'a heredoc secret: the lines of a multi-line range, in a neighbouring frame',
      file: `${ROOT}/main.tf`,
      lines: ['variable "cert_secret" {', '  default = <<EOT', 'multi-line-S3cret', 'EOT', '}'],
      findings: [
        { ruleId: 'SEC001', line: 2, at: [13, 4, 4] },
        { ruleId: 'TAG001', line: 1, at: 'variable' },
      ],
      contextLines: 2,
      hidden: ['multi-line-S3cret', '<<EOT'],
      shown: ['    > 1 | variable "cert_secret" {\n        | ^^^^^^^^\n      2 |   default = *****\n      3 | *****************'],
    },
    {
      name: 'a list item alone on its line (no = or : before it), in its own frame and a neighbour\'s',
      file: `${ROOT}/main.tf`,
      lines: ['resource "azurerm_container_app" "app" {', '  secrets = [', '    "List-S3cret-1",', '    "List-S3cret-2"', '  ]', '}'],
      findings: [
        { ruleId: 'SEC001', line: 3, at: '"List-S3cret-1"' },
        { ruleId: 'SEC001', line: 4, at: '"List-S3cret-2"', suppressed: true },
        { ruleId: 'TAG001', line: 2, at: 'secrets' },
        { ruleId: 'TAG001', line: 5, at: ']' },
      ],
      hidden: ['List-S3cret'],
      shown: ['    > 3 |     "*************",\n        |     ^^^^^^^^^^^^^^^\n      4 |     "*************"', '      4 |     "*************"\n    > 5 |   ]'],
    },
    {
      name: 'a "typed string" finding on a parameter name: the name and the type it says to change stay readable',
      file: `${ROOT}/azuredeploy.json`,
      lines: ['  "parameters": {', '    "adminPassword": {', '      "type": "string"', '    }'],
      findings: [{ ruleId: 'SEC001', line: 2, at: '"adminPassword"', messageId: 'armParameterTypedString' }],
      hidden: ['"******"'],
      shown: ['    > 2 |     "adminPassword": {\n        |     ^^^^^^^^^^^^^^^\n      3 |       "type": "string"'],
    },
    {
      name: 'a "typed string" finding on a one-line declaration: nothing on it is a value',
      file: `${ROOT}/azuredeploy.json`,
      lines: ['  "parameters": {', '    "adminPassword": { "type": "string" }', '  }'],
      findings: [{ ruleId: 'SEC001', line: 2, at: '"adminPassword"', messageId: 'armParameterTypedString' }],
      hidden: ['"******"', '"****"'],
      shown: ['    > 2 |     "adminPassword": { "type": "string" }'],
    },
    {
      name: 'a "typed string" finding beside a flagged default: the default is masked all the same',
      file: `${ROOT}/azuredeploy.json`,
      lines: ['  "parameters": {', '    "adminPassword": {', '      "type": "string",', '      "defaultValue": "Arm-S3cret!"', '    }'],
      findings: [
        { ruleId: 'SEC001', line: 2, at: '"adminPassword"', messageId: 'armParameterTypedString' },
        { ruleId: 'SEC001', line: 4, at: '"Arm-S3cret!"', messageId: 'inputDefault' },
      ],
      contextLines: 2,
      hidden: ['Arm-S3cret!'],
      shown: ['      3 |       "type": "string",\n      4 |       "defaultValue": "***********"'],
    },
  ];

  it.each(cases)('$name', ({ file, lines, findings, contextLines, hidden, shown }) => {
    const out = formatStylish(frameResult(file, lines.join('\n') + '\n', findings), { contextLines: contextLines ?? 1 });
    for (const h of hidden) expect(out).not.toContain(h);
    for (const s of shown) expect(out).toContain(s);
    expect(formatStylish(frameResult(file, lines.join('\n') + '\n', findings), { contextLines: contextLines ?? 1, color: true })).not.toMatch(
      new RegExp(hidden.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'),
    );
  });
});

describe('stylish code frames: carets by terminal columns, long lines cut between code points', () => {
  const file = `${ROOT}/azuredeploy.json`;
  interface WidthCase {
    name: string;
    line: string;
    /** The text the carets go under (its last occurrence on the line). */
    under: string;
    /** Terminal columns before it, and its own width in columns. */
    columns: number;
    carets: number;
  }
  const cases: WidthCase[] = [
    {
      name: 'CJK (two columns each) before the value',
      line: '      "properties": { "tags_名前": "中文", "adminUserEnabled": true }',
      under: 'true',
      columns: 63,
      carets: 4,
    },
    { name: 'an emoji of the BMP (one code unit, two columns) before the value', line: '  "note": "✅ ready ⚡", "adminUserEnabled": true', under: 'true', columns: 45, carets: 4 },
    { name: 'an emoji of an astral plane (two code units, two columns) before the value', line: '  "note": "😀", "adminUserEnabled": true', under: 'true', columns: 36, carets: 4 },
    { name: 'a combining accent (no column) before the value', line: '  "note": "cafe\u0301", "adminUserEnabled": true', under: 'true', columns: 38, carets: 4 },
    { name: 'a CJK value: one caret per column', line: '  "name": "中文", "x": 1', under: '"中文"', columns: 10, carets: 6 },
    { name: 'a tab and Hangul before the value', line: '\t"이름": "값", "adminUserEnabled": true', under: 'true', columns: -1, carets: 4 },
  ];

  it.each(cases)('$name', ({ line, under, columns, carets }) => {
    const col = line.lastIndexOf(under) + 1;
    const out = formatStylish(frameResult(file, line + '\n', [{ ruleId: 'ACR001', line: 1, at: [col, 1, col + under.length] }]), { contextLines: 0 });
    const frame = out.split('\n').filter((l) => FRAME_LINE.test(l));
    expect(frame[0]).toBe(`    > 1 | ${line}`);
    if (columns < 0) {
      // The tab is repeated; after it, '"이름": "값"' takes 12 columns and ', "adminUserEnabled": ' 22.
      expect(frame[1]).toBe(`        | \t${' '.repeat(12 + 22)}${'^'.repeat(carets)}`);
    } else expect(frame[1]).toBe(`        | ${' '.repeat(columns)}${'^'.repeat(carets)}`);
  });

  it('cuts a long line between code points at its left end (a surrogate pair at the window edge)', () => {
    // The window starts 30 code units before the range: here between the two halves of an emoji.
    const line = '{ "note": "' + '😀'.repeat(60) + '", "adminUserEnabled": true, "b": "' + 'y'.repeat(100) + '" }';
    const col = line.indexOf('true') + 1;
    expect(line.charCodeAt(col - 1 - 30)).toBeGreaterThanOrEqual(0xdc00); // a low surrogate
    const out = formatStylish(frameResult(file, line + '\n', [{ ruleId: 'ACR001', line: 1, at: [col, 1, col + 4] }]), { contextLines: 0 });
    expect(asWritten(out)).not.toContain('\ufffd');
    const frame = out.split('\n').filter((l) => FRAME_LINE.test(l));
    expect(frame[0]).toBe(`    > 1 | …😀😀😀", "adminUserEnabled": true, "b": "${'y'.repeat(120 - 1 - 6 - 35)}…`);
    // '…' 1 column, 3 emoji 6, then 23 ASCII characters.
    expect(frame[1]).toBe(`        | ${' '.repeat(30)}^^^^`);
  });

  it('cuts a long line between code points at its right end', () => {
    // The window ends 120 code units into the line: here inside an emoji.
    const line = '{ "adminUserEnabled": true, "note": "' + '😀'.repeat(70) + '" }';
    expect((120 - 37) % 2).toBe(1);
    const col = line.indexOf('true') + 1;
    const out = formatStylish(frameResult(file, line + '\n', [{ ruleId: 'ACR001', line: 1, at: [col, 1, col + 4] }]), { contextLines: 0 });
    expect(asWritten(out)).not.toContain('\ufffd');
    const frame = out.split('\n').filter((l) => FRAME_LINE.test(l));
    expect(frame[0]).toBe(`    > 1 | ${line.slice(0, 119)}…`);
    expect(frame[0]!.endsWith('😀…')).toBe(true);
    expect(frame[1]).toBe(`        | ${' '.repeat(22)}^^^^`);
  });

  it('keeps finding positions in code units: only the drawing counts columns', () => {
    const line = '  "tags_名前": "中文", "adminUserEnabled": true';
    const col = line.indexOf('true') + 1;
    const out = formatStylish(frameResult(file, line + '\n', [{ ruleId: 'ACR001', line: 1, at: [col, 1, col + 4] }]));
    expect(out).toContain(`  1:${col}  error`);
  });
});
