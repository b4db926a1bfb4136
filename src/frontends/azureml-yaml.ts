/**
 * Azure ML CLI v2 YAML: compute clusters, compute instances and workspaces (FORMATS.md §4).
 * A YAML file is one when a document's `$schema` is the Azure ML `amlCompute`,
 * `computeInstance` or `workspace` schema, or (without `$schema`) its top level has
 * `type: amlcompute|computeinstance` and `name` and none of `apiVersion`, `kind`, `jobs`,
 * `steps`, `stages`, `on` (Kubernetes manifests, CI files, AML jobs stay with their readers).
 *
 * The documents of one folder (and one environment class) are one evaluation: a compute there
 * belongs to the folder's workspace when the folder defines exactly one (AML003, AML006);
 * otherwise its workspace is not known (the CLI takes it from the command line).
 *
 * `amlYamlResources` builds the resources of one YAML text plus `az ml … create --set k=v`
 * overrides: the az CLI front end calls it for files named by `--file` and for heredocs.
 */
import path from 'node:path';
import { evaluationEnv } from '../core/env.js';
import type { FileKind } from '../core/file-kind.js';
import { unknown, type Value } from '../core/value.js';
import { parseYamlFile, parseYamlPart, type ParsedYaml } from '../parse/yaml/document.js';
import { amlYamlTypeOf, mayBeAmlYaml, readAmlYamlDocument, type AmlYamlDocument, type AmlYamlOverride, type AmlYamlType } from '../eval/azureml-yaml/document.js';
import { amlYamlRefKeys, amlYamlWorkspaceKey, fromAmlYaml } from '../model/from-azureml-yaml.js';
import type { Evaluation, Resource } from '../model/resource.js';
import type { ClassifiedFile, EvaluatedUnit, FrontEnd, Problem, SuppressionSource } from './types.js';
import { amlYamlByName } from './names.js';
import { evaluationNoteProblems, pathEnv, readProblem } from './shared.js';
import { pushTo } from '../core/arrays.js';

export type { AmlYamlOverride, AmlYamlType } from '../eval/azureml-yaml/document.js';

/** One YAML text to read: a whole file, or a part of one (a heredoc) given by its offsets. */
export interface AmlYamlText {
  /** The file the text is in (locations point into it). */
  file: string;
  /** The whole file's text. */
  text: string;
  /**
   * The YAML part's `[start, end)` offsets in `text` (a heredoc body) and the position of its
   * start; default: the whole text. `text`: the part as read, when it is not the file's as written
   * (a `<<-` heredoc's tabs as spaces; the same length).
   */
  span?: { start: number; end: number; at: { line: number; column: number }; text?: string };
  /** True for a heredoc of a shell script: `$VAR` in a value is an unknown expansion. */
  shellExpansions?: boolean;
  /** The shell variables an unquoted heredoc expands (a `$VAR` value with a literal value is that value). */
  shellEnv?: ReadonlyMap<string, Value>;
  /** The type the command names (`az ml workspace create`: workspace) when the document names none. */
  typeHint?: AmlYamlType;
}

export interface AmlYamlResult {
  resources: Resource[];
  /** The first YAML syntax error of the text (PARSE001). */
  problems: Problem[];
  /**
   * The YAML's `#` comments and block ranges, for suppressions: the caller adds it for a file
   * this front end did not claim (a `--file` YAML without `$schema`); a heredoc's comments are
   * also the script's, and a claimed file's are already collected.
   */
  suppressionSource: SuppressionSource;
}

function parseProblems(file: string, parsed: ParsedYaml): Problem[] {
  // The first syntax error only: the ones after it are its cascade.
  return parsed.errors.slice(0, 1).map((e) => ({ ruleId: 'PARSE001' as const, message: e.message, location: { file, range: e.range } }));
}

/** The AML documents of a parsed text, with the overrides applied to each. */
function documentsOf(src: AmlYamlText, parsed: ParsedYaml, overrides: readonly AmlYamlOverride[]): AmlYamlDocument[] {
  const docs: AmlYamlDocument[] = [];
  // A document with a syntax error is not judged: what the parser recovered may miss keys (README "Usage").
  const sound = new Set<unknown>(parsed.soundDocuments);
  parsed.roots.forEach((root, i) => {
    if (!sound.has(root)) return;
    const d = readAmlYamlDocument(src.file, root, i, overrides, { shellExpansions: src.shellExpansions, shellEnv: src.shellEnv, typeHint: src.typeHint, sourceText: src.text });
    if (d) docs.push(d);
  });
  return docs;
}

/**
 * The resources of one Azure ML YAML text with `--set` overrides applied (later overrides of a
 * key win), in the given evaluation. A compute is not linked to a workspace here: the caller
 * that knows the workspace (`--workspace-name`) sets `refs.workspace` on it. Problems are the
 * text's first YAML syntax error (PARSE001). Never throws.
 *
 * Overrides: `path` is the dotted key path as written after `--set` (`size`, `tags.team`),
 * `value` the text after `=`, typed like a plain YAML scalar, `location` where it is written.
 */
export function amlYamlResources(src: AmlYamlText, overrides: readonly AmlYamlOverride[], evaluation: Evaluation): AmlYamlResult {
  const parsed = src.span ? parseYamlPart(src.span.text ?? src.text.slice(src.span.start, src.span.end), src.span.start, src.span.at) : parseYamlFile(src.text);
  return {
    resources: documentsOf(src, parsed, overrides).map((d) => fromAmlYaml(d, evaluation)),
    problems: parseProblems(src.file, parsed),
    suppressionSource: { file: src.file, comments: parsed.comments, blocks: parsed.blocks },
  };
}

/** Links each compute of a folder to its only named workspace, or with several, to the only one of the compute's environment class. */
function linkWorkspace(resources: Resource[]): void {
  const workspaces = resources.filter((r) => r.kind === 'ml.workspace' && r.name?.kind === 'string');
  const link = (r: Resource, ws: Resource): void => {
    if (r.kind === 'ml.compute' && !r.refs.has('workspace')) r.refs.set('workspace', unknown('the workspace defined in the same folder', ws.header, amlYamlWorkspaceKey((ws.name as { value: string }).value)));
  };
  if (workspaces.length === 1) {
    for (const r of resources) link(r, workspaces[0]!);
    return;
  }
  // One workspace per environment (`workspace-prod.yml`, `workspace-dev.yml` beside
  // `compute-prod.yml`, `compute-dev.yml`): a compute's is the one of its own file's class.
  for (const r of resources) {
    if (r.kind !== 'ml.compute' || r.evaluation.env === 'unknown') continue;
    const same = workspaces.filter((w) => w.evaluation.env === r.evaluation.env);
    if (same.length === 1) link(r, same[0]!);
  }
}

/**
 * The Kubernetes manifests (`apiVersion` and `kind`) among the documents of a file read as Azure
 * ML YAML: a file is read as one format, so they are not checked; an EVAL001 note says so at each
 * (rather than dropping them without a word).
 */
function manifestsNotRead(file: string, parsed: ParsedYaml): Problem[] {
  const out: Problem[] = [];
  for (const root of parsed.roots) {
    if (amlYamlTypeOf(root) !== undefined) continue;
    const keys = new Set(root.entries.map((e) => e.key));
    if (!keys.has('apiVersion') || !keys.has('kind')) continue;
    out.push({
      ruleId: 'EVAL001',
      message: 'this document is a Kubernetes manifest in a file read as Azure ML YAML (another document of the file is one), so it is not checked; move it to a file of its own',
      location: { file, range: { start: root.range.start, end: root.range.start } },
    });
  }
  return out;
}

export const azuremlYamlFrontEnd: FrontEnd = {
  name: 'azureml-yaml',
  // The Azure resource family (ARM, Bicep and Azure ML YAML describe Azure resources).
  family: 'arm',
  byName: amlYamlByName,
  byContent(_file, text): FileKind | undefined {
    if (!mayBeAmlYaml(text)) return undefined;
    const parsed = parseYamlFile(text);
    // A file that does not parse is claimed on the text check, so its syntax error is reported.
    if (parsed.errors.length > 0 && parsed.roots.length === 0) return 'azureml-yaml';
    return parsed.roots.some((r) => amlYamlTypeOf(r) !== undefined) ? 'azureml-yaml' : undefined;
  },
  // Units of work (issue 15): the files of one folder (a folder's computes link to its only
  // workspace, `linkWorkspace`); nothing else crosses files.
  units(files) {
    const byDir = new Map<string, ClassifiedFile[]>();
    for (const f of files) pushTo(byDir, path.dirname(f.path), f);
    return [...byDir.values()];
  },
  run(files, ctx) {
    const problems: Problem[] = [];
    const suppressionSources: SuppressionSource[] = [];
    // One graph per folder (its computes link to its only workspace, whatever the files' names
    // say), each resource in the evaluation of its own file's environment class.
    const byUnit = new Map<string, { evaluation: Evaluation; resources: Resource[] }>();
    const byClass = new Map<string, Evaluation>();
    for (const f of files) {
      const text = ctx.host.readText(f.path);
      if (text === undefined) {
        const p = readProblem(ctx.host, f.path);
        if (p) problems.push(p);
        continue;
      }
      const parsed = parseYamlFile(text);
      problems.push(...parseProblems(f.path, parsed));
      // Aliases past the copy budget: what they repeat is not read (as in manifests and CI files).
      problems.push(...evaluationNoteProblems(f.path, parsed.evaluationNotes));
      suppressionSources.push({ file: f.path, comments: parsed.comments, blocks: parsed.blocks });
      const decided = pathEnv(ctx, f.path);
      const dir = path.dirname(f.path);
      let unit = byUnit.get(dir);
      if (!unit) {
        unit = { evaluation: { variant: 'default', ...evaluationEnv(pathEnv(ctx, dir)), unit: dir, inputs: [] }, resources: [] };
        byUnit.set(dir, unit);
      }
      const classKey = `${dir}\u0000${decided ?? '-'}`;
      let evaluation = byClass.get(classKey);
      if (!evaluation) byClass.set(classKey, (evaluation = { variant: 'default', ...evaluationEnv(decided), unit: dir, inputs: [] }));
      for (const d of documentsOf({ file: f.path, text }, parsed, [])) unit.resources.push(fromAmlYaml(d, evaluation));
      problems.push(...manifestsNotRead(f.path, parsed));
    }
    const units: EvaluatedUnit[] = [];
    for (const u of byUnit.values()) {
      linkWorkspace(u.resources);
      units.push({ evaluation: u.evaluation, resources: u.resources, refKeys: amlYamlRefKeys });
    }
    return { units, problems, suppressionSources };
  },
};
