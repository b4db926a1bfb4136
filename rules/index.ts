/**
 * The rule registry: every rule module, in catalog order (RULES.md).
 */
import type { Rule } from '../src/engine/types.js';
import { registerRules } from '../src/engine/define-rule.js';
import AML001 from './aml/AML001-workspace-public-network-access.js';
import AML002 from './aml/AML002-private-registry-needs-image-build-compute.js';
import AML003 from './aml/AML003-image-build-compute-not-a-cluster.js';
import AML004 from './aml/AML004-compute-cluster-min-nodes.js';
import AML005 from './aml/AML005-compute-instance-idle-shutdown.js';
import AML006 from './aml/AML006-compute-node-public-ip.js';
import GPU001 from './gpu/GPU001-gpu-workload-on-non-gpu-size.js';
import GPU002 from './gpu/GPU002-gpu-size-input-unvalidated.js';
import GPU003 from './gpu/GPU003-gpu-pool-not-scale-to-zero.js';
import GPU004 from './gpu/GPU004-gpu-size-retired.js';
import GPU005 from './gpu/GPU005-gpu-size-into-opaque-module.js';
import AKS001 from './aks/AKS001-gpu-node-pool-without-taint.js';
import AKS002 from './aks/AKS002-gpu-size-in-system-pool.js';
import KV001 from './keyvault/KV001-keyvault-purge-protection.js';
import KV002 from './keyvault/KV002-keyvault-rbac-authorization.js';
import ACR001 from './acr/ACR001-registry-admin-user.js';
import ACR002 from './acr/ACR002-private-registry-needs-premium.js';
import ST001 from './storage/ST001-storage-public-blob-access.js';
import ST002 from './storage/ST002-storage-min-tls.js';
import NET001 from './network/NET001-admin-port-open-to-internet.js';
import TF001 from './terraform/TF001-local-terraform-state.js';
import TF002 from './terraform/TF002-state-file-in-repository.js';
import TF003 from './terraform/TF003-provider-version-unpinned.js';
import TF004 from './terraform/TF004-plan-file-in-repository.js';
import SEC001 from './secrets/SEC001-hardcoded-secret.js';
import TAG001 from './tags/TAG001-missing-required-tags.js';
import TAG002 from './tags/TAG002-gpu-resource-without-cost-center.js';
import GOV001 from './governance/GOV001-location-not-allowed.js';
import K8S001 from './k8s/K8S001-gpu-workload-without-gpu-toleration.js';
import K8S002 from './k8s/K8S002-non-gpu-workload-tolerates-gpu-taint.js';
import GOV002 from './governance/GOV002-org-policy-deny.js';
import GOV003 from './governance/GOV003-org-policy-audit.js';
import CI001 from './ci/CI001-sdk-auth-deprecated.js';
import CI002 from './ci/CI002-azure-login-with-secret.js';
import CI003 from './ci/CI003-oidc-without-id-token-permission.js';
import CI004 from './ci/CI004-action-not-pinned.js';
import CI005 from './ci/CI005-terraform-apply-without-plan.js';
import PARSE001 from './core/PARSE001-parse-error.js';
import EVAL001 from './core/EVAL001-evaluation-incomplete.js';
import EVAL002 from './core/EVAL002-remote-module-not-evaluated.js';
import SUP001 from './core/SUP001-suppression-invalid.js';
import SUP002 from './core/SUP002-suppression-unused.js';

/** Rules by folder (the folder names the category and the doc path), in catalog order. */
export const ALL_RULES: Rule[] = registerRules({
  aml: [AML001, AML002, AML003, AML004, AML005, AML006],
  gpu: [GPU001, GPU002, GPU003, GPU004, GPU005],
  aks: [AKS001, AKS002],
  keyvault: [KV001, KV002],
  acr: [ACR001, ACR002],
  storage: [ST001, ST002],
  network: [NET001],
  terraform: [TF001, TF002, TF003, TF004],
  secrets: [SEC001],
  tags: [TAG001, TAG002],
  governance: [GOV001, GOV002, GOV003],
  ci: [CI001, CI002, CI003, CI004, CI005],
  k8s: [K8S001, K8S002],
  core: [PARSE001, EVAL001, EVAL002, SUP001, SUP002],
});

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
