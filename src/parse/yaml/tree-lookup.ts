/**
 * Lookups in a positioned tree (`YamlTree`): the CI model builder reads workflows with them, and the
 * Kubernetes reader reads manifests and the trees a Terraform workload is turned into
 * (src/eval/k8s/terraform.ts). Apart from tree.ts, which imports the `yaml` package: a Terraform
 * run that reads `kubernetes_*` resources does not load it.
 */
import type { YamlEntryNode, YamlTree } from './tree.js';

/** The entry of `key` in a mapping (first match, as YAML tools read duplicate keys). */
export function entryOf(node: YamlTree | undefined, key: string): YamlEntryNode | undefined {
  if (node?.type !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

/** The value of `key` in a mapping. */
export function valueOf(node: YamlTree | undefined, key: string): YamlTree | undefined {
  return entryOf(node, key)?.value;
}

/** The scalar value of `key` in a mapping, as a string. */
export function stringOf(node: YamlTree | undefined, key: string): string | undefined {
  const v = valueOf(node, key);
  return v?.type === 'scalar' ? v.value : undefined;
}
