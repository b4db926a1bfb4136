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
import { brAliasesOf, brCachePath, DEFAULT_BR_ALIASES, type BrAlias } from '../eval/bicep/registry.js';
import type { Host } from '../core/host.js';
import type { Resource, VendoredOrigin } from '../model/resource.js';
import { nodeToJS } from '../parse/json/index.js';
import path from 'node:path';

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
  /** `br:` aliases by folder (the nearest bicepconfig.json), and modules read from the Bicep cache. */
  aliases: Map<string, ReadonlyMap<string, BrAlias>>;
  cached: Map<string, ParsedJson | undefined>;
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
      aliases: new Map(),
      cached: new Map(),
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
      ...(ctx.bicepCache ? { registryModule: (bicepFile: string, reference: string) => cachedModule(state, ctx, ctx.bicepCache!, bicepFile, reference) } : {}),
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
        resources: e.result.resources.filter((r) => !r.existing).flatMap((r) => withVendored(fromArm(r, e.evaluation, {}, 'bicep'), r.vendored)),
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

/** Resources from a module copy outside the user's code keep the call they came through. */
function withVendored(out: Resource[], vendored: VendoredOrigin | undefined): Resource[] {
  if (vendored) for (const r of out) r.vendored = vendored;
  return out;
}

/**
 * `br:` aliases for a file: the nearest bicepconfig.json in its folder or above (inside the
 * scan root, read through the Host), over the built-in `public` alias.
 */
function aliasesFor(state: RunState, ctx: FrontEndContext, dir: string): ReadonlyMap<string, BrAlias> {
  const known = state.aliases.get(dir);
  if (known) return known;
  const config = path.join(dir, 'bicepconfig.json');
  let out: ReadonlyMap<string, BrAlias>;
  if (ctx.host.isFile(config)) {
    const parsed = state.json.get(config);
    out = parsed?.root ? brAliasesOf(nodeToJS(parsed.root)) : DEFAULT_BR_ALIASES;
  } else {
    const up = path.dirname(dir);
    out = up !== dir && ctx.host.isInside(up) ? aliasesFor(state, ctx, up) : DEFAULT_BR_ALIASES;
  }
  state.aliases.set(dir, out);
  return out;
}

/** A `br:` module restored in the Bicep cache (`--bicep-cache`), read through the cache's own Host. */
function cachedModule(state: RunState, ctx: FrontEndContext, cache: Host, bicepFile: string, reference: string): { parsed: ParsedJson; cacheRoot: string } | { reason: string } {
  if (/^ts[:/]/i.test(reference)) return { reason: 'template specs are not read from the Bicep cache' };
  const where = brCachePath(reference, aliasesFor(state, ctx, path.dirname(bicepFile)));
  if ('reason' in where) return where;
  const cacheRoot = cache.root;
  const file = path.join(cacheRoot, ...where.path.split('/'));
  if (!state.cached.has(file)) {
    const text = cache.isFile(file) ? cache.readText(file) : undefined;
    const parsed = text === undefined ? undefined : parseJsonc(text, file);
    state.cached.set(file, parsed?.root && parsed.errors.length === 0 ? parsed : undefined);
  }
  const parsed = state.cached.get(file);
  return parsed ? { parsed, cacheRoot } : { reason: `the Bicep cache has no restored copy (${where.path}; run \`bicep restore\`)` };
}
