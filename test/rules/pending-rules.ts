/**
 * Rows of ../shared/RULES.md that are specified but not implemented yet. The catalog test
 * accepts a missing rule only when its ID is listed here, and fails when a listed rule is
 * implemented (remove it from this list when its issue lands), so the list only shrinks and
 * nothing is skipped silently.
 */
export const PENDING_RULES: Readonly<Record<string, string>> = {
  GPU004: 'gpu-size-retired: issue "Imperative infrastructure" (az commands, Azure ML YAML, GPU004)',
  GPU005: 'gpu-size-into-opaque-module: issue "See what the deployment sees" (registry modules, plan JSON)',
  K8S001: 'gpu-workload-without-gpu-toleration: issue "Kubernetes GPU workloads"',
  K8S002: 'non-gpu-workload-tolerates-gpu-taint: issue "Kubernetes GPU workloads"',
  GOV002: 'org-policy-deny: issue "Azure Policy definitions evaluated statically"',
  GOV003: 'org-policy-audit: issue "Azure Policy definitions evaluated statically"',
};
