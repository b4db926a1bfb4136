/**
 * Native Bicep (`.bicep`, `.bicepparam`), evaluated onto the ARM resource shape so every
 * ARM rule applies. Owns the compiled-twin policy (issue #7): a template compiled from a
 * `.bicep` that sits beside it is an artifact of that source, so the `.bicep` is linted and
 * the twin is superseded; when the `.bicep` does not parse, the twin is linted instead (and
 * the `.bicep` gets its PARSE001), so nothing is lost. The twin's JSON parameter files
 * (`azuredeploy.parameters.json`) stay variants: the `.bicep` is evaluated once per file, its
 * values applied to the Bicep params by name (issue 11, item 4). A `.bicepparam` whose `using`
 * names an ARM template (`using './azuredeploy.json'`) evaluates it with its values here, as a JSON
 * parameters file would; the ARM front end then does not evaluate it with its defaults alone.
 */
import { forEachBicepNode, parseBicep, parseBicepParam, type BicepFile, type BicepParamFile } from '../parse/bicep/index.js';
import { collectBicepPragmas } from '../parse/bicep/pragmas.js';
import { evaluateBicep } from '../eval/bicep/project.js';
import { bicepSourceCandidates, compiledTemplateCandidates, mayNameTemplate, metadataTemplate } from '../eval/arm/project.js';
import { parameterFilePairing } from '../eval/arm/detect.js';
import { bicepStandIns, undeclaredWithStandIns } from './parameter-pairing.js';
import { parameterFileEntries, readParameterFile } from '../eval/arm/template.js';
import { parseJsonc, type ParsedJson } from '../parse/json/index.js';
import { armRefKeys, fromArm } from '../model/from-arm.js';
import path from 'node:path';
import type { ClassifiedFile, EvaluatedUnit, FrontEnd, FrontEndContext, MetadataSource, Problem, SuppressionSource } from './types.js';
import { deploymentScriptUnits, loadDeploymentScripts } from './deployment-scripts.js';
import { jsonSuppressionSource, resourceMetadata } from './arm-suppressions.js';
import type { BicepProjectResult } from '../eval/bicep/project.js';
import { parseCache, planningFact, runWideKey, type ParseCache } from './shared.js';
import { bicepKindByName } from './names.js';
import { hasLocalCopy, remoteModuleProblem } from './remote-modules.js';
import { bicepReferences, JSON_TEMPLATE_PATH, jsonModulesOf, usingTemplateOf } from './bicep-references.js';
import { brAliasesOf, brCachePath, DEFAULT_BR_ALIASES, type BrAlias } from '../eval/bicep/registry.js';
import type { Host } from '../core/host.js';
import type { Range } from '../core/source.js';
import type { Resource, VendoredOrigin } from '../model/resource.js';
import { nodeToJS } from '../parse/json/index.js';
import { unknown, type Value } from '../core/value.js';

/** A compiled template says so in `metadata._generator` (`"name": "bicep"`), near its top. */
const BICEP_GENERATOR = /"_generator"\s*:\s*\{\s*"name"\s*:\s*"bicep"/;

interface RunState {
  /** `.bicep` files whose compiled twin is linted in their place (they do not parse). */
  brokenWithTwin: Set<string>;
  /** Superseded compiled twins → their `.bicep` source. */
  twins: Map<string, string>;
  /**
   * The run's ARM parameter files paired with its templates, but for what each file's text
   * says (`metadata.template`): made on first use, the path work shared by every unit.
   */
  pairing?: ReturnType<typeof parameterFilePairing>;
  /**
   * For each `.bicep` of the run without an ARM template at `X.json`: that path → the `.bicep`.
   * Its JSON parameter files name it so (`main.parameters.json` beside `main.bicep`, the azd
   * layout; `az deployment group create --template-file main.bicep --parameters main.parameters.json`).
   */
  standIns?: Map<string, string>;
  /** Each parameter file's `mayNameTemplate` answer: every unit with a twin asks it of every parameter file of the run (two scans of each text per unit). */
  namesTemplate?: Map<string, boolean>;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A JSON template's text says Bicep compiled it (its `_generator`, near the start). */
function saysBicepGenerated(text: string): boolean {
  return BICEP_GENERATOR.test(text.slice(0, 8192));
}

/** `saysBicepGenerated` as planning's fact about the file (`planningFact`). */
function isBicepGenerated(ctx: FrontEndContext, template: string): boolean {
  return planningFact(ctx, 'bicep-generated', template, isBoolean, saysBicepGenerated) ?? false;
}

/** What `supersedes` decided, for `run` (one lint run shares one context). No trees: units release theirs. */
const states = new WeakMap<FrontEndContext, RunState>();
function stateOf(ctx: FrontEndContext): RunState {
  let s = states.get(ctx);
  if (!s) {
    s = { brokenWithTwin: new Set(), twins: new Map() };
    states.set(ctx, s);
  }
  return s;
}

/** The parse caches of one `run` (one unit of work), dropped with it. */
interface UnitParses {
  problems: Problem[];
  bicep: ParseCache<BicepFile>;
  params: ParseCache<BicepParamFile>;
  /** JSON parameter files read for twins (their PARSE001 is the ARM front end's), and compiled twins. */
  json: ParseCache<ParsedJson>;
  /**
   * `br:` aliases by folder (the nearest bicepconfig.json), and modules read from the Bicep
   * cache: per unit, so each unit's recorded reads (the --cache) include the config it used.
   */
  aliases: Map<string, ReadonlyMap<string, BrAlias>>;
  cached: Map<string, ParsedJson | undefined>;
  /**
   * compiledTwinOf by `.bicep` file: asked per registry module instance and variant, and each
   * asking reads the twin's head and tests it; the Host's answers do not change within a unit.
   */
  compiledTwins: Map<string, ParsedJson | undefined>;
}

const soundFiles = new WeakMap<BicepFile, BicepFile>();

/**
 * A file with syntax errors as the evaluator reads it: without the statements an error is in
 * (README "Usage": what the parser recovered around an error is not judged; a property cut off
 * by a missing `:` would read as absent). The other statements are evaluated, as Terraform's
 * front end keeps the blocks around a broken one.
 */
function soundStatements(parsed: BicepFile | undefined): BicepFile | undefined {
  if (!parsed || parsed.errors.length === 0) return parsed;
  let sound = soundFiles.get(parsed);
  if (!sound) {
    // An error inside a statement breaks it; one at the end of the file (a `{` never closed)
    // breaks the last statement, which the parser closed there.
    const end = parsed.text.trimEnd().length;
    const last = parsed.statements[parsed.statements.length - 1];
    const broken = (st: { range: { start: { offset: number }; end: { offset: number } } }): boolean =>
      parsed.errors.some((e) => (st.range.start.offset <= e.range.start.offset && e.range.start.offset <= st.range.end.offset) || (st === last && e.range.start.offset >= end));
    sound = { ...parsed, statements: parsed.statements.filter((st) => !broken(st)) };
    soundFiles.set(parsed, sound);
  }
  return sound;
}

function unitParses(ctx: FrontEndContext): UnitParses {
  const problems: Problem[] = [];
  return {
    problems,
    bicep: parseCache<BicepFile>(ctx.host, parseBicep, (f) => f.errors, problems),
    params: parseCache<BicepParamFile>(ctx.host, parseBicepParam, (f) => f.errors, problems),
    json: parseCache<ParsedJson>(ctx.host, parseJsonc, () => [], []),
    aliases: new Map(),
    cached: new Map(),
    compiledTwins: new Map(),
  };
}

export const bicepFrontEnd: FrontEnd = {
  name: 'bicep',
  family: 'arm',
  byName: bicepKindByName,
  supersedes(files, ctx) {
    const state = stateOf(ctx);
    // Whether a twin's source parses; the trees are not kept (the unit parses them again).
    const parses = unitParses(ctx);
    const parsesClean = (twin: string): boolean => {
      const parsed = parses.bicep.get(twin);
      return parsed !== undefined && parsed.errors.length === 0;
    };
    const bicepFiles = new Set(files.filter((f) => f.kind === 'bicep').map((f) => f.path));
    const out = new Set<string>();
    for (const f of ctx.allFiles) {
      if (f.kind !== 'arm') continue;
      const twin = bicepSourceCandidates(f.path).find((c) => bicepFiles.has(c));
      if (!twin || !isBicepGenerated(ctx, f.path)) continue;
      // With --cache, an unchanged source is not read or parsed again: whether it parses is its file's fact.
      if (ctx.facts ? ctx.facts.fileFact('bicep-parses', twin, ctx.host, isBoolean, () => (ctx.host.readText(twin) === undefined ? undefined : parsesClean(twin))) : parsesClean(twin)) {
        out.add(f.path);
        state.twins.set(f.path, twin);
      } else state.brokenWithTwin.add(twin);
    }
    return out;
  },
  units: bicepUnits,
  unitCacheKey: bicepUnitCacheKey,
  // The JSON parameter files of its twins and stand-ins, and the compiled twins that lend their
  // registry modules' bodies (the ARM front end's files, where findings are then placed): a
  // pre-commit run given only `main.parameters.json` or `azuredeploy.json` reports them.
  evaluatesOthers: (files, ctx) => [
    ...[...twinParameterFiles(stateOf(ctx), unitParses(ctx), ctx, files).values()].flat(),
    ...files.filter((f) => f.kind === 'bicep').flatMap((f) => compiledTemplateCandidates(f.path).filter((c) => c !== f.path)),
    // The ARM templates its `.bicepparam` files name (`using './azuredeploy.json'`) and its `.bicep`
    // files declare as modules (`module kv './kv.json'`): evaluated here only.
    ...files.filter((f) => f.kind === 'bicepparam').flatMap((f) => usingTemplateOf(ctx, f.path) ?? []),
    ...files.filter((f) => f.kind === 'bicep').flatMap((f) => jsonModulesOf(ctx, f.path)),
  ],
  // A template that names a deployment script may hold one written inline: the reader of its
  // script (the CI parser, the Azure CLI interpreter) is imported before the units run.
  beforeUnits: loadDeploymentScripts,
  run(files, ctx) {
    const state = stateOf(ctx);
    const parses = unitParses(ctx);
    const result = evaluateBicep({
      host: ctx.host,
      bicepFiles: files.filter((f) => f.kind === 'bicep' && !state.brokenWithTwin.has(f.path)).map((f) => f.path),
      paramFiles: files.filter((f) => f.kind === 'bicepparam').map((f) => f.path),
      parse: (f) => soundStatements(parses.bicep.get(f)),
      parseParams: (f) => parses.params.get(f),
      jsonParameterFiles: twinParameterFiles(state, parses, ctx, files),
      readJsonParameters: (f) => {
        const parsed = parses.json.get(f);
        if (!parsed?.root) return undefined;
        return readParameterFile({ file: f, parsed }, substitutedLater);
      },
      jsonParameterEntries: (f) => {
        const parsed = parses.json.get(f);
        return parsed?.root ? parameterFileEntries({ file: f, parsed }).map(([k, v]): [string, Value] => [k, substitutedLater(v, k)]) : undefined;
      },
      envOverride: ctx.envOverride,
      ...(ctx.envAbove ? { envAbove: ctx.envAbove } : {}),
      envForPath: (f) => ctx.envForPath(f),
      compiledTwin: (bicepFile) => compiledTwinOf(parses, ctx, bicepFile),
      ...(ctx.bicepCache ? { registryModule: (bicepFile: string, reference: string) => cachedModule(parses, ctx, ctx.bicepCache!, bicepFile, reference) } : {}),
      parseTemplate: (f) => parses.json.get(f),
      twinSource: (template) => twinSourceOf(state, template),
    });
    for (const f of files) if (f.kind === 'bicep') parses.bicep.get(f.path);
    for (const f of files) {
      const values = f.kind === 'bicepparam' ? result.loneParamValues.get(f.path) : undefined;
      if (values) f.varValues = values;
    }
    const problems = [...parses.problems, ...result.problems.map((p): Problem => ({ ruleId: p.code, message: p.message, location: p.location }))];
    for (const e of result.evaluations) {
      // A linked template of a module's body (ARM) whose file sits beside it is no remote module.
      e.opaqueModules = e.opaqueModules.filter((m) => !hasLocalCopy(ctx.host, m));
      for (const m of e.opaqueModules) if (!m.local) problems.push(remoteModuleProblem(m));
    }
    const suppressionSources: SuppressionSource[] = [];
    // `.bicepparam` files too: a finding is placed at the parameter file's value (RULES.md
    // "Location"), and a suppression there is written in the same `//` grammar.
    for (const [file, b] of [...parses.bicep.entries(), ...parses.params.entries()]) {
      if (!b) continue;
      const comments = [...b.comments, ...collectBicepPragmas(b.text, b.lineMap)];
      suppressionSources.push({ file, comments, blocks: [...b.statements.flatMap(statementBlocks), ...(comments.some(mayBeDirective) ? valueBlocks(b) : [])] });
    }
    // The ARM templates `.bicepparam` files name: their comments and resource `metadata` suppress
    // as in the ARM front end (which also collects them when the template is scanned: merged as one).
    const { sources: templateSources, metadata } = usingTemplateSuppressions(result.evaluations, parses);
    suppressionSources.push(...templateSources);
    const units: EvaluatedUnit[] = result.evaluations.map((e) => ({
      evaluation: e.evaluation,
      resources: e.result.resources
        .filter((r) => !r.existing)
        .flatMap((r) => (e.template ? fromArm(r, e.evaluation, { bicepDeclaration: e.bicepDeclaration }) : withVendored(fromArm(r, e.evaluation, {}, 'bicep'), r.vendored))),
      refKeys: armRefKeys,
      opaqueModules: e.opaqueModules,
    }));
    // The az commands of inline deployment scripts: resources of the template's unit.
    const scripts = deploymentScriptUnits(units, ctx);
    problems.push(...scripts.problems);
    suppressionSources.push(...scripts.suppressionSources);
    return {
      units: [...units, ...scripts.units],
      problems,
      suppressionSources,
      metadata,
      ...(scripts.skipped.length ? { skipped: scripts.skipped } : {}),
    };
  },
};

/**
 * A parameter-file value with a `${NAME}` placeholder is unknown: azd (and envsubst-style
 * pipeline steps) replace it with an environment value when the deployment runs
 * (`"environmentName": {"value": "${AZURE_ENV_NAME}"}`). RULES.md: unknown values are never reported.
 */
function substitutedLater(v: Value, parameter?: string): Value {
  // A whole parameter's value stands for the parameter, as a parameter without a value does
  // (its token: a name built from it reads `kv-<environmentName>`, not the declaration's symbol).
  if (v.kind === 'string') return /\$\{[A-Za-z_][A-Za-z0-9_]*(?:=[^}]*)?\}/.test(v.value) ? unknown(`"${v.value}" is replaced with an environment value when the deployment runs (azd, envsubst)`, v.origin, parameter === undefined ? undefined : `parameters('${parameter}')`) : v;
  if (v.kind === 'list') return { ...v, items: v.items.map((x) => substitutedLater(x)) };
  if (v.kind === 'object') return { ...v, entries: new Map([...v.entries].map(([k, e]) => [k, substitutedLater(e)])) };
  return v;
}

/** The `.bicep` source of a superseded compiled twin (`supersedes`), as an absolute path. */
function twinSourceOf(state: RunState, template: string): string | undefined {
  // The run's paths are absolute (discovery resolves them).
  const source = state.twins.get(path.resolve(template));
  return source === undefined ? undefined : path.resolve(source);
}

/** The run's ARM templates (`.json` of kind 'arm'). */
function armTemplatesOf(ctx: FrontEndContext): string[] {
  return ctx.allFiles.filter((f) => f.kind === 'arm').map((f) => f.path);
}

/** `RunState.standIns`, made once per run. */
function standInsOf(state: RunState, ctx: FrontEndContext): Map<string, string> {
  return (state.standIns ??= bicepStandIns(ctx.allFiles));
}

/** What the run's parameter-file pairing is made of: every template (stand-ins included) and every parameter file of the run. */
function pairingInputs(state: RunState, ctx: FrontEndContext): [templates: string[], paramFiles: string[]] {
  return [[...armTemplatesOf(ctx), ...standInsOf(state, ctx).keys()], ctx.allFiles.filter((f) => f.kind === 'arm-params').map((f) => f.path)];
}

/**
 * What planning decided about a unit from outside its files (`FrontEnd.unitCacheKey`): which of
 * its sources have a compiled twin linted in their place (`brokenWithTwin`: decided by the twin,
 * a file of another unit), the templates standing for its sources (twins, stand-ins), and, when
 * it has any, the run's templates and parameter files the pairing goes by (`twinParameterFiles`:
 * a parameter file added beside `main.bicep` pairs with it; the unit's reads do not show a file
 * that was not there).
 */
function bicepUnitCacheKey(files: readonly ClassifiedFile[], ctx: FrontEndContext): string {
  const state = stateOf(ctx);
  const inUnit = new Set(files.map((f) => f.path));
  const broken = files.filter((f) => state.brokenWithTwin.has(f.path)).map((f) => f.path);
  const templates = [...state.twins, ...standInsOf(state, ctx)].filter(([, source]) => inUnit.has(source));
  const pairing = templates.length > 0 ? runWideKey(ctx.allFiles, 'bicep-pairing', () => pairingInputs(state, ctx)) : '';
  return JSON.stringify([broken, templates, pairing]);
}

/**
 * The JSON parameter files paired with each superseded twin, by the twin's `.bicep` source.
 * Pairing sees every ARM template of the run, so a parameter file meant for another template
 * is never taken for a twin.
 */
function twinParameterFiles(state: RunState, parses: UnitParses, ctx: FrontEndContext, unitFiles: readonly ClassifiedFile[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const inUnit = new Set(unitFiles.map((f) => f.path));
  // Both made once per run (every Bicep unit asks): a walk over every file per unit is quadratic.
  const standIns = standInsOf(state, ctx);
  const templates = [...state.twins, ...standIns].filter(([, source]) => inUnit.has(source));
  if (templates.length === 0) return out;
  const ownTemplates = new Set(templates.map(([t]) => t));
  state.pairing ??= parameterFilePairing(...pairingInputs(state, ctx));
  // Most parameter files name no template (`metadata.template`): only those that could are
  // parsed. Each unit reads them all again (through its Host, so its recorded reads hold them),
  // from the texts the Host keeps.
  const pairs = state.pairing((pf) => {
    // Kept by the Host for the run: every such unit reads every parameter file of the run.
    ctx.host.keep(pf);
    const text = ctx.host.readText(pf);
    if (text === undefined) return undefined;
    const names = (state.namesTemplate ??= new Map());
    let may = names.get(pf);
    if (may === undefined) names.set(pf, (may = mayNameTemplate(text)));
    return may ? metadataTemplate(parses.json.get(pf)) : undefined;
  }, undeclaredWithStandIns((f) => parses.json.get(f), (t) => standIns.get(t) ?? state.twins.get(t), ctx.host), (t) => ownTemplates.has(t));
  for (const [template, source] of templates) {
    const pfs = pairs.get(template) ?? [];
    if (pfs.length) out.set(source, [...(out.get(source) ?? []), ...pfs]);
  }
  return out;
}

/**
 * The compiled twin beside a `.bicep` file (`main.bicep` → `main.json`, the name `bicep build`
 * writes, else the quickstart layout's `azuredeploy.json`), when it says it was generated by
 * Bicep; parsed once per run through the Host.
 */
function compiledTwinOf(state: UnitParses, ctx: FrontEndContext, bicepFile: string): ParsedJson | undefined {
  if (state.compiledTwins.has(bicepFile)) return state.compiledTwins.get(bicepFile);
  const parsed = readCompiledTwin(state, ctx, bicepFile);
  state.compiledTwins.set(bicepFile, parsed);
  return parsed;
}

function readCompiledTwin(state: UnitParses, ctx: FrontEndContext, bicepFile: string): ParsedJson | undefined {
  // The same pairing as `supersedes` (bicepSourceCandidates), so a twin that is not linted in its
  // source's place still lends it the bodies of its registry modules.
  const twin = compiledTemplateCandidates(bicepFile).find((c) => c !== bicepFile && ctx.host.isFile(c) && saysBicepGenerated(ctx.host.readText(c) ?? ''));
  if (!twin) return undefined;
  const parsed = state.json.get(twin);
  return parsed?.root && parsed.errors.length === 0 ? parsed : undefined;
}

/** The suppression sources (comments) and resource `metadata` of the ARM templates `.bicepparam` files name, as `arm.ts` collects them. */
function usingTemplateSuppressions(evaluations: BicepProjectResult['evaluations'], parses: UnitParses): { sources: SuppressionSource[]; metadata: MetadataSource[] } {
  const templates = evaluations.filter((e) => e.template);
  const sources: SuppressionSource[] = [];
  for (const file of new Set(templates.map((e) => e.evaluation.unit))) {
    const source = jsonSuppressionSource(file, parses.json.get(file));
    if (source && source.comments.length > 0) sources.push(source);
  }
  return { sources, metadata: resourceMetadata(templates.map((e) => e.result)) };
}

/**
 * The blocks a suppression on its own line may cover: a declaration from its first decorator, and
 * also from each later line that starts one of its decorators or its keyword, so a comment written
 * between `@description(…)` and `resource x … = {` covers the whole declaration (RULES.md: "when
 * that line opens a block (a `resource`/`module`/`variable` block …) to the whole block").
 */
function statementBlocks(st: { range: Range; decorators?: readonly { range: Range }[]; keywordRange?: Range }): Range[] {
  const out = [st.range];
  const starts = [...(st.decorators ?? []).map((d) => d.range.start), ...(st.keywordRange ? [st.keywordRange.start] : [])];
  for (const start of starts) if (start.line > out[out.length - 1]!.start.line) out.push({ start, end: st.range.end });
  return out;
}

/** A comment that may hold a suppression directive (the blocks inside declarations are looked for only then). */
function mayBeDirective(c: { text: string }): boolean {
  return c.text.includes('mlops-iac-lint-ignore');
}

/**
 * The object and array values that open on a line inside declarations, each from that line to
 * its end: a property whose value opens there (`properties: {`, `agentPoolProfiles: [`) and an
 * array's element (`{` of one agent pool). A directive on the line before covers the whole of
 * it, as one before a JSON object does (RULES.md "Inline suppressions"; review 66: it covered
 * the `{` line only, and was reported unused while the finding inside stayed).
 */
function valueBlocks(file: BicepFile | BicepParamFile): Range[] {
  const out: Range[] = [];
  forEachBicepNode(file, (n) => {
    const opens = n.kind === 'ObjectProperty' ? n.value.kind === 'Object' || n.value.kind === 'Array' || n.value.kind === 'For' : n.kind === 'Object' || n.kind === 'Array';
    if (opens && n.range.end.line > n.range.start.line) out.push(n.range);
  });
  return out;
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
function aliasesFor(state: UnitParses, ctx: FrontEndContext, dir: string): ReadonlyMap<string, BrAlias> {
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
function cachedModule(state: UnitParses, ctx: FrontEndContext, cache: Host, bicepFile: string, reference: string): { parsed: ParsedJson; cacheRoot: string } | { reason: string } {
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

/**
 * Units of work (issue 15): `.bicep` and `.bicepparam` files joined by the local references
 * between scanned files (a module declaration, a `using`), read with a pattern before any
 * parse — a file used as a module is evaluated through its caller (`evaluateBicep`), so the
 * two must be in one unit. A pattern match that is not a real reference only joins more.
 */
function bicepUnits(files: readonly ClassifiedFile[], ctx: FrontEndContext): ClassifiedFile[][] {
  const state = stateOf(ctx);
  const scanned = new Map(files.map((f) => [path.resolve(f.path), f]));
  const parent = new Map<string, string>(files.map((f) => [path.resolve(f.path), path.resolve(f.path)]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const f of files) {
    const from = path.resolve(f.path);
    for (const reference of bicepReferences(ctx, f.path) ?? []) {
      const named = path.resolve(path.dirname(from), reference);
      // `using './main.json'` where main.json is a twin linted through its `.bicep`: a variant of that `.bicep`.
      const target = scanned.has(named) ? named : (twinSourceOf(state, named) ?? named);
      // An ARM JSON template (a module, a `using` target) is evaluated through each file that
      // names it: those files are one unit, as the callers of one `.bicep` module are, so the
      // instances it makes for each are one finding that names the others.
      if (!scanned.has(target)) {
        if (!JSON_TEMPLATE_PATH.test(target)) continue;
        if (!parent.has(target)) parent.set(target, target);
      }
      const a = find(from);
      const b = find(target);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, ClassifiedFile[]>();
  for (const [p, f] of scanned) {
    const k = find(p);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return [...groups.values()];
}
