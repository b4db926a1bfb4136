import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { ConfigError, findConfigFile, globToRegExp, loadConfig, matchGlob, parseConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/engine/types.js';
import { lint } from '../../src/api.js';
import { ALL_RULES } from '../../rules/index.js';
import schema from '../../schema/config.schema.json' with { type: 'json' };

const KNOWN = ALL_RULES.map((r) => r.meta);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

async function errors(text: string, file = '/repo/.mlops-iac-lint.jsonc'): Promise<string[]> {
  try {
    await parseConfig(text, file, KNOWN);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).messages;
  }
  throw new Error('expected a ConfigError');
}

function finding(ruleId: string, file: string, level: Finding['level'] = 'error'): Finding {
  const p = { line: 1, column: 1, offset: 0 };
  return { ruleId, level, message: 'm', location: { file, range: { start: p, end: p } }, related: [], fingerprint: ruleId + file, env: 'unknown', variants: ['default'] };
}

describe('schema', () => {
  it('is a valid draft-07 schema with descriptions', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    for (const k of Object.keys(schema.properties)) {
      if (k === 'rules') continue;
      expect((schema.properties as Record<string, { description?: string }>)[k]!.description, k).toBeTruthy();
    }
  });
});

describe('discovery', () => {
  it('walks up from the scanned path and stops at the first file found', async () => {
    const top = write('repo/.mlops-iac-lint.json', '{}');
    const inner = write('repo/infra/.mlops-iac-lint.jsonc', '{ "allowInlineSuppressions": false }');
    write('repo/infra/dev/main.tf', '');
    expect(findConfigFile(path.join(tmp, 'repo/infra/dev'))).toBe(inner);
    expect(findConfigFile(path.join(tmp, 'repo/infra/dev/main.tf'))).toBe(inner);
    expect(findConfigFile(path.join(tmp, 'repo'))).toBe(top);
    const { config, file } = await loadConfig(undefined, path.join(tmp, 'repo/infra/dev'), KNOWN);
    expect(file).toBe(inner);
    expect(config.allowInlineSuppressions).toBe(false);
    expect(config.baseDir).toBe(path.dirname(inner));
  });
  it('.jsonc wins over .json in the same folder', () => {
    write('both/.mlops-iac-lint.json', '{}');
    const jsonc = write('both/.mlops-iac-lint.jsonc', '{}');
    expect(findConfigFile(path.join(tmp, 'both'))).toBe(jsonc);
  });
  it('no file: defaults', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-noconfig-'));
    try {
      const { config, file } = await loadConfig(undefined, dir, KNOWN);
      if (file === undefined) {
        expect(config.allowInlineSuppressions).toBe(true);
        expect(config.ruleOptions.size).toBe(0);
        expect(config.levels.size).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
  it('an explicit path wins; a missing one is a ConfigError', async () => {
    const other = write('elsewhere/custom.json', '{ "ignorePaths": ["x"] }');
    expect((await loadConfig(other, path.join(tmp, 'repo'), KNOWN)).config.ignorePaths).toEqual(['x']);
    await expect(loadConfig(path.join(tmp, 'nope.json'), tmp, KNOWN)).rejects.toThrow(ConfigError);
  });
});

/** `text` with a byte order mark, in UTF-16 LE or BE, or UTF-8 (README "Encoding": how scanned files are decoded). */
function encoded(text: string, encoding: 'utf-16le' | 'utf-16be' | 'utf-8'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(`\uFEFF${text}`, 'utf8');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return encoding === 'utf-16le' ? le : le.swap16();
}

describe('encoding: a config is decoded as the scanned files are (UTF-16 with a BOM: PowerShell 5 `>` or `Out-File`)', () => {
  it.each(['utf-16le', 'utf-16be', 'utf-8'] as const)('a %s config with a BOM applies to the run', async (encoding) => {
    const dir = fs.mkdtempSync(path.join(tmp, `enc-${encoding}-`));
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.jsonc'), encoded('// team policy\n{ "tags": { "required": ["owner"] } }\n', encoding));
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "azurerm_container_registry" "acr" {\n  name = "acr1"\n}\n');
    const r = await lint({ paths: [dir], root: dir, rules: ['TAG001'] });
    expect(r.findings.map((f) => [f.ruleId, path.relative(dir, f.location.file), f.location.range.start.line, f.location.range.start.column, f.level, f.message])).toEqual([
      ['TAG001', 'main.tf', 1, 1, 'warning', 'Resource "acr1" (azurerm_container_registry) has no tags, so it lacks the required tag "owner"; add a tags map with it.'],
    ]);
  });
  it('an error in a UTF-16 config is at its line and column in the decoded text', async () => {
    const file = path.join(fs.mkdtempSync(path.join(tmp, 'enc-bad-')), '.mlops-iac-lint.jsonc');
    fs.writeFileSync(file, encoded('{\n  "tags": { "required": "owner" }\n}\n', 'utf-16le'));
    const e = await loadConfig(file, path.dirname(file), KNOWN).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).messages).toEqual([`${file}:2:25: tags.required: must be an array`]);
  });
});

describe('content', () => {
  it('resolves levels, options, environments, suppressions', async () => {
    const config = await parseConfig(
      `{
        "$schema": "./node_modules/mlops-iac-lint/schema/config.schema.json",
        // comments and trailing commas are fine
        "rules": { "KV001": "off", "AML004": { "level": "error" }, "GOV001": { "options": { "allowedLocations": ["Norway East"] } } },
        "tags": { "required": ["owner", "cost-center"], "costCenter": "kostenstelle" },
        "gpu": { "taint": "nvidia.com/gpu=present:NoSchedule" },
        "environments": { "infra/prod/**": "prod", "*.dev.tfvars": "nonprod" },
        "ignorePaths": ["fixtures/**"],
        "suppressions": [ { "rule": "AML001", "paths": ["infra/dev/**"], "reason": "dev workspace is public" } ],
      }`,
      '/repo/.mlops-iac-lint.jsonc',
      KNOWN,
    );
    // Mapped generically from each rule's meta.options (GOV001 compares locations without case and spaces itself).
    expect(Object.fromEntries(config.ruleOptions)).toEqual({
      TAG001: { required: ['owner', 'cost-center'] },
      TAG002: { costCenter: 'kostenstelle' },
      AKS001: { taint: 'nvidia.com/gpu=present:NoSchedule' },
      K8S001: { taint: 'nvidia.com/gpu=present:NoSchedule' },
      K8S002: { taint: 'nvidia.com/gpu=present:NoSchedule' },
      GOV001: { allowedLocations: ['Norway East'] },
    });
    expect(config.disabledRules()).toEqual(['KV001']);
    expect(config.levels.get('AML004')).toBe('error');
    expect(config.envForPath('/repo/infra/prod/main.tf')).toBe('prod');
    expect(config.envForPath('infra/prod')).toBe('prod');
    expect(config.envForPath('/repo/envs/app.dev.tfvars')).toBe('nonprod');
    expect(config.envForPath('/repo/infra/test/x.tfvars')).toBeUndefined();
    expect(config.envForPath('/elsewhere/infra/prod/main.tf')).toBeUndefined();
    expect(config.isIgnored('/repo/fixtures/bad/main.tf')).toBe(true);
    expect(config.isIgnored('/repo/infra/main.tf')).toBe(false);
  });
  it('policies.parameters: a value in the `{ "value": x }` wrapper of assignment files is x, and each entry knows its place (review 105)', async () => {
    const text = '{\n  "policies": {\n    "parameters": {\n      "ml-pna": { "effect": { "value": "Deny" }, "tags": { "value": ["a"] }, "rule": { "value": 1, "other": 2 } }\n    }\n  }\n}\n';
    const config = await parseConfig(text, '/repo/.mlops-iac-lint.json', KNOWN);
    // Only an object with the one key `value` is a wrapper.
    expect(config.policies.parameters).toEqual({ 'ml-pna': { effect: 'Deny', tags: ['a'], rule: { value: 1, other: 2 } } });
    // The entry's key; a parameter's name; its value (inside the wrapper).
    expect(config.policies.placeOf?.('ml-pna')).toBe('/repo/.mlops-iac-lint.json:4:7');
    expect(config.policies.placeOf?.('ml-pna', 'effect')).toBe('/repo/.mlops-iac-lint.json:4:19');
    expect(config.policies.placeOf?.('ml-pna', 'effect', true)).toBe('/repo/.mlops-iac-lint.json:4:40');
  });
  it('first matching environment glob wins', async () => {
    const config = await parseConfig('{ "environments": { "infra/prod-like/**": "nonprod", "infra/prod*/**": "prod" } }', '/r/.mlops-iac-lint.json', KNOWN);
    expect(config.envForPath('infra/prod-like/a.tfvars')).toBe('nonprod');
    expect(config.envForPath('infra/prod-eu/a.tfvars')).toBe('prod');
  });
  it('path-scoped suppressions are external, honour until, report unused', async () => {
    const config = await parseConfig(
      '{ "suppressions": [ { "rule": "AML001", "paths": ["infra/dev/**"], "reason": "dev" }, { "rule": "KV001", "paths": ["**"], "reason": "old", "until": "2020-01-01" }, { "rule": "ST001", "paths": ["nowhere"], "reason": "r" } ] }',
      '/repo/.mlops-iac-lint.json',
      KNOWN,
    );
    const { findings, unused } = config.applySuppressions([finding('AML001', '/repo/infra/dev/main.tf'), finding('AML001', '/repo/infra/prod/main.tf'), finding('KV001', '/repo/infra/dev/main.tf')], '2025-06-01');
    expect(findings.map((f) => f.suppression)).toEqual([{ kind: 'external', justification: 'dev' }, undefined, undefined]);
    expect(unused.map((u) => u.rule)).toEqual(['ST001']);
  });
  it('applies levels and drops off rules', async () => {
    const config = await parseConfig('{ "rules": { "KV001": "off", "AML001": "note" } }', '/r/.mlops-iac-lint.json', KNOWN);
    const out = config.applyLevels([finding('KV001', '/r/a.tf'), finding('AML001', '/r/a.tf'), finding('ST001', '/r/a.tf')]);
    expect(out.map((f) => [f.ruleId, f.level])).toEqual([
      ['AML001', 'note'],
      ['ST001', 'error'],
    ]);
  });
});

describe('invalid config: one message per problem with file:line:column', () => {
  it('invalid JSON', async () => {
    expect(await errors('{\n  "rules": {\n    "KV001": "off"\n  \n')).toEqual(["/repo/.mlops-iac-lint.jsonc:5:1: invalid JSON: Expected a closing '}' here"]);
    expect((await errors('{ "rules" "x" }'))[0]).toMatch(/^\/repo\/\.mlops-iac-lint\.jsonc:1:11: invalid JSON: Expected a colon/);
  });
  it('schema violations point at the offending value or key', async () => {
    const text = [
      '{',
      '  "rules": { "KV001": "fatal", "kv001": "off", "XYZ001": "note", "AML001": { "level": "warn" }, "ST001": { "options": { "x": 1 } }, "TAG001": { "options": { "bogus": 1 } } },',
      '  "tags": { "required": "owner" },',
      '  "gpu": { "taint": "gpu" },',
      '  "environments": { "infra/prod/**": "production" },',
      '  "suppressions": [ { "rule": "AML001", "paths": [], "until": "2025-1-1" }, { "rule": "NOPE001", "paths": ["a"], "reason": "r", "until": "2025-02-30" } ],',
      '  "allowInlineSuppressions": "no",',
      '  "extra": 1',
      '}',
    ].join('\n');
    const f = '/repo/.mlops-iac-lint.jsonc';
    const lines = text.split('\n');
    // Position of the n-th occurrence of `needle` on a 1-based line.
    const at = (line: number, needle: string, nth = 1): string => {
      let col = -1;
      for (let i = 0; i < nth; i++) col = lines[line - 1]!.indexOf(needle, col + 1);
      expect(col, needle).toBeGreaterThanOrEqual(0);
      return `${f}:${line}:${col + 1}`;
    };
    expect(await errors(text)).toEqual([
      `${at(2, '"fatal"')}: rules.KV001: must be one of "error", "warning", "note", "off"`,
      `${at(2, '"kv001"')}: rules.kv001: 'kv001' is not a rule ID (write it in capitals: 'KV001')`,
      `${at(2, '"XYZ001"')}: rules.XYZ001: unknown rule ID 'XYZ001'`,
      `${at(2, '"warn"')}: rules.AML001.level: must be one of "error", "warning", "note", "off"`,
      `${at(2, '{ "x"')}: rules.ST001.options: ST001 takes no options`,
      // One line for an unknown option of a known rule (review 74: the schema's "unknown property" came too).
      `${at(2, '"bogus"')}: rules.TAG001.options.bogus: TAG001 has no option 'bogus' (it has required)`,
      `${at(3, '"owner"')}: tags.required: must be an array`,
      `${at(4, '"gpu" }')}: gpu.taint: must be a taint key=value:Effect (Effect: NoSchedule, PreferNoSchedule or NoExecute)`,
      `${at(5, '"production"')}: environments["infra/prod/**"]: must be one of "prod", "nonprod", "unknown"`,
      `${at(6, '{ "rule"')}: suppressions[0]: missing required property 'reason'`,
      `${at(6, '[]')}: suppressions[0].paths: must have at least 1 item`,
      `${at(6, '"2025-1-1"')}: suppressions[0].until: must be a date YYYY-MM-DD`,
      `${at(6, '"NOPE001"')}: suppressions[1].rule: unknown rule ID 'NOPE001'`,
      `${at(6, '"2025-02-30"')}: suppressions[1].until: '2025-02-30' is not a real date`,
      `${at(7, '"no"')}: allowInlineSuppressions: must be a boolean`,
      `${at(8, '"extra"')}: unknown property 'extra'`,
    ]);
  });
  it('a glob the matcher cannot compile (a reversed range) is a configuration error at its place, not a crash', async () => {
    expect(
      await errors('{ "ignorePaths": ["[z-a]"], "environments": { "[b-a]/**": "prod" }, "suppressions": [{ "rule": "KV001", "paths": ["x/[!]"], "reason": "r" }], "policies": { "definitions": ["[z-a].json"] } }'),
    ).toEqual([
      "/repo/.mlops-iac-lint.jsonc:1:19: ignorePaths[0]: '[z-a]' is not a usable glob (invalid character class range: `z-a`)",
      '/repo/.mlops-iac-lint.jsonc:1:59: environments["[b-a]/**"]: \'[b-a]/**\' is not a usable glob (invalid character class range: `b-a`)',
      "/repo/.mlops-iac-lint.jsonc:1:115: suppressions[0].paths[0]: 'x/[!]' is not a usable glob (a character class in it is not valid)",
      "/repo/.mlops-iac-lint.jsonc:1:173: policies.definitions[0]: '[z-a].json' is not a usable glob (invalid character class range: `z-a`)",
    ]);
  });
  it('an option given twice', async () => {
    expect(await errors('{ "tags": { "required": ["a"] }, "rules": { "TAG001": { "options": { "required": ["b"] } } } }')).toEqual([
      "/repo/.mlops-iac-lint.jsonc:1:82: rules.TAG001.options.required: also set as tags.required; set it once",
    ]);
  });
  it('ConfigError message lists every problem', async () => {
    try {
      await parseConfig('{ "extra": 1, "more": 2 }', '/r/c.json', KNOWN);
    } catch (e) {
      expect((e as Error).message).toBe("invalid config file /r/c.json:\n  /r/c.json:1:3: unknown property 'extra'\n  /r/c.json:1:15: unknown property 'more'");
    }
  });
});

describe('globs', () => {
  it.each([
    ['infra/dev/**', 'infra/dev/main.tf', true],
    ['infra/dev/**', 'infra/dev', true],
    ['infra/dev/**', 'infra/devx/main.tf', false],
    ['infra/*/main.tf', 'infra/prod/main.tf', true],
    ['infra/*/main.tf', 'infra/a/b/main.tf', false],
    ['infra/**/main.tf', 'infra/main.tf', true],
    ['infra/**/main.tf', 'infra/a/b/main.tf', true],
    ['prod', 'envs/prod/x.tfvars', true],
    ['prod', 'envs/production/x.tfvars', false],
    ['*.tfvars', 'a/b/c.tfvars', true],
    ['/*.tfvars', 'a/c.tfvars', false],
    ['/*.tfvars', 'c.tfvars', true],
    ['env-?.tfvars', 'env-1.tfvars', true],
    ['{dev,test}/**', 'test/a.tf', true],
    ['{dev,test}/**', 'prod/a.tf', false],
    ['[dp]*', 'dev', true],
    ['a.b', 'axb', false],
    ['./infra/', 'infra/x', true],
  ])('%s vs %s → %s', (glob, p, expected) => {
    expect(matchGlob(glob, p)).toBe(expected);
  });
  it('compiles once', () => {
    expect(globToRegExp('a/**')).toBe(globToRegExp('a/**'));
  });
});
