/**
 * Which files are Kubernetes manifests, and which of those cannot be judged as written.
 *
 * A manifest is YAML or JSON whose top level has `apiVersion` and `kind` (in any document of
 * a multi-document YAML file). GitHub workflows, Azure Pipelines and Azure ML YAML have no
 * such pair, so they are never taken (FORMATS.md §2(e)).
 *
 * Helm templates and Kustomize bases are skipped, because only their rendered output says
 * what reaches the cluster (values, conditionals, overlay patches that add tolerations):
 * a file under a folder with `Chart.yaml`, a file containing `{{ … }}`, and a file under a
 * folder with `kustomization.yaml`. `helm template … > out.yaml` / `kustomize build … >
 * out.yaml` produce files that are linted as ordinary manifests.
 */
import path from 'node:path';
import type { Host } from '../core/host.js';

const YAML_TOP_API = /^apiVersion[ \t]*:/m;
const YAML_TOP_KIND = /^kind[ \t]*:/m;
const JSON_API = /"apiVersion"\s*:/;
const JSON_KIND = /"kind"\s*:/;
const TEMPLATE_ACTION = /\{\{[\s\S]*?\}\}/;

export function looksLikeManifest(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return JSON_API.test(text) && JSON_KIND.test(text) && !/"\$schema"\s*:\s*"[^"]*management\.azure\.com/i.test(text);
  return YAML_TOP_API.test(text) && YAML_TOP_KIND.test(text);
}

export const CHART_FILES = ['Chart.yaml', 'Chart.yml'];
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Why a manifest is not linted as written (a Helm chart file, a Helm template, a Kustomize
 * input), or undefined. Folders are looked up from the file's folder to the scan root.
 */
export function skipReason(file: string, text: string, host: Host, root: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (CHART_FILES.some((n) => host.isFile(path.join(dir, n)))) {
      return `part of the Helm chart in ${path.relative(root, dir) || '.'}; lint its rendered output instead (helm template <release> <chart> > rendered.yaml)`;
    }
    if (KUSTOMIZATION_FILES.some((n) => host.isFile(path.join(dir, n)))) {
      return `input of the Kustomize build in ${path.relative(root, dir) || '.'}; lint its output instead (kustomize build <dir> > rendered.yaml), as overlays may patch tolerations in`;
    }
    const up = path.dirname(dir);
    if (up === dir || !host.isInside(up) || path.relative(root, dir) === '') break;
    dir = up;
  }
  if (TEMPLATE_ACTION.test(text)) return 'contains template actions ({{ … }}); lint the rendered output instead (helm template … > rendered.yaml)';
  return undefined;
}
