/**
 * The rule registry: every rule module, in catalog order (RULES.md).
 */
import type { Rule } from '../src/engine/types.js';
import PARSE001 from './core/PARSE001-parse-error.js';
import EVAL001 from './core/EVAL001-evaluation-incomplete.js';
import AML001 from './aml/AML001-workspace-public-network-access.js';
import AML002 from './aml/AML002-private-registry-needs-image-build-compute.js';
import GPU001 from './gpu/GPU001-gpu-workload-on-non-gpu-size.js';
import AKS001 from './aks/AKS001-gpu-node-pool-without-taint.js';
import KV001 from './keyvault/KV001-keyvault-purge-protection.js';
import TF001 from './terraform/TF001-local-terraform-state.js';
import TF002 from './terraform/TF002-state-file-in-repository.js';
import TAG002 from './tags/TAG002-gpu-resource-without-cost-center.js';

export const ALL_RULES: Rule[] = [AML001, AML002, GPU001, AKS001, KV001, TF001, TF002, TAG002, PARSE001, EVAL001];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
