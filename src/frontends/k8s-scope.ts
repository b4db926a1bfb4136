/**
 * What a files-only run (pre-commit) must walk for a Kubernetes manifest: K8S001 and K8S002
 * judge a workload against the GPU node pools of the whole scan (RULES.md K8S001: "GPU pool
 * taints come from the scanned infrastructure code"), which a run over the repository finds
 * anywhere in it (`infra/aks.tf` for `k8s/train.yaml`). So for a given manifest that requests
 * a GPU or tolerates a taint, the whole repository is walked (`FrontEnd.filesOnlyFolders`), and
 * every unit before the last stage runs (`unitsForFiles`). Read with a pattern before the
 * Kubernetes front end is loaded; a manifest that mentions neither needs no pool.
 */
import { GPU_RESOURCE_NAMES, GPU_RESOURCE_PREFIXES } from '../model/facts/k8s.js';
import type { FilesOnlyView } from './types.js';

const MANIFEST_NAME = /\.(?:ya?ml|json)$/i;
const POOL_DEPENDENT = new RegExp(`${[...GPU_RESOURCE_NAMES, ...GPU_RESOURCE_PREFIXES].map((n) => n.replace(/[.]/g, '\\.')).join('|')}|tolerations`);

export async function k8sScanFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const needsPools = given.some((f) => {
    if (!MANIFEST_NAME.test(f)) return false;
    const text = wide.host.readText(f);
    return text !== undefined && POOL_DEPENDENT.test(text);
  });
  return needsPools ? [wide.root] : [];
}
