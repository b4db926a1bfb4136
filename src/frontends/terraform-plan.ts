/**
 * Terraform plans (FORMATS.md §5): a plan JSON (`terraform show -json plan.tfplan`) is linted as
 * one variant of Terraform resources located in their `.tf` source (`eval/terraform-plan/`),
 * and every plan file, JSON or binary, is TF004's subject.
 *
 * A plan is classified by a peek (`byHead`), never by reading it whole: it can be hundreds of
 * MB, and its text holds every sensitive value in plain text, so it is streamed and never
 * cached by the Host (no code frame, evidence hash or message ever shows a line of it).
 */
import path from 'node:path';
import { parseTerraform } from './terraform.js';
import { isTerraformFile, isTerraformVarFile } from '../core/file-kind.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { hclBlockRanges } from '../parse/hcl/blocks.js';
import { envFromVariables, evaluationEnv, readIgnoringCase } from '../core/env.js';
import { relativeToRoot } from '../core/paths.js';
import { fileStart } from '../core/source.js';
import type { Value } from '../core/value.js';
import { evaluatePlan } from '../eval/terraform-plan/evaluate.js';
import { AUTO_VARFILE, autoOrder, readVarFile } from '../eval/terraform/tfvars.js';
import { isBackendFile } from '../eval/terraform/module-facts.js';
import { looksLikePlan } from '../eval/terraform-plan/read.js';
import { planByName } from './names.js';
import type { Evaluation, Resource } from '../model/resource.js';
import { fromTerraform, terraformPathsRead } from '../model/from-terraform.js';
import { isTerraformWorkloadType } from '../eval/terraform/kubernetes-types.js';
import { applyAzapiUpdates } from '../model/azapi-update.js';
import type { FileKind } from '../core/file-kind.js';
import type { EvaluatedUnit, FrontEnd, FrontEndResult, Problem, SuppressionSource } from './types.js';
import { isClassified, parseCache, pathEnv, readProblem, runWideKey } from './shared.js';
import { outOfModuleCopies, readModuleManifest } from './remote-modules.js';
import { appendAll } from '../core/arrays.js';
import { utf16Encoding } from '../core/host.js';

/** Chunk size of the streamed reads: memory is one chunk plus one resource change. */
const CHUNK_BYTES = 64 * 1024;
/** How much of a `.json` file the plan peek reads before streaming the top-level keys. */
const HEAD_BYTES = 64 * 1024;

/** Names a binary plan has (RULES.md TF004): `*.tfplan`, `tfplan`, `*.plan` (the last only with a `tfplan` entry). */
function binaryPlanName(base: string): 'sure' | 'maybe' | undefined {
  if (base === 'tfplan' || base.endsWith('.tfplan')) return 'sure';
  if (base.endsWith('.plan')) return 'maybe';
  return undefined;
}

/** A zip (local file header `PK\x03\x04`); `needEntry`: one of its first entries is named `tfplan` (Terraform writes it first). */
function isZipPlan(head: Buffer, needEntry: boolean): boolean {
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) return false;
  if (!needEntry) return true;
  for (let i = head.indexOf('PK\x03\x04'); i >= 0 && i + 30 <= head.length; i = head.indexOf('PK\x03\x04', i + 4)) {
    const nameLength = head.readUInt16LE(i + 26);
    if (head.toString('latin1', i + 30, i + 30 + nameLength) === 'tfplan') return true;
  }
  return false;
}

/**
 * The text of a `.json` file's first bytes as the Host decodes files (README "Encoding"): UTF-16
 * with a BOM (`terraform show -json > plan.json` in Windows PowerShell 5 writes UTF-16 LE), else
 * UTF-8; undefined for a UTF-8 head without `"format_version"`. Those bytes are searched before
 * any decoding: most `.json` files are not plans, and an ASCII name is in the decoded UTF-8 text
 * exactly when its bytes are in the file's.
 */
function headText(head: Buffer): string | undefined {
  const utf16 = utf16Encoding(head);
  // An odd last byte is half a character the peek cut: left out.
  if (utf16) return new TextDecoder(utf16).decode(head.subarray(2, head.length - (head.length % 2)));
  return head.indexOf('"format_version"') === -1 ? undefined : head.toString('utf8');
}

export const terraformPlanFrontEnd: FrontEnd = {
  name: 'terraform-plan',
  family: 'terraform',
  byName: planByName,
  byHead(file, host): FileKind | undefined {
    const base = path.basename(file).toLowerCase();
    const binary = binaryPlanName(base);
    if (binary) {
      const zip = host.readHead(file, 4096);
      if (zip && isZipPlan(zip, binary === 'maybe')) return 'tfplan-binary';
      // Not a zip: a plan JSON saved under a binary plan's name (`terraform show -json p > p.tfplan`)
      // is a plan by its content, whatever it is called (RULES.md TF004).
    }
    const head = host.readHead(file, HEAD_BYTES);
    // Terraform writes `format_version` first; a file without it near the start is not a plan.
    if (!head || !/"format_version"\s*:/.test(headText(head) ?? '')) return undefined;
    return looksLikePlan(() => host.readChunks(file, CHUNK_BYTES)) ? 'tfplan-json' : undefined;
  },
  // Units of work (issue 15): each plan alone (one evaluation per plan; the .tf files it maps to
  // are read through the Host, and a finding the static run also made is merged by place).
  units(files) {
    return files.map((f) => [f]);
  },
  // A plan unit leaves the syntax errors and comments of the .tf files the Terraform front end
  // lints to it (`own`, below in run): which those are is the run's, not the unit's reads.
  unitCacheKey: (_files, ctx) => runWideKey(ctx.allFiles, 'terraform-files', () => ctx.allFiles.filter((f) => f.kind === 'terraform').map((f) => f.path)),
  run(files, ctx): FrontEndResult {
    const problems: Problem[] = [];
    const hcl = parseCache<HclFile>(ctx.host, parseTerraform, (f) => f.errors, problems);
    const units: EvaluatedUnit[] = [];
    const fallbackFiles: { file: string; explanation: string }[] = [];
    for (const f of files) {
      if (f.kind === 'tfplan-binary') {
        // Walking into a committed binary plan is TF004's; naming one on purpose deserves a word.
        if (f.explicit) problems.push({ ruleId: 'PARSE001', message: 'A binary Terraform plan is not read: convert it with `terraform show -json plan.tfplan > plan.json` and lint the JSON', location: fileStart(f.path) });
        continue;
      }
      if (f.kind !== 'tfplan-json') continue;
      const evaluated = evaluatePlan({
        file: f.path,
        root: ctx.root,
        chunks: () => ctx.host.readChunks(f.path, CHUNK_BYTES),
        parseHcl: (file) => hcl.get(file),
        listTfFiles: (dir) => {
          const tfs = ctx.host.list(dir)?.filter((e) => e.isFile && isTerraformFile(e.name)).map((e) => e.path) ?? [];
          return tfs.length ? tfs : undefined;
        },
        insideRoot: (dir) => ctx.host.isInside(dir),
        moduleManifest: (dir) => readModuleManifest(ctx.host, dir, ctx.tfDataDir),
        ...(ctx.tfDataDir !== undefined ? { tfDataDir: ctx.tfDataDir } : {}),
        varFileValues: (dir) => {
          // A backend configuration (`prod.backend.tfvars`, for `terraform init -backend-config`) is no var file.
          const all = ctx.host.list(dir)?.filter((e) => e.isFile && isTerraformVarFile(e.name) && !isBackendFile(e.name)).map((e) => e.path) ?? [];
          const auto = all.filter((f) => AUTO_VARFILE.test(path.basename(f))).sort(autoOrder);
          const others = all.filter((f) => !AUTO_VARFILE.test(path.basename(f))).sort();
          const reader = { readText: (file: string) => ctx.host.readText(file), parseHcl: (file: string) => hcl.get(file) };
          return [...auto.map((file) => ({ file, auto: true })), ...others.map((file) => ({ file, auto: false }))].map((f) => ({ ...f, values: readVarFile(f.file, reader) }));
        },
        pathsRead: terraformPathsRead,
      });
      const unreadable = readProblem(ctx.host, f.path);
      // The JSON's syntax is checked by the stream; the .tf files the Terraform front end lints report their own.
      if (unreadable) problems.push(unreadable);
      appendAll(problems, evaluated.problems);
      outOfModuleCopies(problems, evaluated.resources);
      const rel = relativeToRoot(ctx.root, f.path);
      const evaluation: Evaluation = {
        variant: rel,
        variantFile: f.path,
        ...evaluationEnv(pathEnv(ctx, f.path) ?? envFromVariables(readIgnoringCase(evaluated.variables.keys(), (k) => evaluated.variables.get(k)))),
        unit: evaluated.rootDir ?? f.path,
        inputs: [],
        planFile: f.path,
      };
      const resources: Resource[] = [];
      for (const r of evaluated.resources) {
        // Kubernetes workloads (K8S001/K8S002) are the static run's: their reader is loaded only when
        // the run's .tf files declare workloads, whose unit reads them with their places and runs
        // late, with the scan's GPU pools; a plan unit does not, and judged them without those pools
        // (review 103: a second, wrong warning beside the static run's finding).
        if (isTerraformWorkloadType(r.type)) continue;
        const normalized = fromTerraform(r, evaluation);
        normalized[0]?.identity.push(...r.ids);
        resources.push(...normalized);
      }
      applyAzapiUpdates(evaluated.resources, resources);
      units.push({ evaluation, resources, refKeys: planRefKeys });
      const missing = evaluated.resources.filter((r) => r.inPlanJson).length;
      if (missing) fallbackFiles.push({ file: f.path, explanation: 'located in the plan JSON: its .tf source was not found in the scan root' });
    }
    // Comments and syntax errors of the `.tf` files read for the mapping that the Terraform front
    // end does not lint (a plan named alone); the ones it lints it reports itself.
    const own = problems.filter((p) => !(p.ruleId === 'PARSE001' && isClassified(ctx, p.location.file) && isTerraformFile(p.location.file)));
    const suppressionSources: SuppressionSource[] = [];
    for (const [file, parsed] of hcl.entries()) if (parsed && !isClassified(ctx, file)) suppressionSources.push({ file, comments: parsed.comments, blocks: hclBlockRanges(parsed.body) });
    return { units, problems: own, suppressionSources, fallbackFiles };
  },
};

/** A reference: an unknown value names its target (`tf:…`); a known Azure resource ID is the target's `id:` identity. */
function planRefKeys(ref: Value): string[] {
  if (ref.kind === 'unknown' && ref.token) return [ref.token];
  if (ref.kind === 'string' && ref.value.startsWith('/')) return [`id:${ref.value.toLowerCase()}`];
  return [];
}

