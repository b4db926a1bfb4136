/**
 * Kubernetes manifests (YAML, multi-document, and JSON; `List` objects included): each pod
 * template becomes one `k8s.workload` resource whose typed template (`Resource.k8s`) the
 * K8S rules read. Helm templates and Kustomize inputs are skipped with a reason
 * (`k8s-classify.ts`), never parsed, so their template syntax is never a PARSE001.
 */
import { evaluationEnv } from '../core/env.js';
import { relativeToRoot } from '../core/paths.js';
import { fileStart } from '../core/source.js';
import type { LineMap, Location } from '../core/source.js';
import { str } from '../core/value.js';
import { parseJsonc } from '../parse/json/index.js';
import { jsonObjectRanges } from '../parse/json/blocks.js';
import { parseYamlFile } from '../parse/yaml/document.js';
import type { YamlTree } from '../parse/yaml/tree.js';
import { jsonToTree, readKaitoObjects, readPodTemplates, type KaitoObject } from '../eval/k8s/read.js';
import type { Evaluation, Fact, Resource } from '../model/resource.js';
import type { K8sPodTemplate } from '../model/k8s.js';
import { looksLikeManifest, skipReason } from './k8s-classify.js';
import { k8sByName } from './names.js';
import type { EvaluatedUnit, FrontEnd, Problem, SuppressionSource } from './types.js';
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
    const skipped: { file: string; reason: string }[] = [];
    for (const f of files) {
      const text = ctx.host.readText(f.path);
      if (text === undefined) {
        const p = readProblem(ctx.host, f.path);
        if (p) problems.push(p);
        continue;
      }
      const why = skipReason(f.path, text, ctx.host, ctx.root);
      if (why) {
        skipped.push({ file: f.path, reason: why });
        continue;
      }
      const parsed = parseManifest(f.path, text, problems, suppressionSources);
      if (!parsed) continue;
      problems.push(...amlDocumentsNotRead(f.path, parsed.documents));
      const evaluation: Evaluation = { variant: 'default', ...evaluationEnv(pathEnv(ctx, f.path)), unit: f.path, inputs: [] };
      const resources: Resource[] = readPodTemplates(f.path, parsed.documents, parsed.lineMap).map((t, i) => workloadResource(t, i, evaluation, ctx.root));
      for (const k of readKaitoObjects(f.path, parsed.documents, parsed.lineMap)) resources.push(kaitoResource(k, evaluation, ctx.root));
      units.push({ evaluation, resources, refKeys: () => [] });
    }
    return { units, problems, suppressionSources, skipped };
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

/** The documents of a manifest that parse (a PARSE001 for the first error), or undefined when none does. */
function parseManifest(file: string, text: string, problems: Problem[], suppressionSources: SuppressionSource[]): { documents: YamlTree[]; lineMap: LineMap } | undefined {
  if (/\.json$/i.test(file)) {
    const parsed = parseJsonc(text, file);
    const first = parsed.errors[0];
    if (first || !parsed.root) {
      problems.push({ ruleId: 'PARSE001', message: first?.message ?? 'Empty JSON document', location: first ? { file, range: first.range } : fileStart(file) });
      return undefined;
    }
    // JSONC `//` comments suppress too (RULES.md "Inline suppressions").
    if (parsed.comments.length > 0) suppressionSources.push({ file, comments: parsed.comments, blocks: jsonObjectRanges(parsed.root, parsed.lineMap) });
    return { documents: [jsonToTree(parsed.root, parsed.lineMap)], lineMap: parsed.lineMap };
  }
  const parsed = parseYamlFile(text);
  // The first YAML error; the ones after it are usually its cascade.
  const first = parsed.errors[0];
  if (first) problems.push({ ruleId: 'PARSE001', message: first.message, location: { file, range: first.range } });
  // The other documents of a multi-document manifest are still read (kubectl splits a file at
  // `---` and decodes each document on its own); a document with an error of its own is not.
  if (parsed.soundDocuments.length === 0) return undefined;
  problems.push(...evaluationNoteProblems(file, parsed.evaluationNotes));
  suppressionSources.push({ file, comments: parsed.comments, blocks: parsed.blocks });
  return { documents: parsed.soundDocuments, lineMap: parsed.lineMap };
}

/** A known string fact written at `at`. */
function literalFact(value: string, at: Location, sourcePath: string): Fact {
  return { value: str(value, at), defaulted: false, at, sourcePath };
}

/** A resource of a manifest object: its `kind:` value is the header, its `metadata.name` the name. */
function manifestResource<K extends 'k8s.workload' | 'kaito.workspace'>(
  kind: K,
  o: { address: string; sourceType: string; header: Location; name?: string; identity: string[] },
  attrs: Map<string, Fact>,
  evaluation: Evaluation,
): Resource<K> {
  if (o.name !== undefined) attrs.set('name', literalFact(o.name, o.header, 'metadata.name'));
  return {
    address: o.address,
    kind,
    sourceType: o.sourceType,
    format: 'k8s',
    header: o.header,
    name: o.name !== undefined ? str(o.name, o.header) : undefined,
    attrs,
    identity: o.identity,
    refs: new Map(),
    evaluation,
  };
}

/** A KAITO Workspace or RAGEngine as a resource whose `vmSize` is its instance type (GPU004). */
function kaitoResource(k: KaitoObject, evaluation: Evaluation, root: string): Resource<'kaito.workspace'> {
  const attrs = new Map<string, Fact>();
  if (k.instanceType) attrs.set('vmSize', literalFact(k.instanceType.value, k.instanceType.at, k.instanceType.path));
  const address = `k8s:${relativeToRoot(root, k.header.file)}#${k.kind}/${k.name ?? '(unnamed)'}`;
  return manifestResource('kaito.workspace', { address, sourceType: `${k.apiVersion}/${k.kind}`, header: k.header, name: k.name, identity: [] }, attrs, evaluation);
}

function workloadResource(t: K8sPodTemplate, index: number, evaluation: Evaluation, root: string): Resource<'k8s.workload'> {
  const rel = relativeToRoot(root, t.file);
  // Stable across edits elsewhere in the file: kind, namespace, name and the template's place in the object.
  const address = `k8s:${rel}#${t.workloadKind}/${t.namespace ? `${t.namespace}/` : ''}${t.name ?? `(unnamed ${index})`}/${t.path}`;
  const attrs = new Map<string, Fact>([['workloadKind', literalFact(t.workloadKind, t.header, 'kind')]]);
  const r = manifestResource('k8s.workload', { address, sourceType: `${t.apiVersion}/${t.workloadKind}`, header: t.header, name: t.name, identity: [address] }, attrs, evaluation);
  r.k8s = t;
  return r;
}
