// Generates a large Terraform plan JSON, shaped like `terraform show -json` output (one line;
// planned_values, resource_changes, prior_state and configuration, the values repeated in each),
// for the plan memory budget (issue "See what the deployment sees", item 8: a 200 MB plan lints
// within bounded memory). Not committed output: write it under /tmp.
//
//   node bench/plan-generator.mjs /tmp/bigplan/plan.json 200 [schema-width]
//
// `schema-width` (default 60): the attributes of each resource's `after`. Terraform writes every
// attribute of the provider schema, `null` when unset (an azurerm_storage_account has about 60
// top-level ones), so real resources are wide; 0 writes only the set ones (a dense worst case:
// about four times as many resources in the same 200 MB).
//   /usr/bin/time -v node dist/cli.js /tmp/bigplan/plan.json --format json > /dev/null
import fs from 'node:fs';
import path from 'node:path';

const [out = '/tmp/bigplan/plan.json', mbArg = '200', widthArg = '60'] = process.argv.slice(2);
const width = Number(widthArg);
const targetBytes = Number(mbArg) * 1024 * 1024;
fs.mkdirSync(path.dirname(out), { recursive: true });
const fd = fs.openSync(out, 'w');
let written = 0;
const w = (s) => {
  written += Buffer.byteLength(s);
  fs.writeSync(fd, s);
};

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';
const tags = (i) => ({ environment: 'prod', 'cost-center': `cc-${i % 97}`, owner: `team-${i % 13}@example.com` });
const TYPES = [
  (i) => ['azurerm_key_vault', { name: `kv-${i}`, location: 'westeurope', resource_group_name: 'rg-ml', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard', purge_protection_enabled: i % 3 !== 0, soft_delete_retention_days: 90, rbac_authorization_enabled: true, public_network_access_enabled: i % 5 === 0, network_acls: [{ bypass: 'AzureServices', default_action: 'Deny', ip_rules: [], virtual_network_subnet_ids: [] }], tags: tags(i) }],
  (i) => ['azurerm_storage_account', { name: `st${i}`, location: 'westeurope', resource_group_name: 'rg-ml', account_tier: 'Standard', account_replication_type: 'ZRS', min_tls_version: i % 7 === 0 ? 'TLS1_0' : 'TLS1_2', allow_nested_items_to_be_public: false, primary_access_key: 'c2VjcmV0'.repeat(11), blob_properties: [{ versioning_enabled: true, delete_retention_policy: [{ days: 7 }] }], tags: tags(i) }],
  (i) => ['azurerm_machine_learning_compute_cluster', { name: `cpu-${i}`, location: 'westeurope', vm_size: i % 4 === 0 ? 'Standard_NC24ads_A100_v4' : 'Standard_D4s_v3', vm_priority: 'Dedicated', machine_learning_workspace_id: `${SUB}/providers/Microsoft.MachineLearningServices/workspaces/mlw`, scale_settings: [{ min_node_count: i % 6 === 0 ? 1 : 0, max_node_count: 4, scale_down_nodes_after_idle_duration: 'PT30M' }], node_public_ip_enabled: false, tags: tags(i) }],
  (i) => ['azurerm_role_assignment', { scope: `${SUB}/providers/Microsoft.Storage/storageAccounts/st${i}`, role_definition_name: 'Storage Blob Data Reader', principal_id: '11111111-1111-1111-1111-111111111111', principal_type: 'ServicePrincipal', skip_service_principal_aad_check: false }],
  (i) => ['azurerm_private_endpoint', { name: `pe-${i}`, location: 'westeurope', resource_group_name: 'rg-ml', subnet_id: `${SUB}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, private_service_connection: [{ name: `psc-${i}`, is_manual_connection: false, private_connection_resource_id: `${SUB}/providers/Microsoft.KeyVault/vaults/kv-${i}`, subresource_names: ['vault'] }], private_dns_zone_group: [{ name: 'default', private_dns_zone_ids: [`${SUB}/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`] }], tags: tags(i) }],
  (i) => ['azapi_resource', { type: 'Microsoft.MachineLearningServices/workspaces@2024-04-01', name: `mlw-${i}`, parent_id: SUB, location: 'westeurope', body: { properties: { publicNetworkAccess: i % 2 ? 'Disabled' : 'Enabled', hbiWorkspace: false, v1LegacyMode: false }, sku: { name: 'Basic' } }, tags: tags(i) }],
];

/** The unset attributes of the provider schema, as `null` (names are made up; the count is what matters). */
const UNSET = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`optional_attribute_${k}`, null]));
const resource = (i) => {
  const [type, set] = TYPES[i % TYPES.length](i);
  const after = { ...set };
  for (const k of Object.keys(UNSET).slice(0, Math.max(0, width - Object.keys(set).length))) after[k] = null;
  const team = `t-${Math.floor(i / 60)}.ml`;
  const moduleAddress = `module.team["${team}"]`;
  const name = `r${i % 60}`;
  return { type, after, moduleAddress, name, address: `${moduleAddress}.${type}.${name}[0]` };
};

w('{"format_version":"1.2","terraform_version":"1.9.5","variables":{"environment":{"value":"prod"},"location":{"value":"westeurope"}},');
// planned_values (a third of the budget), resource_changes (half), prior_state (the rest).
const share = (f) => Math.floor(targetBytes * f);
const section = (open, close, until, item) => {
  w(open);
  let i = 0;
  while (written < until) {
    w((i ? ',' : '') + JSON.stringify(item(resource(i))));
    i++;
  }
  w(close);
  return i;
};
section('"planned_values":{"root_module":{"child_modules":[{"address":"module.team","resources":[', ']}]}},', share(0.3), (r) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, index: 0, provider_name: 'registry.terraform.io/hashicorp/azurerm', schema_version: 0, values: r.after, sensitive_values: {} }));
const n = section('"resource_changes":[', '],', share(0.85), (r) => ({
  address: r.address,
  module_address: r.moduleAddress,
  mode: 'managed',
  type: r.type,
  name: r.name,
  index: 0,
  provider_name: 'registry.terraform.io/hashicorp/azurerm',
  change: { actions: ['update'], before: r.after, after: r.after, after_unknown: {}, before_sensitive: { primary_access_key: true }, after_sensitive: { primary_access_key: true } },
}));
section('"prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[', ']}}},', share(0.99), (r) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, values: r.after }));
w('"configuration":{"root_module":{"module_calls":{"team":{"source":"./modules/team","for_each_expression":{"references":["local.teams"]},"module":{"resources":[]}}}}},"timestamp":"2026-12-01T00:00:00Z","applyable":true,"complete":true,"errored":false}\n');
fs.closeSync(fd);
console.log(`${out}: ${(written / 1024 / 1024).toFixed(1)} MB, ${n} resource changes`);
