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
  if (YAML_TOP_API.test(text) && YAML_TOP_KIND.test(text)) return true;
  // The other ways YAML writes a top-level key (rare; only looked for when both names occur).
  return text.includes('apiVersion') && text.includes('kind') && someDocumentHasTopLevelPair(text);
}

/** A YAML document's first content line (not blank, not a comment, not a directive). */
const FIRST_CONTENT = /^(?!---)([ \t]*)([^\s#%][^\n]*)$/m;
const FLOW_API = /[{,]\s*(["']?)apiVersion\1\s*:/;
const FLOW_KIND = /[{,]\s*(["']?)kind\1\s*:/;

/**
 * Whether a document of a YAML file has `apiVersion` and `kind` at its top level, written in a way
 * the line patterns above do not see: quoted keys (`"apiVersion": v1`), a flow mapping
 * (`{"apiVersion": "v1", "kind": "Pod", …}`, what `kubectl get -o json > x.yaml` writes), or a
 * document indented as a whole under its `---`.
 */
function someDocumentHasTopLevelPair(text: string): boolean {
  for (const doc of text.split(/^---[^\n]*$/m)) {
    const first = FIRST_CONTENT.exec(doc);
    if (!first) continue;
    if (first[2]!.startsWith('{')) {
      if (FLOW_API.test(doc) && FLOW_KIND.test(doc)) return true;
      continue;
    }
    // Keys at the indentation of the document's first line are its top level.
    const indent = first[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const key = (name: string): RegExp => new RegExp(`^${indent}(["']?)${name}\\1[ \\t]*:`, 'm');
    if (key('apiVersion').test(doc) && key('kind').test(doc)) return true;
  }
  return false;
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
