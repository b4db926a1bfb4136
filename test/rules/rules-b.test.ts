/**
 * Unit tests for ACR001, ACR002, ST001, ST002, NET001, TF003, SEC001, TAG001, GOV001 beyond
 * the fixtures: messages (one line, never the secret), the SEC001 name
 * and placeholder matchers and its ARM/Bicep parameter logic, the NET001 port matcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ALL_RULES } from '../../rules/index.js';
import { FIXTURES, legacyRuleOptions, loadRule } from '../support/fixtures.js';
import { isPlaceholder, looksSecret } from '../../rules/secrets/SEC001-hardcoded-secret.js';
import { adminPortsIn } from '../../src/model/facts/network.js';
import { normalizeLocation } from '../../rules/governance/GOV001-location-not-allowed.js';
import type { Graph, ReportDescriptor as Report } from '../../src/engine/types.js';
import type { Evaluation, InputDecl } from '../../src/model/resource.js';
import type { Location } from '../../src/core/source.js';
import { fromJS, obj, str } from '../../src/core/value.js';
import { formatMessage } from '../../src/engine/findings.js';


async function run(id: string, rel: string) {
  const dir = path.join(FIXTURES, id, rel);
  const spec = fs.existsSync(path.join(dir, 'expect.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8')) : {};
  const rule = (await loadRule(id))!;
  const ruleSet = ALL_RULES.some((r) => r.meta.id === id) ? ALL_RULES : [...ALL_RULES, rule];
  const result = await lint({ paths: [dir], root: dir, rules: [id], ruleSet, ruleOptions: legacyRuleOptions(spec.options?.ruleOptions) });
  return result.findings.filter((f) => f.ruleId === id);
}


describe('rules-b messages', () => {
  const cases: [string, string, RegExp][] = [
    ['ACR001', 'terraform/bad/admin-true', /"acrmldemo" enables the shared admin user \(admin_enabled is true\)/],
    ['ACR002', 'terraform/bad/private-endpoint-standard', /private endpoint "pe-acr" \(group registry\) targets it.*SKU is "Standard"/],
    ['ST001', 'terraform/bad/absent-default-true', /allow_nested_items_to_be_public is not set \(defaults to true\)/],
    ['ST002', 'azapi/bad/tls1_0', /minimumTlsVersion is "TLS1_0"/],
    ['NET001', 'terraform/bad/inline-range-20-25', /"range" of NSG "nsg-ml" allows inbound SSH \(22\) from "0.0.0.0\/0"/],
    ['NET001', 'terraform/bad/inline-port-star-any', /SSH \(22\) and RDP \(3389\)/],
    ['TF003', 'terraform/bad/missing-entry-root', /Provider "azurerm" is used here but has no required_providers entry/],
    ['TAG001', 'terraform/bad/literal-missing-one', /lacks the required tag "cost-center"/],
    ['TAG001', 'terraform/bad/no-tags', /has no tags, so it lacks the required tags "owner", "cost-center"/],
    ['GOV001', 'terraform/bad/display-name', /"West Europe", which is not an allowed location \(norwayeast, norwaywest\)/],
  ];
  for (const [id, rel, re] of cases) {
    it(`${id} ${rel}`, async () => {
      const f = await run(id, rel);
      expect(f.length).toBeGreaterThan(0);
      expect(f[0]!.message).toMatch(re);
      for (const x of f) expect(x.message).not.toContain('\n');
    });
  }
});

describe('SEC001', () => {
  const secrets: [string, string[]][] = [
    ['terraform/bad/resource-literal', ['S3cr3t-Pa55w0rd!']],
    ['terraform/bad/variable-default', ['S3cr3t-Pa55w0rd!']],
    ['terraform/bad/unused-variable-default-camelcase', ['Sup3rS3cret', 'bXlrZXk=']],
    ['terraform/bad/tfvars-not-a-variant', ['abc~DEF123ghi']],
    ['terraform/bad/tfvars-variant-and-auto', ['Pr0dPassw0rd', 'k-123456']],
    ['terraform/bad/module-argument', ['M0dul3Secret']],
    ['terraform/bad/nested-block-and-connection-string', ['spn-secret-value', 'AccountKey=abc==']],
    ['azapi/bad/body-literal', ['S3cr3t-Pa55w0rd!']],
  ];
  for (const [rel, values] of secrets) {
    it(`never prints the secret: ${rel}`, async () => {
      const f = await run('SEC001', rel);
      expect(f.length).toBeGreaterThan(0);
      for (const x of f) {
        for (const v of values) {
          expect(x.message).not.toContain(v);
          for (const l of x.related) expect(l.label ?? '').not.toContain(v);
        }
        expect(x.message).toContain('value not shown');
      }
    });
  }

  it('matches secret-looking names, also camelCase, and not their metadata', () => {
    for (const n of ['password', 'admin_password', 'adminPassword', 'ADMIN_PASSWORD', 'client_secret', 'clientSecret', 'storage_access_key', 'accessKey', 'primary_connection_string', 'connectionString', 'sas_token', 'sasToken', 'SASToken', 'api_key', 'apiKey', 'APIKey', 'apikey', 'dbpassword', 'secret', 'secrets', 'administrator_login_password', 'password_value'])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['secret_name', 'secretName', 'key_vault_secret_id', 'password_length', 'secret_permissions', 'disable_password_authentication', 'client_id', 'access_policy', 'key_name', 'api_version', 'connection_timeout', 'token_lifetime', 'name'])
      expect(looksSecret(n), n).toBe(false);
  });

  it('ignores placeholders and references', () => {
    for (const v of ['', '  ', 'changeme', 'CHANGEME', 'change-me', 'change_me', 'replace-me', 'REPLACE_ME', '<password>', '<your-secret-here>', 'TODO', 'todo', 'xxx', 'XXXXXXXX', '****', '********', '${DB_PASSWORD}', 'pre${X}post', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)', 'https://kv.vault.azure.net/secrets/x/1', "[parameters('x')]", '#{DbPassword}#', '__DB_PASSWORD__', '$(DbPassword)', '{{ db_password }}'])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(true);
    for (const v of ['S3cr3t!', 'hunter2', 'changeme123', 'P@ssw0rd', 'xx', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b=='])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(false);
  });

  // ARM/Bicep inputs (InputDecl kind arm-parameter / bicep-param) through a hand-built graph.
  const loc = (line: number, file = '/t/azuredeploy.json'): Location => ({ file, range: { start: { line, column: 5, offset: line * 100 }, end: { line, column: 20, offset: line * 100 + 15 } } });
  function graphWith(inputs: InputDecl[]): Graph {
    const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: '/t/azuredeploy.json', inputs };
    return { resources: [], evaluation, ofKind: () => [], target: () => undefined, referrers: () => [], resolve: () => undefined };
  }
  async function reportsFor(inputs: InputDecl[]): Promise<(Report & { message: string })[]> {
    const rule = (await loadRule('SEC001'))!;
    const out: Report[] = [];
    const options = {};
    rule.create({ options, fact: () => { throw new Error('not used'); }, undecided: () => undefined, report: (r) => out.push(r) }).graph!(graphWith(inputs));
    // The message as the engine fills it from meta.messages.
    return out.map((r) => ({ ...r, message: formatMessage('SEC001', r.messageId!, rule.meta.messages?.[r.messageId!], r.data) }));
  }

  it('reports ARM parameters with secret names typed string, at the parameter', async () => {
    const r = await reportsFor([
      { name: 'adminPassword', kind: 'arm-parameter', header: loc(5), type: 'string' },
      { name: 'clientSecret', kind: 'arm-parameter', header: loc(9), type: 'securestring', secure: true },
      { name: 'sqlPassword', kind: 'bicep-param', header: loc(3, '/t/main.bicep'), type: 'string', secure: true },
      { name: 'storageName', kind: 'arm-parameter', header: loc(12), type: 'string' },
      { name: 'apiKey', kind: 'bicep-param', header: loc(4, '/t/main.bicep'), type: 'string' },
    ]);
    expect(r.map((x) => x.location!.range.start.line)).toEqual([5, 4]);
    expect(r[0]!.message).toMatch(/"adminPassword" .*typed string.*securestring/);
    expect(r[1]!.message).toMatch(/@secure\(\)/);
  });

  it('reports ARM defaultValue and parameter-file literals, not Key Vault references or placeholders', async () => {
    const r = await reportsFor([
      { name: 'adminPassword', kind: 'arm-parameter', header: loc(5), type: 'securestring', secure: true, defaultValue: str('Arm-D3fault!', loc(7)) },
      { name: 'clientSecret', kind: 'arm-parameter', header: loc(9), type: 'securestring', secure: true, assigned: str('Param-F1le!', loc(4, '/t/azuredeploy.parameters.json')) },
      {
        name: 'sqlPassword', kind: 'arm-parameter', header: loc(11), type: 'securestring', secure: true,
        assigned: obj({ reference: fromJS({ keyVault: { id: '/subscriptions/x/vaults/kv' }, secretName: 'sql-password' }, loc(6, '/t/azuredeploy.parameters.json')) }, loc(6, '/t/azuredeploy.parameters.json')),
      },
      { name: 'sasToken', kind: 'arm-parameter', header: loc(13), type: 'securestring', secure: true, defaultValue: str('', loc(14)) },
      { name: 'apiKey', kind: 'arm-parameter', header: loc(15), type: 'securestring', secure: true, defaultValue: str('<set-me>', loc(16)) },
    ]);
    expect(r.map((x) => [path.basename(x.location!.file), x.location!.range.start.line])).toEqual([
      ['azuredeploy.json', 7],
      ['azuredeploy.parameters.json', 4],
    ]);
    for (const x of r) {
      expect(x.message).not.toContain('Arm-D3fault!');
      expect(x.message).not.toContain('Param-F1le!');
    }
  });

  it('reports a location once across evaluations (variants)', async () => {
    const rule = (await loadRule('SEC001'))!;
    const out: Report[] = [];
    const v = rule.create({ options: {}, fact: () => { throw new Error('not used'); }, undecided: () => undefined, report: (r) => out.push(r) });
    const inputs: InputDecl[] = [{ name: 'adminPassword', kind: 'arm-parameter', header: loc(5), type: 'securestring', secure: true, defaultValue: str('Arm-D3fault!', loc(7)) }];
    v.graph!(graphWith(inputs));
    v.graph!(graphWith(inputs));
    expect(out).toHaveLength(1);
  });
});

describe('NET001 ports', () => {
  it('finds 22 and 3389 in single ports, ranges and *', () => {
    expect(adminPortsIn('22')).toEqual([22]);
    expect(adminPortsIn('3389')).toEqual([3389]);
    expect(adminPortsIn('20-25')).toEqual([22]);
    expect(adminPortsIn('1-65535')).toEqual([22, 3389]);
    expect(adminPortsIn('*')).toEqual([22, 3389]);
    expect(adminPortsIn('Any')).toEqual([22, 3389]);
    expect(adminPortsIn('23-3388')).toEqual([]);
    expect(adminPortsIn('443')).toEqual([]);
    expect(adminPortsIn('2222')).toEqual([]);
  });
});

describe('GOV001 locations', () => {
  it('normalizes display names', () => {
    expect(normalizeLocation('Norway East')).toBe('norwayeast');
    expect(normalizeLocation('NorwayEast')).toBe('norwayeast');
    expect(normalizeLocation('norwayeast')).toBe('norwayeast');
  });
});
