/**
 * Which files are Kubernetes manifests, and which of those cannot be judged as written.
 *
 * A manifest is YAML or JSON whose top level has `apiVersion` and `kind` (in any document of
 * a multi-document YAML file). GitHub workflows, Azure Pipelines and Azure ML YAML have no
 * such pair, so they are never taken (FORMATS.md §2(e)).
 *
 * Helm templates and Kustomize inputs are skipped, because only their rendered output says
 * what reaches the cluster (values, conditionals, overlay patches that add tolerations):
 * - a file under the `templates/` folder of a chart (a folder with `Chart.yaml`): what Helm
 *   renders; the chart's other files are not rendered, and a manifest there (`helm template …
 *   > chart/rendered.yaml`) is linted as written (review 74);
 * - a file a `kustomization.yaml` of its folder or a folder above names (in `resources`,
 *   `patches`, `components`, …; a folder named is read through its own kustomization), or a
 *   kustomization variant beside it (`kustomization-prod.yaml`) names; a file no kustomization
 *   names is never read by `kustomize build` and is linted (review 74, self-review 75);
 * - a document with template actions (`{{ … }}`) outside comments and block scalars, and a
 *   whole file with them that does not parse as YAML (a Helm template): k8s.ts decides those.
 * `helm template … > out.yaml` / `kustomize build … > out.yaml` produce files that are linted
 * as ordinary manifests.
 */
import path from 'node:path';
import { fileNamesMatching, type Host } from '../core/host.js';

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

/** Whether a file's text has a template action anywhere (k8s.ts then looks where). */
export function mayHoldTemplateActions(text: string): boolean {
  return TEMPLATE_ACTION.test(text);
}

export const TEMPLATE_SKIP_REASON = 'contains template actions ({{ … }}); lint the rendered output instead (helm template … > rendered.yaml)';

/**
 * Why a manifest is not linted as written because of where it is (a Helm chart's template, a
 * Kustomize input), or undefined. Folders are looked up from the file's folder to the scan root.
 * `readKustomization` gives the paths a kustomization file names (undefined: it cannot be read,
 * and then everything under it is taken as its input, as before review 74).
 */
export function folderSkipReason(file: string, host: Host, root: string, readKustomization: (file: string) => readonly string[] | undefined): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (CHART_FILES.some((n) => host.isFile(path.join(dir, n)))) {
      const inChart = path.relative(dir, file).split(path.sep);
      // Helm renders `templates/` (a subchart under `charts/` has a Chart.yaml of its own, met first).
      if (inChart.length > 1 && inChart[0] === 'templates') {
        return `a template of the Helm chart in ${path.relative(root, dir) || '.'}; lint its rendered output instead (helm template <release> <chart> > rendered.yaml)`;
      }
      return undefined;
    }
    for (const kustomization of kustomizationsIn(dir, host)) {
      const named = readKustomization(kustomization);
      // One that cannot be read: everything under its folder may be its input (a variant's file, `kustomization-prod.yaml`, may be no kustomization at all).
      const unreadable = named === undefined && KUSTOMIZATION_FILES.includes(path.basename(kustomization));
      if (unreadable || named?.some((p) => names(path.resolve(dir, p), file, host))) {
        return `input of the Kustomize build in ${path.relative(root, dir) || '.'}; lint its output instead (kustomize build <dir> > rendered.yaml), as overlays may patch tolerations in`;
      }
    }
    const up = path.dirname(dir);
    if (up === dir || !host.isInside(up) || path.relative(root, dir) === '') break;
    dir = up;
  }
  return undefined;
}

/**
 * The kustomization files of a folder: Kustomize's own names, and a variant beside one whose name
 * says so (`kustomization-gpt120b.yaml`, which a deploy script copies over `kustomization.yaml`:
 * the patches it names are no whole manifests; self-review 75).
 */
function kustomizationsIn(dir: string, host: Host): string[] {
  const own = KUSTOMIZATION_FILES.map((n) => path.join(dir, n)).filter((k) => host.isFile(k));
  // Only these names are read from the folder (a recording Host notes them, not the whole listing:
  // the scan root's would change with any file, the --cache file included).
  const variants = fileNamesMatching(host, dir, KUSTOMIZATION_VARIANT).filter((n) => !KUSTOMIZATION_FILES.includes(n)).map((n) => path.join(dir, n));
  return [...own, ...variants];
}

/** A kustomization variant's name (`kustomization-gpt120b.yaml`). */
const KUSTOMIZATION_VARIANT = /kustomization.*\.ya?ml$/i;

/**
 * Whether a path a kustomization names is `file` or holds it. A folder is a Kustomize base or
 * component, whose own kustomization says which of its files it reads: it names none of them
 * itself (self-review 75: a file its kustomization leaves out was skipped).
 */
function names(at: string, file: string, host: Host): boolean {
  if (at === file) return true;
  if (!file.startsWith(at + path.sep)) return false;
  return !KUSTOMIZATION_FILES.some((n) => host.isFile(path.join(at, n)));
}
