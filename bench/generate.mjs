// Generated inputs for the benchmark (issue #12): the shapes that once grew with the square of
// their size. Each generator writes into a fresh folder and returns its path and size, so
// `npm run bench` can compare their per-byte rate with the corpus rate.
//   arm-38k:        one ~27 MB ARM template with 38,000 resources of one kind (every resource
//                   written out, with expressions, dependsOn chains and resourceId() calls);
//   tf-20k:         20,000 .tf files in one folder, one module;
//   long-line:      a shell script and a workflow `run:` block whose line ends in 256,000 blanks;
//   heredocs:       a shell script writing 3,000 Azure ML compute YAML files with heredocs;
//   plan-token:     a plan JSON whose one resource holds a 40 MB string (streamed, chunk by chunk).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function fresh(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mil-bench-${name}-`));
}

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
  }
  return { bytes, files };
}

/**
 * One ARM template with `n` resources, all network security groups (one resource kind: the
 * shape whose per-kind grouping was quadratic), each written out with an inline rule,
 * expressions and a dependsOn chain through resourceId().
 */
export function armTemplate(n = 38_000) {
  const dir = fresh('arm');
  const resources = [];
  for (let i = 0; i < n; i++) {
    resources.push({
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-04-01',
      name: `[concat(parameters('prefix'), '-nsg-', '${i}')]`,
      location: "[parameters('location')]",
      dependsOn: i > 0 ? [`[resourceId('Microsoft.Network/networkSecurityGroups', concat(parameters('prefix'), '-nsg-', '${i - 1}'))]`] : [],
      properties: {
        securityRules: [
          {
            name: `rule-${i}`,
            properties: {
              priority: 100 + (i % 3000), direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
              sourceAddressPrefix: i % 2 ? '10.0.0.0/8' : 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: `${1024 + (i % 60000)}`,
            },
          },
        ],
      },
    });
  }
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      prefix: { type: 'string', defaultValue: 'bench' },
      location: { type: 'string', defaultValue: 'westeurope' },
    },
    resources,
  };
  fs.writeFileSync(path.join(dir, 'azuredeploy.json'), JSON.stringify(template, null, '\t'));
  return { dir, ...sizeOf(dir) };
}

/** `n` .tf files in one folder (one module): a resource each, reading variables and locals. */
export function terraformFolder(n = 20_000) {
  const dir = fresh('tf');
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `terraform {\n  required_providers {\n    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "~> 3.100"\n    }\n  }\n}\n\nprovider "azurerm" {\n  features {}\n}\n\nvariable "prefix" {\n  type    = string\n  default = "bench"\n}\n\nlocals {\n  location = "westeurope"\n  tags     = { "cost-center" = "bench" }\n}\n`,
  );
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(
      path.join(dir, `st${i}.tf`),
      `resource "azurerm_storage_account" "st${i}" {\n  name                     = "\${var.prefix}st${i}"\n  resource_group_name      = "rg"\n  location                 = local.location\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n  min_tls_version          = "TLS1_2"\n  tags                     = local.tags\n}\n`,
    );
  }
  return { dir, ...sizeOf(dir) };
}

/** A shell script and a workflow whose `run:` line ends in `blanks` spaces. */
export function longLine(blanks = 256_000) {
  const dir = fresh('line');
  const line = 'az ml workspace create --name ws' + ' '.repeat(blanks);
  fs.writeFileSync(path.join(dir, 'deploy.sh'), `#!/bin/bash\n${line}\necho done\n`);
  fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.github/workflows/deploy.yml'),
    `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          ${line}\n          echo done\n`,
  );
  return { dir, ...sizeOf(dir) };
}

/** A script that writes `n` compute YAML files with heredocs and creates each (every heredoc is read as Azure ML YAML). */
export function heredocScript(n = 3_000) {
  const dir = fresh('heredocs');
  const lines = ['#!/bin/bash'];
  for (let i = 0; i < n; i++) {
    // Every other one `<<-` with tab-indented lines (its tabs are stripped).
    const t = i % 2 ? '\t' : '';
    lines.push(`cat > compute-${i}.yml <<${t ? '-' : ''}EOF`, ...['$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json', `name: gpu-${i}`, 'type: amlcompute', 'size: Standard_NC6s_v3', 'min_instances: 0', 'max_instances: 2', 'EOF'].map((l) => t + l));
    lines.push(`az ml compute create --file compute-${i}.yml --resource-group rg --workspace-name ws`);
  }
  fs.writeFileSync(path.join(dir, 'deploy.sh'), lines.join('\n') + '\n');
  return { dir, ...sizeOf(dir) };
}

/** A plan JSON (streamed: no size cap) whose one resource change holds a string of `n` characters. */
export function planLongToken(n = 40_000_000) {
  const dir = fresh('plan-token');
  const head = '{"format_version":"1.2","resource_changes":[{"address":"azurerm_container_registry.a","mode":"managed","type":"azurerm_container_registry","name":"a","change":{"actions":["create"],"after":{"admin_enabled":true,';
  fs.writeFileSync(path.join(dir, 'plan.json'), `${head}"s":"${'a'.repeat(n)}"}}}]}`);
  return { dir, ...sizeOf(dir) };
}

export const GENERATED = {
  'arm-38k (one 27 MB ARM template, 38,000 resources of one kind)': armTemplate,
  'tf-20k (20,000 .tf files in one folder)': terraformFolder,
  'long-line (a 256,000-character script line, as .sh and as run:)': longLine,
  'heredocs (a script writing 3,000 compute YAML files with heredocs, half of them <<-)': heredocScript,
  'plan-token (a plan JSON with one 40 MB string)': planLongToken,
};
