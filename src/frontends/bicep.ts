/**
 * Native Bicep (`.bicep`, `.bicepparam`), evaluated onto the ARM resource shape so every
 * ARM rule applies. Owns the compiled-twin policy (issue #7): a template compiled from a
 * `.bicep` that sits beside it is an artifact of that source, so the `.bicep` is linted and
 * the twin is superseded; when the `.bicep` does not parse, the twin is linted instead (and
 * the `.bicep` gets its PARSE001), so nothing is lost. The twin's JSON parameter files
 * (`azuredeploy.parameters.json`) stay variants: the `.bicep` is evaluated once per file, its
 * values applied to the Bicep params by name (issue 11, item 4).
 */
import { parseBicep, parseBicepParam, type BicepFile, type BicepParamFile } from '../parse/bicep/index.js';
import { collectBicepPragmas } from '../parse/bicep/pragmas.js';
import { evaluateBicep } from '../eval/bicep/project.js';
import { bicepSourceCandidates, metadataTemplate } from '../eval/arm/project.js';
import { pairParameterFiles } from '../eval/arm/detect.js';
import { readParameterFile } from '../eval/arm/template.js';
import { parseJsonc, type ParsedJson } from '../parse/json/index.js';
import { armRefKeys, fromArm } from '../model/from-arm.js';
import type { FrontEnd, FrontEndContext, Problem, SuppressionSource } from './types.js';
import { parseCache, type ParseCache } from './shared.js';
import { bicepKindByName } from './names.js';
import { remoteModuleProblem } from './remote-modules.js';

/** A compiled template says so in `metadata._generator` (`"name": "bicep"`), near its top. */
const BICEP_GENERATOR = /"_generator"\s*:\s*\{\s*"name"\s*:\s*"bicep"/;

interface RunState {
  problems: Problem[];
  bicep: ParseCache<BicepFile>;
  params: ParseCache<BicepParamFile>;
  /** `.bicep` files whose compiled twin is linted in their place (they do not parse). */
  brokenWithTwin: Set<string>;
  /** Superseded compiled twins → their `.bicep` source. */
  twins: Map<string, string>;
  /** JSON parameter files read for twins (their PARSE001 is the ARM front end's). */
  json: ParseCache<ParsedJson>;
}

/** Parse caches shared by `supersedes` and `run` of one lint run. */
const states = new WeakMap<FrontEndContext, RunState>();
function stateOf(ctx: FrontEndContext): RunState {
  let s = states.get(ctx);
  if (!s) {
    const problems: Problem[] = [];
    s = {
      problems,
      bicep: parseCache<BicepFile>(ctx.host, parseBicep, (f) => f.errors, problems),
      params: parseCache<BicepParamFile>(ctx.host, parseBicepParam, (f) => f.errors, problems),
      brokenWithTwin: new Set(),
      twins: new Map(),
      json: parseCache<ParsedJson>(ctx.host, parseJsonc, () => [], []),
    };
    states.set(ctx, s);
  }
  return s;
}

export const bicepFrontEnd: FrontEnd = {
  name: 'bicep',
  family: 'arm',
  byName: bicepKindByName,
  supersedes(files, ctx) {
    const state = stateOf(ctx);
    const bicepFiles = new Set(files.filter((f) => f.kind === 'bicep').map((f) => f.path));
    const out = new Set<string>();
    for (const f of ctx.allFiles) {
      if (f.kind !== 'arm') continue;
      const twin = bicepSourceCandidates(f.path).find((c) => bicepFiles.has(c));
      if (!twin || !BICEP_GENERATOR.test(ctx.host.readText(f.path)?.slice(0, 8192) ?? '')) continue;
      const parsed = state.bicep.get(twin);
      if (parsed !== undefined && parsed.errors.length === 0) {
        out.add(f.path);
        state.twins.set(f.path, twin);
      } else state.brokenWithTwin.add(twin);
    }
    return out;
  },
  run(files, ctx) {
    const state = stateOf(ctx);
    const result = evaluateBicep({
      host: ctx.host,
      bicepFiles: files.filter((f) => f.kind === 'bicep' && !state.brokenWithTwin.has(f.path)).map((f) => f.path),
      paramFiles: files.filter((f) => f.kind === 'bicepparam').map((f) => f.path),
      parse: (f) => state.bicep.get(f),
      parseParams: (f) => state.params.get(f),
      jsonParameterFiles: twinParameterFiles(state, ctx),
      readJsonParameters: (f) => {
        const parsed = state.json.get(f);
        return parsed?.root ? readParameterFile({ file: f, parsed }) : undefined;
      },
      envOverride: ctx.envOverride,
      compiledTwin: (bicepFile) => compiledTwinOf(state, ctx, bicepFile),
    });
    for (const f of files) if (f.kind === 'bicep') state.bicep.get(f.path);
    const problems = [...state.problems, ...result.problems.map((p): Problem => ({ ruleId: p.code, message: p.message, location: p.location }))];
    for (const e of result.evaluations) for (const m of e.opaqueModules) problems.push(remoteModuleProblem(m));
    const suppressionSources: SuppressionSource[] = [];
    for (const [file, b] of state.bicep.entries()) {
      if (!b) continue;
      suppressionSources.push({ file, comments: [...b.comments, ...collectBicepPragmas(b.text)], blocks: b.statements.map((st) => st.range) });
    }
    return {
      units: result.evaluations.map((e) => ({
        evaluation: e.evaluation,
        resources: e.result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, e.evaluation, {}, 'bicep')),
        refKeys: armRefKeys,
        opaqueModules: e.opaqueModules,
      })),
      problems,
      suppressionSources,
    };
  },
};

/**
 * The JSON parameter files paired with each superseded twin, by the twin's `.bicep` source.
 * Pairing sees every ARM template of the run, so a parameter file meant for another template
 * is never taken for a twin.
 */
function twinParameterFiles(state: RunState, ctx: FrontEndContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (state.twins.size === 0) return out;
  const templates = ctx.allFiles.filter((f) => f.kind === 'arm').map((f) => f.path);
  const paramFiles = ctx.allFiles.filter((f) => f.kind === 'arm-params').map((f) => f.path);
  const pairs = pairParameterFiles(templates, paramFiles, (pf) => metadataTemplate(state.json.get(pf)));
  for (const [template, source] of state.twins) {
    const pfs = pairs.get(template) ?? [];
    if (pfs.length) out.set(source, [...(out.get(source) ?? []), ...pfs]);
  }
  return out;
}

/**
 * The compiled twin beside a `.bicep` file (`main.bicep` → `main.json`, the name `bicep build`
 * writes), when it says it was generated by Bicep; parsed once per run through the Host.
 */
function compiledTwinOf(state: RunState, ctx: FrontEndContext, bicepFile: string): ParsedJson | undefined {
  const twin = bicepFile.replace(/\.bicep$/i, '.json');
  if (twin === bicepFile || !ctx.host.isFile(twin)) return undefined;
  if (!BICEP_GENERATOR.test(ctx.host.readText(twin)?.slice(0, 8192) ?? '')) return undefined;
  const parsed = state.json.get(twin);
  return parsed?.root && parsed.errors.length === 0 ? parsed : undefined;
}
