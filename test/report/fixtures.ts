/**
 * Hand-built LintResults for the reporter tests.
 */
import type { LintResult, Notification } from '../../src/engine/result.js';
import type { Finding, RuleMeta } from '../../src/engine/types.js';
import { LineMap, type Location } from '../../src/core/source.js';

export const ROOT = '/repo';

export const MAIN_TF = `${ROOT}/envs/prod/main.tf`;
export const PROD_TFVARS = `${ROOT}/envs/prod.tfvars`;
export const WORKFLOW = `${ROOT}/.github/workflows/deploy.yml`;
export const BROKEN_TF = `${ROOT}/modules/gpu/broken.tf`;

export const SOURCES: Record<string, string> = {
  [MAIN_TF]: [
    'resource "azurerm_machine_learning_workspace" "main" {',
    '  name                          = "mlw-prod"',
    '  public_network_access_enabled = var.public_access',
    '}',
    '',
    'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {',
    '  name    = "gpu"',
    '\tvm_size = "Standard_D16s_v5"',
    '}',
    '',
  ].join('\n'),
  [PROD_TFVARS]: ['location      = "westeurope"', 'public_access = true', ''].join('\n'),
  [WORKFLOW]: ['on: push', 'jobs:', '  deploy:', '    steps:', '      - uses: azure/login@main', ''].join('\n'),
  [BROKEN_TF]: ['resource "x" "y" {', '  a = ', ''].join('\n'),
};

/** A location in one of the fixture files (offsets computed from its source when known). */
export function loc(file: string, line: number, column: number, endLine: number, endColumn: number, label?: string): Location {
  const text = SOURCES[file];
  const map = text === undefined ? undefined : new LineMap(text);
  const off = (l: number, c: number) => (map ? map.offsetOf(l, c) : 0);
  const l: Location = {
    file,
    range: {
      start: { line, column, offset: off(line, column) },
      end: { line: endLine, column: endColumn, offset: off(endLine, endColumn) },
    },
  };
  if (label !== undefined) l.label = label;
  return l;
}

export const RULES: RuleMeta[] = [
  {
    id: 'AML001',
    name: 'workspace-public-network-access',
    shortDescription: 'Azure ML workspace reachable from the public internet.',
    fullDescription: 'A workspace with public network access accepts requests from anywhere.',
    help: 'Set `public_network_access_enabled = false` and reach the workspace through a private endpoint.',
    level: { prod: 'error', nonprod: 'note', unknown: 'warning' },
    tags: ['security', 'network'],
    securitySeverity: 7.5,
    formats: ['terraform', 'arm'],
    docPath: 'rules/aml/AML001-workspace-public-network-access.md',
  },
  {
    id: 'GPU001',
    name: 'gpu-workload-on-non-gpu-size',
    shortDescription: 'GPU workload on a size that is not a GPU size.',
    fullDescription: 'A pool meant for GPU work uses a CPU size: jobs never get a GPU and the pool bills anyway.',
    help: 'Use a GPU size (Standard_NC*, Standard_ND*, Standard_NG*, Standard_NV*).',
    level: 'error',
    tags: ['cost', 'correctness'],
    formats: ['terraform'],
    docPath: 'rules/gpu/GPU001-gpu-workload-on-non-gpu-size.md',
  },
  {
    id: 'CI004',
    name: 'action-not-pinned',
    shortDescription: 'Third-party action used at a branch.',
    fullDescription: 'A branch ref can change under you; a tag or a full SHA cannot.',
    help: 'Pin the action to a tag or, better, a full commit SHA.',
    level: 'warning',
    tags: ['security', 'supply-chain'],
    securitySeverity: 5,
    formats: ['github-actions'],
    docPath: 'rules/ci/CI004-action-not-pinned.md',
  },
  {
    id: 'AML004',
    name: 'compute-cluster-min-nodes',
    shortDescription: 'AML compute cluster that never scales to zero.',
    fullDescription: 'Nodes above zero bill while idle.',
    help: 'Set `min_node_count = 0`.',
    level: { prod: 'note', nonprod: 'warning', unknown: 'warning' },
    tags: ['cost'],
    formats: ['terraform'],
    docPath: '',
  },
  {
    id: 'KV001',
    name: 'keyvault-purge-protection',
    shortDescription: 'Key Vault without purge protection.',
    fullDescription: 'Without purge protection a deleted vault and its keys can be purged immediately.',
    help: 'Set `purge_protection_enabled = true`.',
    level: { prod: 'error', nonprod: 'off', unknown: 'warning' },
    tags: ['security'],
    securitySeverity: 6.1,
    formats: ['terraform'],
    docPath: '',
  },
];

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'level' | 'message' | 'location'>): Finding {
  return {
    related: [],
    fingerprint: `fp-${partial.ruleId}-${partial.location.file.split('/').pop()}`,
    env: 'prod',
    variants: [],
    ...partial,
  };
}

export const F_AML001 = finding({
  ruleId: 'AML001',
  level: 'error',
  message: 'Azure ML workspace "main" is reachable from the public internet.',
  location: loc(MAIN_TF, 3, 3, 3, 52),
  related: [loc(PROD_TFVARS, 2, 17, 2, 21, 'value set in prod.tfvars')],
  address: 'azurerm_machine_learning_workspace.main',
  attributePath: 'public_network_access_enabled',
  variants: ['prod.tfvars', 'defaults'],
  fingerprint: 'a1b2c3',
});

export const F_GPU001 = finding({
  ruleId: 'GPU001',
  level: 'error',
  message: 'Node pool "gpu" is meant for GPU work but vm_size is Standard_D16s_v5: 100% CPU, <no GPU> | a,b',
  location: loc(MAIN_TF, 8, 12, 8, 30),
  address: 'azurerm_kubernetes_cluster_node_pool.gpu',
  fingerprint: 'd4e5f6',
  env: 'unknown',
});

export const F_CI004 = finding({
  ruleId: 'CI004',
  level: 'warning',
  message: 'azure/login is used at branch "main".',
  location: loc(WORKFLOW, 5, 15, 5, 31),
  env: 'unknown',
  fingerprint: 'ci004fp',
});

export const F_AML004 = finding({
  ruleId: 'AML004',
  level: 'note',
  message: 'Compute cluster "cpu" keeps 1 node running.',
  location: loc(MAIN_TF, 7, 3, 7, 3),
  fingerprint: 'aml004fp',
});

export const F_KV001_SUPPRESSED = finding({
  ruleId: 'KV001',
  level: 'error',
  message: 'Key Vault "kv" has no purge protection.',
  location: loc(MAIN_TF, 2, 3, 2, 45),
  fingerprint: 'kv001fp',
  suppression: { kind: 'inSource', justification: 'accepted until the vault is recreated' },
});

export const F_PARSE001 = finding({
  ruleId: 'PARSE001',
  level: 'error',
  message: 'Expected an expression after "=".',
  location: loc(BROKEN_TF, 2, 7, 2, 7),
  fingerprint: 'parsefp',
  env: 'unknown',
});

export const N_PARSE001: Notification = {
  level: 'error',
  message: 'Expected an expression after "=".',
  ruleId: 'PARSE001',
  location: loc(BROKEN_TF, 2, 7, 2, 7),
};

export const FILES = ['.github/workflows/deploy.yml', 'envs/prod.tfvars', 'envs/prod/main.tf', 'modules/gpu/broken.tf'];

export function makeResult(findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  return {
    root: ROOT,
    findings,
    rules: RULES,
    files: FILES,
    notifications: [],
    undecided: [],
    skipped: [],
    notices: [],
    sources: new Map(Object.entries(SOURCES)),
    toolVersion: '0.1.0',
    ...extra,
  };
}

/** The full fixture: findings in scrambled order (reporters must sort). */
export function fullResult(): LintResult {
  return makeResult([F_CI004, F_PARSE001, F_KV001_SUPPRESSED, F_GPU001, F_AML004, F_AML001], {
    notifications: [N_PARSE001],
  });
}

export function cleanResult(): LintResult {
  return makeResult([]);
}
