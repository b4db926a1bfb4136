/**
 * azapi v1's `body` as a JSON heredoc (json-body.ts): every decoded character maps back to
 * where it is written, in `<<BODY` and `<<-BODY` (the removed indentation added back), past
 * `$${` escapes and interpolations; a JSON string that is exactly one interpolation is the
 * interpolated value with its origin (RULES.md "Location": where the value is written, the
 * heredoc property that consumed it related). Forms whose characters do not line up are
 * decoded from the whole string and located at the heredoc, as before.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { Finding } from '../../src/engine/types.js';
import { relatedOf, tree } from './tree.js';

const ws = (body: string, vars = ''): string => `${vars}resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = ${body}
}
`;

/** `file:line:column-endLine:endColumn` of a finding's primary location. */
const span = (f: Finding): string => {
  const r = f.location.range;
  return `${f.location.file.split('/').pop()}:${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
};

async function aml001(files: Record<string, string>): Promise<Finding[]> {
  const dir = tree(files);
  const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
  return r.findings.filter((f) => f.ruleId === 'AML001');
}

async function one(files: Record<string, string>): Promise<{ at: string; related: string[]; offset: number }> {
  const dir = tree(files);
  const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true });
  const found = r.findings.filter((f) => f.ruleId === 'AML001');
  expect(found).toHaveLength(1);
  return { at: span(found[0]!), related: relatedOf(dir, found[0]!), offset: found[0]!.location.range.start.offset };
}

describe('azapi v1 body in a heredoc', () => {
  it('<<-: each value at its own column (indentation and $${ escapes added back), also with CRLF line ends', async () => {
    const body = `<<-BODY
      {
        "properties": {
          "description": "$\${a} and %%{b} cost $\${c}", "publicNetworkAccess": "Enabled"
        }
      }
    BODY`;
    const main = ws(body);
    const line = main.split('\n').findIndex((l) => l.includes('"Enabled"')) + 1;
    const column = main.split('\n')[line - 1]!.indexOf('"Enabled"') + 1;
    const got = await one({ 'main.tf': main });
    expect(got.at).toBe(`main.tf:${line}:${column}-${line}:${column + 9}`);
    expect(got.offset).toBe(main.indexOf('"Enabled"'));
    const crlf = main.replace(/\n/g, '\r\n');
    const got2 = await one({ 'main.tf': crlf });
    expect(got2.at).toBe(`main.tf:${line}:${column}-${line}:${column + 9}`);
    expect(got2.offset).toBe(crlf.indexOf('"Enabled"'));
  });

  it('<<- with whitespace-only lines and lines indented deeper than the least', async () => {
    const body = '<<-BODY\n\n      {\n   \n          "properties":\n            {"publicNetworkAccess": "Enabled"}\n      }\n    BODY';
    const main = ws(body);
    const got = await one({ 'main.tf': main });
    expect(got.at).toBe('main.tf:11:37-11:46');
    expect(got.offset).toBe(main.indexOf('"Enabled"'));
  });

  it('"${var.x}": the variable default, with the heredoc property related', async () => {
    const vars = 'variable "pna" {\n  default = "Enabled"\n}\n';
    const got = await one({ 'main.tf': ws('<<-BODY\n    { "properties": { "publicNetworkAccess": "${var.pna}" } }\n  BODY', vars) });
    expect(got.at).toBe('main.tf:2:13-2:22');
    expect(got.related).toContain('main.tf:10 attribute properties.publicNetworkAccess');
  });

  it('"${local.x}" holding a number or bool: the string JSON decodes, at the local', async () => {
    const vars = 'locals {\n  v = "Enabled"\n  n = 1\n}\n';
    const got = await one({ 'main.tf': ws('<<BODY\n{ "properties": { "publicNetworkAccess": "${local.v}", "n": "${local.n}" } }\nBODY', vars) });
    expect(got.at).toBe('main.tf:2:7-2:16');
  });

  it('an interpolation among other text: the JSON string in the heredoc, when every piece is known', async () => {
    const vars = 'variable "p" {\n  default = "En"\n}\n';
    const main = ws('<<BODY\n{ "properties": { "publicNetworkAccess": "${var.p}abled" } }\nBODY', vars);
    const got = await one({ 'main.tf': main });
    expect(got.at).toBe('main.tf:10:42-10:57');
    expect(await aml001({ 'main.tf': ws('<<BODY\n{ "properties": { "publicNetworkAccess": "${var.p}abled" } }\nBODY', 'variable "p" {}\n') })).toEqual([]);
    // Unknown pieces make that property unknown, not the body: a literal beside it is still read.
    const other = await one({ 'main.tf': ws('<<BODY\n{ "properties": { "friendlyName": "${var.a}-${var.b}", "publicNetworkAccess": "Enabled" } }\nBODY', 'variable "a" {}\nvariable "b" {}\n') });
    expect(other.at).toBe('main.tf:9:79-9:88');
  });

  it('falls back to the whole string (located at the heredoc) when the characters do not line up', async () => {
    const at = (f: Finding[]): string[] => f.map(span);
    // An interpolation outside a JSON string: the structure comes from the value.
    const outside = ws('<<BODY\n{ "properties": { "publicNetworkAccess": ${jsonencode(var.p)} } }\nBODY', 'variable "p" {\n  default = "Enabled"\n}\n');
    expect(at(await aml001({ 'main.tf': outside }))).toEqual(['main.tf:9:15-11:5']);
    // A value with a backslash is read by JSON as an escape (\u0041 is "A").
    const quote = ws('<<BODY\n{ "properties": { "description": "${var.d}", "publicNetworkAccess": "Enabled" } }\nBODY', 'variable "d" {\n  default = "\\\\u0041"\n}\n');
    expect(at(await aml001({ 'main.tf': quote }))).toEqual(['main.tf:9:15-11:5']);
    // `~` strip markers trim the text around them.
    const strip = ws('<<BODY\n{ "properties": { "description": "${~ "x" ~}", "publicNetworkAccess": "Enabled" } }\nBODY');
    expect(at(await aml001({ 'main.tf': strip }))).toEqual(['main.tf:6:15-8:5']);
    // A key written by an interpolation.
    const key = ws('<<BODY\n{ "properties": { "${var.k}": "Enabled" } }\nBODY', 'variable "k" {\n  default = "publicNetworkAccess"\n}\n');
    expect(at(await aml001({ 'main.tf': key }))).toEqual(['main.tf:9:15-11:5']);
  });

  it('a placeholder character or its \\uE000 escape written in the heredoc is not taken for an interpolation', async () => {
    const vars = 'variable "p" {\n  default = "Enabled"\n}\n';
    const escaped = ws('<<BODY\n{ "properties": { "x": "\\ue000", "publicNetworkAccess": "${var.p}" } }\nBODY', vars);
    const got = await aml001({ 'main.tf': escaped });
    expect(got.map(span)).toEqual(['main.tf:9:15-11:5']);
    const raw = ws('<<BODY\n{ "properties": { "x": "\ue000", "publicNetworkAccess": "${var.p}" } }\nBODY', vars);
    expect((await aml001({ 'main.tf': raw })).map(span)).toEqual(['main.tf:9:15-11:5']);
  });

  it('is linear: 20,000 members with 5,000 interpolations', async () => {
    const members: string[] = [];
    for (let i = 0; i < 20_000; i++) members.push(`    "p${i}": ${i % 4 === 0 ? '"${var.v}"' : `"v${i}"`},`);
    const main = ws(`<<-BODY\n  { "properties": {\n${members.join('\n')}\n    "publicNetworkAccess": "\${var.v}" } }\n  BODY`, 'variable "v" {\n  default = "Enabled"\n}\n');
    const t0 = performance.now();
    const got = await one({ 'main.tf': main });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(got.at).toBe('main.tf:2:13-2:22');
  });
});
