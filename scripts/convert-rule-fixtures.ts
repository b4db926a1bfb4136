/**
 * Converts the rule tests of the old layout into rule-tester tables (test/rules/<ID>.test.ts).
 *
 * Inputs (the old layout, kept until the final conversion):
 * - fixtures/<ID>/<format>/{bad,good}/<case>/ folders, with `expect.json` in bad cases
 *   ({ findings: [{ file, line, column, level? }], options?: { env, varFiles, ruleOptions, rules } });
 * - the CI fixtures fixtures/CI00x/<format>/{bad,good}/<file>, one case per file, with the
 *   findings that test/ci/rules.test.ts asserted (CI_EXPECTED below);
 * - the message assertions of test/rules/rules-a.test.ts and rules-b.test.ts (MESSAGE_CHECKS).
 *
 * Every case is linted live through the rule tester's own `lintFiles()`; the script stops
 * without writing when a live result differs from an old assertion (file, line, column,
 * level; the text under the range for CI), so no assertion is lost. The live run also gives
 * what the old layout did not state: the end of each range, the level where expect.json
 * omits it, the environment class and — once rules fill `Finding.messageId` — the message ID.
 * Re-running is how the message IDs get into the tables.
 *
 * Output: in each test/rules/<ID>.test.ts, the block between `// <converted>` and
 * `// </converted>` is replaced (the file is created when missing); everything outside the
 * block (hand-written cases, unit tests) is kept. Small trees are inlined with `⟦…⟧` markers;
 * multi-file trees over INLINE_MAX_LINES lines stay fixture folders referenced from the table.
 *
 * Run (no tsx in the project; esbuild bundles it):
 *   npx esbuild scripts/convert-rule-fixtures.ts --bundle --platform=node --target=node20 \
 *     --format=esm --main-fields=module,main --outfile=/tmp/convert-rule-fixtures.mjs \
 *     "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" \
 *   && node /tmp/convert-rule-fixtures.mjs [--check] [--finalize]
 * from the repository root. `--check` verifies and counts without writing. `--finalize`
 * (after the last conversion) deletes the old inputs: the inlined fixture folders and CI
 * fixture files, the expect.json of the folders still referenced, and scripts/dev/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../rules/index.js';
import type { Finding, Rule } from '../src/engine/types.js';
import { insertMarkers } from '../test/support/rule-tester/markers.js';
import { byPosition, lintFiles, place, type LintRun } from '../test/support/rule-tester/run-case.js';
import type { CaseOptions, Expectation, Format } from '../test/support/rule-tester/types.js';

/** The repository root: this script runs from it (its bundle lives elsewhere). */
const ROOT = process.cwd();
const FIXTURES = path.join(ROOT, 'fixtures');
const TESTS = path.join(ROOT, 'test/rules');
/** A multi-file tree longer than this stays a fixture folder referenced from the table. */
const INLINE_MAX_LINES = 60;
const BEGIN = '// <converted>';
const END = '// </converted>';

/** The findings test/ci/rules.test.ts asserted: `format/bad/file line:col-endLine:endCol level «text under the range»`. */
const CI_EXPECTED: Record<string, string[]> = {
  CI001: [
    'azure-pipelines/bad/azure-pipelines.yml 12:11-12:21 error «--sdk-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 13:57-13:68 error «--json-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 17:28-17:38 error «--sdk-auth»',
    'azure-pipelines/bad/azure-pipelines.yml 21:60-21:70 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 11:77-11:87 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 17:13-17:24 error «--json-auth»',
    'github-actions/bad/create-sp.yml 21:57-21:67 note «--sdk-auth»',
    'github-actions/bad/create-sp.yml 25:30-25:40 error «--sdk-auth»',
    'github-actions/bad/create-sp.yml 31:13-31:23 error «--sdk-auth»',
    'script/bad/create-sp.ps1 4:3-4:14 error «--json-auth»',
    'script/bad/create-sp.sh 4:43-4:53 note «--sdk-auth»',
    'script/bad/create-sp.sh 7:3-7:13 error «--sdk-auth»',
    'script/bad/create-sp.sh 8:49-8:60 error «--json-auth»',
  ],
  CI002: [
    'github-actions/bad/aml-actions.yml 10:11-10:28 error «azure_credentials»',
    'github-actions/bad/aml-actions.yml 13:11-13:28 error «azure_credentials»',
    'github-actions/bad/creds.yml 9:11-9:16 error «creds»',
    'github-actions/bad/creds.yml 12:11-12:16 error «creds»',
    'github-actions/bad/creds.yml 16:17-16:22 error «creds»',
  ],
  CI003: [
    'github-actions/bad/job-overrides.yml 13:9-13:29 error «uses: azure/login@v2»',
    'github-actions/bad/no-permissions.yml 8:9-8:29 error «uses: azure/login@v2»',
    'github-actions/bad/workflow-level.yml 9:9-9:29 error «uses: Azure/login@v2»',
    'github-actions/bad/workflow-level.yml 18:9-18:29 error «uses: azure/login@v2»',
    'github-actions/bad/workflow-level.yml 27:9-27:29 error «uses: azure/login@v2»',
  ],
  CI004: [
    'github-actions/bad/unpinned.yml 7:15-7:36 warning «actions/checkout@main»',
    'github-actions/bad/unpinned.yml 8:15-8:33 warning «Azure/login@master»',
    'github-actions/bad/unpinned.yml 9:15-9:41 warning «someone/setup-thing@latest»',
    'github-actions/bad/unpinned.yml 10:16-10:39 warning «someone/other-thing@dev»',
    'github-actions/bad/unpinned.yml 11:15-11:29 warning «someone/no-ref»',
    'github-actions/bad/unpinned.yml 12:15-12:30 warning «docker://alpine»',
    'github-actions/bad/unpinned.yml 14:11-14:69 warning «Azure/mlops-templates/.github/workflows/read-yaml.yml@main»',
  ],
  CI005: [
    'azure-pipelines/bad/azure-pipelines.yml 14:27-14:32 warning «apply»',
    'azure-pipelines/bad/azure-pipelines.yml 16:25-16:30 warning «apply»',
    'github-actions/bad/apply.yml 7:24-7:29 warning «apply»',
    'github-actions/bad/apply.yml 8:37-8:42 warning «apply»',
    'github-actions/bad/apply.yml 10:33-10:38 warning «apply»',
    'github-actions/bad/apply.yml 14:21-14:26 warning «apply»',
    'script/bad/deploy.ps1 1:11-1:16 warning «apply»',
    'script/bad/deploy.sh 4:11-4:16 warning «apply»',
  ],
};

/** The message assertions of rules-a/rules-b (`ID format/bad/case`), on the first finding unless `all`. */
const MESSAGE_CHECKS: Record<string, Expectation & { all?: boolean }> = {
  'AML003 terraform/bad/compute-instance': { message: /"ci-build", which is a compute instance/ },
  'AML003 terraform/bad/gpu-cluster': { message: /GPU size "Standard_NC6s_v3"/ },
  'AML004 terraform/bad/min-nodes-literal': { message: /keeps 2 nodes running while idle/ },
  'AML005 terraform/bad/azurerm-instance-note': { message: /azapi_resource/ },
  'AML005 azapi/bad/no-idle-shutdown': { message: /idleTimeBeforeShutdown/ },
  'AML006 terraform/bad/cluster-absent-default': { message: /defaults to true.*public network access disabled/ },
  'AML006 terraform/bad/instance-explicit-true': { related: [{ label: /public network access disabled/ }] },
  'GPU002 terraform/bad/no-validation': { message: /variable "gpu_vm_size" .*no validation/, related: [{ line: 26 }] },
  'GPU002 terraform/bad/regex-admits-fpga': { message: /admits the non-GPU size "Standard_NP10s"/ },
  'GPU002 terraform/bad/contains-cpu-size': { message: /"Standard_D16s_v5", which is not a GPU size/ },
  'GPU003 terraform/bad/autoscaling-absent': { message: /autoscaling off \(auto_scaling_enabled is not set/ },
  'AKS002 terraform/bad/default-pool-gpu': { message: /System node pool "system" of cluster "aks-ml" uses GPU size/ },
  'KV002 terraform/bad/absent-default': { message: /defaults to false/ },
  'ACR001 terraform/bad/admin-true': { message: /"acrmldemo" enables the shared admin user \(admin_enabled is true\)/ },
  'ACR002 terraform/bad/private-endpoint-standard': { message: /private endpoint "pe-acr" \(group registry\) targets it.*SKU is "Standard"/ },
  'ST001 terraform/bad/absent-default-true': { message: /allow_nested_items_to_be_public is not set \(defaults to true\)/ },
  'ST002 azapi/bad/tls1_0': { message: /minimumTlsVersion is "TLS1_0"/ },
  'NET001 terraform/bad/inline-range-20-25': { message: /"range" of NSG "nsg-ml" allows inbound SSH \(22\) from "0.0.0.0\/0"/ },
  'NET001 terraform/bad/inline-port-star-any': { message: /SSH \(22\) and RDP \(3389\)/ },
  'TF003 terraform/bad/missing-entry-root': { message: /Provider "azurerm" is used here but has no required_providers entry/ },
  'TAG001 terraform/bad/literal-missing-one': { message: /lacks the required tag "cost-center"/ },
  'TAG001 terraform/bad/no-tags': { message: /has no tags, so it lacks the required tags "owner", "cost-center"/ },
  'GOV001 terraform/bad/display-name': { message: /"West Europe", which is not an allowed location \(norwayeast, norwaywest\)/ },
  // SEC001 never prints the secret, in the message or a related label, on any finding.
  'SEC001 terraform/bad/resource-literal': { all: true, mustNotShow: ['S3cr3t-Pa55w0rd!'], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/variable-default': { all: true, mustNotShow: ['S3cr3t-Pa55w0rd!'], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/unused-variable-default-camelcase': { all: true, mustNotShow: ['Sup3rS3cret', 'bXlrZXk='], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/tfvars-not-a-variant': { all: true, mustNotShow: ['abc~DEF123ghi'], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/tfvars-variant-and-auto': { all: true, mustNotShow: ['Pr0dPassw0rd', 'k-123456'], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/module-argument': { all: true, mustNotShow: ['M0dul3Secret'], messageIncludes: 'value not shown' },
  'SEC001 terraform/bad/nested-block-and-connection-string': { all: true, mustNotShow: ['spn-secret-value', 'AccountKey=abc=='], messageIncludes: 'value not shown' },
  'SEC001 azapi/bad/body-literal': { all: true, mustNotShow: ['S3cr3t-Pa55w0rd!'], messageIncludes: 'value not shown' },
};

/** Where a CI fixture file sits in the case's tree, so that discovery classifies it as its format. */
const CI_TREE_PATH: Record<string, (file: string) => string> = {
  'github-actions': (f) => `.github/workflows/${f}`,
  'azure-pipelines': (f) => f,
  script: (f) => f,
};

interface OldFinding {
  file: string;
  line: number;
  column: number;
  level?: string;
}

interface OldCase {
  ruleId: string;
  format: Format;
  kind: 'bad' | 'good';
  name: string;
  /** Repository-relative path of the folder (or, for CI, the file). */
  source: string;
  files: Map<string, string>;
  options: CaseOptions;
  /** expect.json findings; or, for CI, the CI_EXPECTED lines of this file. */
  expected: OldFinding[] | string[];
  ci: boolean;
}

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (!(d === dir && name === 'expect.json')) out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function oldCases(): OldCase[] {
  const out: OldCase[] = [];
  for (const ruleId of fs.readdirSync(FIXTURES).sort()) {
    const ruleDir = path.join(FIXTURES, ruleId);
    if (!fs.statSync(ruleDir).isDirectory()) continue;
    for (const format of fs.readdirSync(ruleDir).sort() as Format[]) {
      for (const kind of ['bad', 'good'] as const) {
        const kindDir = path.join(ruleDir, format, kind);
        if (!fs.existsSync(kindDir)) continue;
        for (const name of fs.readdirSync(kindDir).sort()) {
          const p = path.join(kindDir, name);
          const source = path.relative(ROOT, p).split(path.sep).join('/');
          if (fs.statSync(p).isDirectory()) {
            const expectFile = path.join(p, 'expect.json');
            const spec = fs.existsSync(expectFile) ? JSON.parse(fs.readFileSync(expectFile, 'utf8')) : {};
            out.push({ ruleId, format, kind, name, source, files: readTree(p), options: spec.options ?? {}, expected: spec.findings ?? [], ci: false });
          } else {
            const treePath = CI_TREE_PATH[format]?.(name);
            if (!treePath) throw new Error(`${source}: a single-file case of an unexpected format`);
            const expected = (CI_EXPECTED[ruleId] ?? []).filter((l) => l.startsWith(`${format}/${kind}/${name} `));
            out.push({ ruleId, format, kind, name, source, files: new Map([[treePath, fs.readFileSync(p, 'utf8')]]), options: {}, expected, ci: true });
          }
        }
      }
    }
  }
  return out;
}

/** The differences between the live findings and the old assertions (empty when they agree). */
function verify(c: OldCase, mine: Finding[], run: LintRun): string[] {
  if (c.kind === 'good') return mine.length ? [`a good case has ${mine.length} finding(s)`] : [];
  if (c.ci) {
    const got = mine.map((f) => {
      const { start, end } = f.location.range;
      const text = run.texts.get(run.relOf(f)) ?? '';
      const under = start.line === end.line ? text.slice(start.offset, end.offset) : `${text.slice(start.offset, start.offset + 12)}…`;
      return `${c.format}/${c.kind}/${c.name} ${start.line}:${start.column}-${end.line}:${end.column} ${f.level} «${under}»`;
    });
    const want = c.expected as string[];
    return got.sort().join('\n') === [...want].sort().join('\n') ? [] : [`CI findings differ:\n  want ${want.join('\n       ')}\n  got  ${got.join('\n       ')}`];
  }
  const want = c.expected as OldFinding[];
  if (!want.length) return ['a bad case without expected findings'];
  // The old harness compared in lint()'s order, on the fields expect.json states.
  const got = mine.map((f, i) => {
    const e = want[i] ?? want[0]!;
    const all: Record<string, unknown> = { file: run.relOf(f), line: f.location.range.start.line, column: f.location.range.start.column, level: f.level };
    return JSON.stringify(Object.fromEntries(Object.keys(e).map((k) => [k, all[k]])));
  });
  const w = want.map((e) => JSON.stringify(e));
  return got.join('\n') === w.join('\n') ? [] : [`findings differ:\n  want ${w.join('\n       ')}\n  got  ${got.join('\n       ')}`];
}

// ---- emitting TypeScript ----------------------------------------------------------------

function str(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A file text as a template literal starting on its own line (the tester drops that first newline). */
function template(text: string): string {
  if (/[\r\u2028\u2029]/.test(text)) return str(`\n${text}`).replace(/\r/g, '\\r');
  return '`\n' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function literal(v: unknown): string {
  if (v instanceof RegExp) return v.toString();
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (!entries.length) return '{}';
    return `{ ${entries.map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : str(k)}: ${literal(x)}`).join(', ')} }`;
  }
  throw new Error(`cannot write ${String(v)}`);
}

interface EmittedCase {
  format: Format;
  kind: 'valid' | 'invalid';
  name: string;
  code: string;
}

function emitCase(c: OldCase, mine: Finding[], run: LintRun, parseError: boolean): EmittedCase {
  const kind = c.kind === 'good' ? 'valid' : 'invalid';
  const lines: string[] = [`name: ${str(c.name)},`];
  const totalLines = [...c.files.values()].reduce((n, t) => n + t.split('\n').length - 1, 0);
  const asFixture = c.files.size > 1 && totalLines > INLINE_MAX_LINES;
  // Findings in the tester's order, with what the table states about each.
  const ordered = mine
    .map((f) => ({ f, at: place(f, run.relOf(f), c.files).at }))
    .sort((a, b) => byPosition(a.at, b.at));
  const checks = MESSAGE_CHECKS[`${c.ruleId} ${c.format}/${c.kind}/${c.name}`];
  const firstInLintOrder = mine[0];
  const stated = ordered.map(({ f }) => {
    const e: Expectation = { level: f.level, env: f.env };
    if (f.messageId !== undefined) e.messageId = f.messageId;
    if (checks && (checks.all || f === firstInLintOrder)) {
      const { all: _all, ...rest } = checks;
      Object.assign(e, rest);
    }
    return e;
  });
  if (asFixture) lines.push(`fixture: ${str(c.source)},`);
  else {
    const byFile = new Map<string, { start: number; end: number }[]>();
    for (const { f } of ordered) {
      const rel = run.relOf(f);
      if (!byFile.has(rel)) byFile.set(rel, []);
      // clamped to the text: a range past the end of the file is a known issue the tester reports
      const len = c.files.get(rel)?.length ?? 0;
      byFile.get(rel)!.push({ start: Math.min(f.location.range.start.offset, len), end: Math.min(f.location.range.end.offset, len) });
    }
    lines.push('files: {');
    for (const [file, text] of c.files) lines.push(`  ${str(file)}: ${template(insertMarkers(text, byFile.get(file) ?? []))},`);
    lines.push('},');
  }
  if (Object.keys(c.options).length) lines.push(`options: ${literal(c.options)},`);
  if (parseError) lines.push('parseError: true,');
  if (kind === 'invalid') {
    // Case-level what every finding shares; `errors` for the rest (always with fixture positions).
    const keys = [...new Set(stated.flatMap((e) => Object.keys(e)))] as (keyof Expectation)[];
    const shared = keys.filter((k) => stated.every((e) => literal(e[k] ?? null) === literal(stated[0]![k] ?? null)) && stated[0]![k] !== undefined);
    for (const k of shared) lines.push(`${k}: ${literal(stated[0]![k])},`);
    const perFinding = stated.map((e, i) => {
      const own: Record<string, unknown> = asFixture ? { ...ordered[i]!.at } : {};
      for (const k of keys) if (!shared.includes(k) && e[k] !== undefined) own[k] = e[k];
      return own;
    });
    if (perFinding.some((o) => Object.keys(o).length)) {
      lines.push('errors: [');
      for (const o of perFinding) lines.push(`  ${literal(o)},`);
      lines.push('],');
    }
  }
  return { format: c.format, kind, name: c.name, code: lines.join('\n') };
}

function indent(text: string, by: string): string {
  // Template literal bodies keep their columns: indent only the lines outside them.
  let inTemplate = false;
  return text
    .split('\n')
    .map((line) => {
      const out = inTemplate ? line : by + line;
      const ticks = (line.replace(/\\\\/g, '').replace(/\\`/g, '').match(/`/g) ?? []).length;
      if (ticks % 2 === 1) inTemplate = !inTemplate;
      return out;
    })
    .join('\n');
}

function tableCode(rule: Rule, cases: EmittedCase[]): string {
  const out: string[] = [];
  const formats = [...new Set([...rule.meta.formats, ...cases.map((c) => c.format)])].filter((f) => cases.some((c) => c.format === f));
  out.push('const converted: RuleTable = {');
  for (const format of formats) {
    out.push(`  ${/^[a-z]+$/.test(format) ? format : str(format)}: {`);
    for (const kind of ['valid', 'invalid'] as const) {
      const list = cases.filter((c) => c.format === format && c.kind === kind);
      if (!list.length) continue;
      out.push(`    ${kind}: [`);
      for (const c of list) out.push(indent(`{\n${indent(c.code, '  ')}\n},`, '      '));
      out.push('    ],');
    }
    out.push('  },');
  }
  out.push('};');
  return out.join('\n');
}

function testFile(rule: Rule, block: string): string {
  const m = rule.meta;
  const header = [
    '/**',
    ` * ${m.id} (${m.name}): ${m.shortDescription}`,
    ' * Every case runs through lint() on a temporary tree (test/support/rule-tester).',
    ' */',
    "import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';",
    '',
  ].join('\n');
  return `${header}\n${block}\n\nruleTester(${str(m.id)}, converted);\n`;
}

function convertedBlock(rule: Rule, cases: EmittedCase[]): string {
  return [
    `${BEGIN} by scripts/convert-rule-fixtures.ts from fixtures/${rule.meta.id}: a re-run replaces this block, so add cases below it.`,
    tableCode(rule, cases),
    END,
  ].join('\n');
}

function writeTestFile(rule: Rule, cases: EmittedCase[]): void {
  const file = path.join(TESTS, `${rule.meta.id}.test.ts`);
  const block = convertedBlock(rule, cases);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, testFile(rule, block));
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${path.relative(ROOT, file)} has no ${BEGIN} … ${END} block to replace`);
  fs.writeFileSync(file, text.slice(0, a) + block + text.slice(b + END.length));
}

// ---- finalize ----------------------------------------------------------------------------

/** Deletes the old inputs once the tables are final; folders the tables or other tests still name stay (without expect.json). */
function finalize(cases: OldCase[]): void {
  const referenced = new Set<string>();
  const scan = (dir: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) scan(p);
      else if (/\.(ts|mjs|js)$/.test(name))
        // `fixtures/AML001/arm/bad/x` in a table, `path.join(FIXTURES, 'AML001/terraform/bad/x')` elsewhere
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\b[A-Z][A-Z0-9]*\d{3}\/[a-z-]+\/(?:bad|good)\/[\w.-]+/g)) referenced.add(`fixtures/${m[0]}`);
    }
  };
  for (const d of ['test', 'bench', 'src']) if (fs.existsSync(path.join(ROOT, d))) scan(path.join(ROOT, d));
  const isReferenced = (source: string): boolean => [...referenced].some((r) => r === source || r.startsWith(`${source}/`) || source.startsWith(`${r}/`));
  let removed = 0;
  for (const c of cases) {
    const p = path.join(ROOT, c.source);
    if (isReferenced(c.source)) fs.rmSync(path.join(p, 'expect.json'), { force: true });
    else {
      fs.rmSync(p, { recursive: true, force: true });
      removed++;
    }
  }
  // Drop the folders left empty.
  const prune = (dir: string): boolean => {
    let empty = true;
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory() ? !prune(p) : true) empty = false;
    }
    if (empty && dir !== FIXTURES) fs.rmdirSync(dir);
    return empty;
  };
  prune(FIXTURES);
  fs.rmSync(path.join(ROOT, 'scripts/dev'), { recursive: true, force: true });
  console.log(`finalize: removed ${removed} inlined cases; kept ${cases.length - removed} referenced folders (expect.json removed); removed scripts/dev/`);
}

// ---- main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  if (!fs.existsSync(path.join(ROOT, 'rules/index.ts')) || !fs.existsSync(FIXTURES)) throw new Error('run from the repository root (fixtures/ not found)');
  const cases = oldCases();
  if (process.argv.includes('--finalize')) {
    finalize(cases);
    return;
  }
  const problems: string[] = [];
  const byRule = new Map<string, EmittedCase[]>();
  let oldFindings = 0;
  let messageChecks = 0;
  for (const c of cases) {
    const rule = ALL_RULES.find((r) => r.meta.id === c.ruleId);
    if (!rule) {
      problems.push(`${c.source}: ${c.ruleId} is not in rules/index.ts`);
      continue;
    }
    const run = await lintFiles(c.ruleId, ALL_RULES, c.files, c.options);
    const mine = run.findings.filter((f) => f.ruleId === c.ruleId);
    problems.push(...verify(c, mine, run).map((p) => `${c.source}: ${p}`));
    oldFindings += c.expected.length;
    if (MESSAGE_CHECKS[`${c.ruleId} ${c.format}/${c.kind}/${c.name}`]) messageChecks++;
    const parseError = c.ruleId !== 'PARSE001' && run.findings.some((f) => f.ruleId === 'PARSE001');
    const list = byRule.get(c.ruleId) ?? [];
    list.push(emitCase(c, mine, run, parseError));
    byRule.set(c.ruleId, list);
  }
  const unused = Object.keys(MESSAGE_CHECKS).filter((k) => !cases.some((c) => `${c.ruleId} ${c.format}/${c.kind}/${c.name}` === k));
  problems.push(...unused.map((k) => `message check for a case that does not exist: ${k}`));
  if (problems.length) {
    console.error(`not converted: ${problems.length} live result(s) differ from the old assertions\n${problems.join('\n')}`);
    process.exit(1);
  }
  const missing = ALL_RULES.filter((r) => !byRule.has(r.meta.id)).map((r) => r.meta.id);
  if (missing.length) console.warn(`no old cases for: ${missing.join(', ')}`);
  if (!check) for (const [id, list] of byRule) writeTestFile(ALL_RULES.find((r) => r.meta.id === id)!, list);
  const inlined = [...byRule.values()].flat().filter((c) => !c.code.includes('\nfixture: ')).length;
  console.log(
    `${check ? 'checked' : 'converted'}: ${cases.length} cases of ${byRule.size} rules ` +
      `(${cases.filter((c) => c.kind === 'good').length} valid, ${cases.filter((c) => c.kind === 'bad').length} invalid; ` +
      `${oldFindings} expected findings; ${messageChecks} cases with message checks); ${inlined} inlined, ${cases.length - inlined} fixture folders`,
  );
}

await main();
