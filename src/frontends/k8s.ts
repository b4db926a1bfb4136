/**
 * Kubernetes manifests (YAML, multi-document, and JSON; `List` objects included): each pod
 * template becomes one `k8s.workload` resource whose typed template (`Resource.k8s`) the
 * K8S rules read. Helm templates and Kustomize inputs are skipped with a reason
 * (`k8s-classify.ts`), never parsed, so their template syntax is never a PARSE001.
 */
import { evaluationEnv } from '../core/env.js';
import { appendAll } from '../core/arrays.js';
import { relativeToRoot } from '../core/paths.js';
import { fileStart } from '../core/source.js';
import type { LineMap, Range } from '../core/source.js';
import { nodeLocation, nodeToValue, parseJsonc, type JsonNode, type ParsedJson } from '../parse/json/index.js';
import { jsonObjectRanges } from '../parse/json/blocks.js';
import { parseYamlFile } from '../parse/yaml/document.js';
import type { YamlTree } from '../parse/yaml/tree.js';
import { jsonToTree, readKaitoObjects, readPodTemplates, type KaitoObject } from '../eval/k8s/read.js';
import type { Evaluation, Resource } from '../model/resource.js';
import { kaitoResourceOf, workloadResourceOf, type K8sPodTemplate } from '../model/k8s.js';
import { folderSkipReason, looksLikeManifest, mayHoldTemplateActions, TEMPLATE_SKIP_REASON } from './k8s-classify.js';
import { k8sByName } from './names.js';
import type { EvaluatedUnit, FrontEnd, MetadataSource, Problem, SuppressionSource } from './types.js';
import { evaluationNoteProblems, pathEnv, readProblem } from './shared.js';

export const k8sFrontEnd: FrontEnd = {
  name: 'k8s',
  family: 'k8s',
  byName: k8sByName,
  stage: 'last',
  byContent(file, text) {
    return looksLikeManifest(file, text) ? 'k8s' : undefined;
  },
  // Units of work (issue 15): each manifest alone (it is read, skipped or parsed on its own; the
  // GPU pools its rules need come from every other unit's summary, `stage: 'last'`).
  units(files) {
    return files.map((f) => [f]);
  },
  run(files, ctx) {
    const problems: Problem[] = [];
    const units: EvaluatedUnit[] = [];
    const suppressionSources: SuppressionSource[] = [];
    const metadata: MetadataSource[] = [];
    const skipped: { file: string; reason: string }[] = [];
    for (const f of files) {
      const text = ctx.host.readText(f.path);
      if (text === undefined) {
        const p = readProblem(ctx.host, f.path);
        if (p) problems.push(p);
        continue;
      }
      const why = folderSkipReason(f.path, ctx.host, ctx.root, (k) => kustomizationPaths(ctx.host.readText(k)));
      if (why) {
        skipped.push({ file: f.path, reason: why });
        continue;
      }
      // Template actions: a file that does not parse is a template (skipped whole, never a
      // PARSE001); one that does loses only the documents that hold them outside comments and
      // block scalars (a Jinja chat template in a ConfigMap, a PrometheusRule's `{{ $labels.pod }}`
      // beside a GPU Deployment in `helm template` output; review 74).
      const templated = mayHoldTemplateActions(text);
      const parsed = parseManifest(f.path, text, problems, templated);
      if (!parsed) {
        if (templated) skipped.push({ file: f.path, reason: TEMPLATE_SKIP_REASON });
        continue;
      }
      let comments = parsed.suppressions?.comments;
      if (templated) {
        const templatedDocs = documentsWithTemplateActions(text, parsed.documents, parsed.comments);
        const kept = parsed.documents.filter((d) => !templatedDocs.has(d));
        if (kept.length < parsed.documents.length) {
          const left = parsed.documents.filter((d) => !kept.includes(d));
          const lines = left.map((d) => d.range.start.line);
          skipped.push({ file: f.path, reason: kept.length === 0 ? TEMPLATE_SKIP_REASON : `the ${lines.length === 1 ? 'document' : 'documents'} at line ${lines.join(', ')} ${TEMPLATE_SKIP_REASON}` });
          if (kept.length === 0) continue;
          parsed.documents = kept;
          // A directive in a document not read suppresses in its rendered output, not here:
          // neither applied nor unused (SUP002 would say "remove it"; review 105).
          comments = comments?.filter((c) => !left.some((d) => d.range.start.offset <= c.range.start.offset && c.range.start.offset < d.range.end.offset));
        }
      }
      if (parsed.suppressions && comments && comments.length > 0) suppressionSources.push({ ...parsed.suppressions, comments });
      appendAll(metadata, parsed.metadata);
      problems.push(...amlDocumentsNotRead(f.path, parsed.documents));
      const evaluation: Evaluation = { variant: 'default', ...evaluationEnv(pathEnv(ctx, f.path)), unit: f.path, inputs: [] };
      const resources: Resource[] = readPodTemplates(f.path, parsed.documents, parsed.lineMap).map((t, i) => workloadResource(t, i, evaluation, ctx.root));
      for (const k of readKaitoObjects(f.path, parsed.documents, parsed.lineMap)) resources.push(kaitoResource(k, evaluation, ctx.root));
      units.push({ evaluation, resources, refKeys: () => [] });
    }
    return { units, problems, suppressionSources, skipped, ...(metadata.length > 0 ? { metadata } : {}) };
  },
};

/**
 * The Azure ML compute documents (`type: amlcompute`/`computeinstance` with a `name`, no
 * `apiVersion`) of a file read as Kubernetes manifests: a file is read as one format, so they are
 * not checked; an EVAL001 note says so at each (rather than dropping them without a word).
 */
function amlDocumentsNotRead(file: string, documents: readonly YamlTree[]): Problem[] {
  const out: Problem[] = [];
  for (const d of documents) {
    if (d.type !== 'map' || d.entries.some((e) => e.key === 'apiVersion' || e.key === 'kind')) continue;
    const type = d.entries.find((e) => e.key === 'type')?.value;
    const text = type?.type === 'scalar' ? String(type.value).trim().toLowerCase() : '';
    if ((text !== 'amlcompute' && text !== 'computeinstance') || !d.entries.some((e) => e.key === 'name')) continue;
    out.push({
      ruleId: 'EVAL001',
      message: 'this document is Azure ML YAML in a file read as Kubernetes manifests (another document of the file is one), so it is not checked; move it to a file of its own',
      location: { file, range: { start: d.range.start, end: d.range.start } },
    });
  }
  return out;
}

/**
 * The documents of a manifest that parse (a PARSE001 for the first error), or undefined when none
 * does. `strict`: undefined at any error (a file with template actions that does not parse is a
 * template, not a broken manifest).
 */
/** A manifest parsed: its sound documents, and what may suppress findings in it (RULES.md "Inline suppressions"). */
interface ParsedManifest {
  documents: YamlTree[];
  lineMap: LineMap;
  comments: readonly { range: Range }[];
  /** Its comments (YAML `#`, JSONC `//`), with the blocks a directive on a line of its own covers. */
  suppressions?: SuppressionSource;
  /** JSON without comments: each object's `metadata: { "mlops-iac-lint-ignore": [ … ] }`. */
  metadata: MetadataSource[];
}

function parseManifest(file: string, text: string, problems: Problem[], strict = false): ParsedManifest | undefined {
  if (/\.json$/i.test(file)) {
    const parsed = parseJsonc(text, file);
    const first = parsed.errors[0];
    if ((first || !parsed.root) && strict) return undefined;
    if (first || !parsed.root) {
      problems.push({ ruleId: 'PARSE001', message: first?.message ?? 'Empty JSON document', location: first ? { file, range: first.range } : fileStart(file) });
      return undefined;
    }
    return {
      documents: [jsonToTree(parsed.root, parsed.lineMap)],
      lineMap: parsed.lineMap,
      comments: parsed.comments,
      // JSONC `//` comments suppress too (RULES.md "Inline suppressions").
      ...(parsed.comments.length > 0 ? { suppressions: { file, comments: parsed.comments, blocks: jsonObjectRanges(parsed.root, parsed.lineMap) } } : {}),
      metadata: text.includes(METADATA_DIRECTIVE) ? objectMetadata(parsed, parsed.root) : [],
    };
  }
  const parsed = parseYamlFile(text);
  // The first YAML error; the ones after it are usually its cascade.
  const first = parsed.errors[0];
  if (first && strict) return undefined;
  if (first) problems.push({ ruleId: 'PARSE001', message: first.message, location: { file, range: first.range } });
  // The other documents of a multi-document manifest are still read (kubectl splits a file at
  // `---` and decodes each document on its own); a document with an error of its own is not.
  if (parsed.soundDocuments.length === 0) return undefined;
  problems.push(...evaluationNoteProblems(file, parsed.evaluationNotes));
  return { documents: parsed.soundDocuments, lineMap: parsed.lineMap, comments: parsed.comments, suppressions: { file, comments: parsed.comments, blocks: parsed.blocks }, metadata: [] };
}

/** The key of a suppression in an object's `metadata` (RULES.md "Inline suppressions"; the engine reads the entries). */
const METADATA_DIRECTIVE = 'mlops-iac-lint-ignore';

/**
 * The Kubernetes objects of a JSON manifest whose `metadata` holds suppressions, each covering the
 * object (RULES.md: "JSON without comments uses the resource's `metadata: { "mlops-iac-lint-ignore":
 * [ … ] }`"): the document's object, or each item of a `List`.
 */
function objectMetadata(parsed: ParsedJson, root: JsonNode): MetadataSource[] {
  const member = (n: JsonNode | undefined, key: string): JsonNode | undefined => (n?.type === 'object' ? n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined);
  const out: MetadataSource[] = [];
  const add = (o: JsonNode | undefined): void => {
    if (o && member(member(o, 'metadata'), METADATA_DIRECTIVE)) out.push({ file: parsed.file, body: nodeToValue(parsed, o), range: nodeLocation(parsed, o).range });
  };
  add(root);
  const items = member(root, 'items');
  if (items?.type === 'array') for (const item of items.children ?? []) add(item);
  return out;
}

/** A KAITO Workspace or RAGEngine of a manifest file (GPU004). */
function kaitoResource(k: KaitoObject, evaluation: Evaluation, root: string): Resource<'kaito.workspace'> {
  const address = `k8s:${relativeToRoot(root, k.header.file)}#${k.kind}/${k.name ?? '(unnamed)'}`;
  return kaitoResourceOf(k, { address, identity: [], format: 'k8s' }, evaluation);
}

function workloadResource(t: K8sPodTemplate, index: number, evaluation: Evaluation, root: string): Resource<'k8s.workload'> {
  const rel = relativeToRoot(root, t.file);
  // Stable across edits elsewhere in the file: kind, namespace, name and the template's place in the object.
  const address = `k8s:${rel}#${t.workloadKind}/${t.namespace ? `${t.namespace}/` : ''}${t.name ?? `(unnamed ${index})`}/${t.path}`;
  return workloadResourceOf(t, { address, identity: [address], sourceType: `${t.apiVersion}/${t.workloadKind}`, format: 'k8s' }, evaluation);
}

/** The text before a block scalar's content: its `|`/`>` header (chomping and indentation indicators, a comment) and the line break. */
const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n[ \t\r\n]*$/;

/**
 * The documents that hold a template action (`{{`) outside comments and block scalars (`|`, `>`:
 * text a ConfigMap carries, such as a Jinja chat template). Looked for in the text, not in the
 * tree: `image: {{ .Values.image }}` parses as nested flow mappings with no `{{` left in them.
 * An action before a document's first node belongs to that document.
 */
function documentsWithTemplateActions(text: string, documents: readonly YamlTree[], comments: readonly { range: Range }[]): Set<YamlTree> {
  const ignored: Range[] = comments.map((c) => c.range);
  for (const d of documents) blockScalarRanges(d, text, ignored);
  const out = new Set<YamlTree>();
  for (const m of text.matchAll(/\{\{/g)) {
    const at = m.index;
    if (ignored.some((r) => at >= r.start.offset && at < r.end.offset)) continue;
    const doc = documents.find((d) => at < d.range.end.offset) ?? documents[documents.length - 1];
    if (doc) out.add(doc);
  }
  return out;
}

/** Adds the content ranges of a tree's block scalars to `out`. */
function blockScalarRanges(node: YamlTree, text: string, out: Range[]): void {
  if (node.type === 'scalar') {
    if (BLOCK_SCALAR_HEADER.test(text.slice(Math.max(0, node.range.start.offset - 256), node.range.start.offset))) out.push(node.range);
  } else if (node.type === 'map') {
    for (const e of node.entries) if (e.value) blockScalarRanges(e.value, text, out);
  } else if (node.type === 'seq') {
    for (const i of node.items) blockScalarRanges(i, text, out);
  }
}

/** Kustomization fields that list paths (kubectl.docs.kubernetes.io, "Kustomization" reference). */
const KUSTOMIZATION_PATH_LISTS = ['resources', 'bases', 'components', 'crds', 'configurations', 'generators', 'transformers', 'validators', 'patchesStrategicMerge'];
/** Kustomization fields that list objects with a `path` (the others hold inline patches or targets). */
const KUSTOMIZATION_PATH_OBJECTS = ['patches', 'patchesJson6902', 'replacements'];

/** The paths a kustomization file names, relative to its folder; undefined when it cannot be read. */
export function kustomizationPaths(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const parsed = parseYamlFile(text);
  const doc = parsed.soundDocuments[0];
  if (parsed.errors.length > 0 || doc?.type !== 'map') return undefined;
  const out: string[] = [];
  const scalar = (n: YamlTree | undefined): void => {
    if (n?.type === 'scalar' && n.value !== '') out.push(n.value);
  };
  for (const e of doc.entries) {
    if (KUSTOMIZATION_PATH_LISTS.includes(e.key) && e.value?.type === 'seq') e.value.items.forEach(scalar);
    else if (KUSTOMIZATION_PATH_OBJECTS.includes(e.key) && e.value?.type === 'seq') {
      for (const item of e.value.items) if (item.type === 'map') scalar(item.entries.find((x) => x.key === 'path')?.value);
    } else if (e.key === 'openapi' && e.value?.type === 'map') scalar(e.value.entries.find((x) => x.key === 'path')?.value);
  }
  return out;
}
