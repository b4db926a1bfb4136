/**
 * ARM templates (hand-written and compiled from Bicep) and their parameter files. A JSON
 * file is ARM when its `$schema` says deploymentTemplate / deploymentParameters. Each
 * paired parameter file is a variant (RULES.md "Variants"). A compiled template whose
 * `.bicep` source is linted natively is superseded by the Bicep front end. A template a
 * `.bicepparam` names in `using` is evaluated with each such file's values by the Bicep front
 * end: here only with its paired parameter files, never with its defaults alone.
 */
import path from 'node:path';
import { bicepSourceOf, bicepStandIns, quietJson, undeclaredWithStandIns } from './parameter-pairing.js';
import { getProp, parseJsonc, type ParsedJson } from '../parse/json/index.js';
import { jsonSuppressionSource, resourceMetadata } from './arm-suppressions.js';
import { evaluateArm, mayNameTemplate, metadataTemplate, undeclaredParameters } from '../eval/arm/project.js';
import { pairParameterFiles, pairedTemplate, templateIndex, unpairedReason, type TemplateIndex } from '../eval/arm/detect.js';
import type { OpaqueModuleCall } from '../model/resource.js';
import { armRefKeys, fromArm } from '../model/from-arm.js';
import { parameterFileEntries, parametersObject, relativeLinks } from '../eval/arm/template.js';
import { ownFolderLinks, parametersPassedByLinks } from '../eval/arm/own-folder-link.js';
import { linkedFilesWritten } from './arm-folders.js';
import type { FileKind } from '../core/file-kind.js';
import type { ClassifiedFile, EvaluatedUnit, FrontEnd, FrontEndContext, FrontEndResult, Problem, SuppressionSource } from './types.js';
import { deploymentScriptUnits, loadDeploymentScripts } from './deployment-scripts.js';
import { parseCache, perRun, runWideKey } from './shared.js';
import { armByName } from './names.js';
import { hasLocalCopy, localCopyOf, remoteModuleProblem } from './remote-modules.js';
import { bicepUsersOfTemplates } from './bicep-references.js';

/** ARM `$schema` values: deploymentTemplate / deploymentParameters at any scope; a parameter file without its wrapper (`isBareParameterFile`). */
export function armJsonKind(text: string, file?: string): FileKind | undefined {
  const head = text.slice(0, 4096);
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(head)) return 'arm';
  if (/"\$schema"\s*:\s*"[^"]*deploymentParameters\.json#?"/i.test(head)) return 'arm-params';
  // $schema may come later in a large template.
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i.test(text)) return 'arm';
  if (file !== undefined && isBareParameterFile(file, text)) return 'arm-params';
  return undefined;
}

/** Larger files are not taken as bare parameter files (a parameter file is small; the test parses it). */
const MAX_BARE_PARAMETER_FILE = 1 << 20;

/**
 * A parameter file written without the `$schema` (with the `parameters` wrapper or without it): the parameters object alone
 * (`{"location": {"value": "eastus"}}`), which `az deployment … --parameters @file.json` reads as
 * it reads the wrapped form (azure-cli `_process_parameters`: `parsed.get('parameters', parsed)`).
 * Taken when the file's name says parameters and every top-level member is a parameter value
 * (an object with `value` or a Key Vault `reference`).
 */
function isBareParameterFile(file: string, text: string): boolean {
  if (!/(?:parameters?|params)[^/\\]*\.json$/i.test(path.basename(file)) || text.length > MAX_BARE_PARAMETER_FILE || !/^\s*(?:\/[/*][^\n]*\n\s*)*\{/.test(text)) return false;
  const root = parseJsonc(text, file).root;
  // The wrapper without its `$schema` (`{"parameters": {…}}`) is read the same way.
  const params = parametersObject(root);
  const members = params?.type === 'object' ? (params.children ?? []) : [];
  if (members.length === 0) return false;
  return members.every((m) => {
    const v = m.children?.[1];
    return v?.type === 'object' && (getProp(v, 'value') !== undefined || getProp(v, 'reference') !== undefined);
  });
}

export const armFrontEnd: FrontEnd = {
  name: 'arm',
  family: 'arm',
  byName: armByName,
  byContent(file, text) {
    return armJsonKind(text, file);
  },
  // Units of work (issue 15): a template with the parameter files paired with it (its
  // variants); a parameter file paired with no template is a unit of its own (PARSE001 only).
  // Pairing sees every template of the run, as `evaluateArm` does.
  units(files, ctx) {
    // Made while planning (from the --cache's facts when it has them), not in the first unit's run.
    bicepUsersOfTemplates(ctx);
    const templates = files.filter((f) => f.kind === 'arm');
    const params = files.filter((f) => f.kind === 'arm-params');
    // A file named for an environment only goes with the first candidate that declares what it
    // gives (eval/arm/detect.ts `fitting`): the unit that will evaluate it (review 127). Every
    // `.bicep` file's stand-in is a candidate too, as the Bicep front end pairs: a file it takes is
    // in no ARM unit, never evaluated by both (review 128).
    const armPaths = new Set(templates.map((f) => f.path));
    const pairs = pairParameterFiles(
      [...templates.map((f) => f.path), ...bicepStandIns(ctx.allFiles).keys()],
      params.map((f) => f.path),
      (pf) => {
        const text = ctx.host.readText(pf);
        ctx.host.forget(pf);
        if (text === undefined || !mayNameTemplate(text)) return undefined;
        return metadataTemplate(parseJsonc(text, pf));
      },
      undeclaredWithStandIns((f) => quietJson(ctx.host, f, true), (t) => bicepSourceOf(t, armPaths, ctx), ctx.host),
    );
    const byPath = new Map(files.map((f) => [f.path, f]));
    const taken = new Set<string>();
    const out: ClassifiedFile[][] = [];
    for (const group of linkedGroups(templates, ctx)) {
      const unit = [...group];
      for (const t of group) {
        for (const pf of pairs.get(t.path) ?? []) {
          if (taken.has(pf)) continue;
          taken.add(pf);
          unit.push(byPath.get(pf)!);
        }
      }
      out.push(unit);
    }
    for (const f of files) if (f.kind !== 'arm' && !taken.has(f.path)) out.push([f]);
    return out;
  },
  // A parameter file no template of the unit takes is paired with the run's templates and
  // stand-ins (`runTemplateIndex`, below in run): other files of the run, not the unit's reads
  // (a `main.bicep` added beside a lone `main.parameters.json` takes its values to Bicep).
  // Also the Bicep files of the run that use its templates (`bicepUsersOfTemplates`): with any, a
  // template is not evaluated with its defaults here; a `.bicepparam` or module added elsewhere changes that.
  unitCacheKey(files, ctx) {
    const pairing = files.some((f) => f.kind === 'arm-params') ? runWideKey(ctx.allFiles, 'arm-templates', () => [...runTemplateIndex(ctx.allFiles).values()].sort()) : '';
    const users = bicepUsersOfTemplates(ctx);
    const named = files.filter((f) => f.kind === 'arm' && users.has(path.resolve(f.path))).map((f) => [f.path, users.get(path.resolve(f.path))]);
    return named.length > 0 ? JSON.stringify([pairing, named]) : pairing;
  },
  // A template that names a deployment script may hold one written inline: the reader of its
  // script (the CI parser, the Azure CLI interpreter) is imported before the units run.
  beforeUnits: loadDeploymentScripts,
  run(files, ctx) {
    const problems: Problem[] = [];
    // Only a JSON file's first error: the ones after it are its cascade.
    const json = parseCache<ParsedJson>(ctx.host, parseJsonc, (f) => f.errors.slice(0, 1), problems);
    // A file that does not parse is its PARSE001 only: what the parser recovered around the
    // error would be guesses (a property cut off reads as absent: KV001 for a vault whose
    // `enablePurgeProtection` sits after a missing comma).
    const parse = (f: string): ParsedJson | undefined => {
      const parsed = json.get(f);
      return parsed && parsed.errors.length > 0 ? { ...parsed, root: undefined } : parsed;
    };
    const unitTemplates = new Map(files.filter((f) => f.kind === 'arm').map((f) => [path.resolve(f.path), f.path]));
    const templatePaths = files.filter((f) => f.kind === 'arm').map((f) => f.path);
    const parameterFiles = files.filter((f) => f.kind === 'arm-params').map((f) => f.path);
    // Only the unit's files are read to check a pair (a template of another unit is a `.bicep`'s
    // stand-in: planning puts a parameter file in the unit of the ARM template its name pairs it with).
    const unitFiles = new Set(files.map((f) => f.path));
    const undeclared = undeclaredParameters((f) => (unitFiles.has(f) ? parse(f) : undefined));
    const evaluate = (withoutDefaults: ReadonlySet<string>): ReturnType<typeof evaluateArm> =>
      evaluateArm({
        root: ctx.root,
        host: ctx.host,
        templates: files.filter((f) => f.kind === 'arm' && !ctx.isSuperseded(f.path)).map((f) => f.path),
        // A superseded twin's parameter files are evaluated with its `.bicep` (the Bicep front end).
        pairingTemplates: templatePaths,
        parameterFiles,
        // A template a `.bicepparam` names, or a `.bicep` file declares as a module, is evaluated
        // with their values by the Bicep front end.
        withoutDefaults: new Set(files.filter((f) => f.kind === 'arm' && (withoutDefaults.has(f.path) || bicepUsersOfTemplates(ctx).has(path.resolve(f.path)))).map((f) => f.path)),
        // A broken parameter file's variant is not evaluated either; the others are.
        parse,
        readLinked: (target) => {
          const named = unitTemplates.get(target);
          return named === undefined ? undefined : parse(named);
        },
        envOverride: ctx.envOverride,
        ...(ctx.envAbove ? { envAbove: ctx.envAbove } : {}),
        envForPath: (rel) => ctx.envForPath(path.join(ctx.root, rel)),
      });
    // Planning's guess of the templates evaluated only through the deployments that link them:
    // a link built on a template's own URL counts when neither the parameter files paired with
    // that template nor the deployments linking it give a parameter it reads.
    const pairs = pairParameterFiles(templatePaths, parameterFiles, (pf) => metadataTemplate(parse(pf)), undeclared);
    const given = givenParameters(templatePaths, pairs, parse);
    const linksOf = (f: string): string[] => {
      const root = parse(f)?.root;
      const mine = given.get(path.resolve(f));
      return [...relativeLinks(root, path.resolve(f)), ...ownFolderLinks(root, path.resolve(f), (name) => mine !== undefined && (mine.has('*') || mine.has(name.toLowerCase())))];
    };
    const arm = evaluatedWithLinks(linkedOnly(unitTemplates, linksOf, (f) => !ctx.isSuperseded(f) && !bicepUsersOfTemplates(ctx).has(path.resolve(f))), evaluate, unitTemplates, (m) => {
      const copy = localCopyOf(ctx.host, m);
      return copy === undefined ? undefined : path.resolve(path.dirname(m.sourceAt.file), copy);
    });
    for (const f of files) if (f.kind === 'arm-params') json.get(f.path);
    // A parameter file no template of the run takes still holds literals written in the
    // repository: SEC001 reads its values as it reads a `.tfvars` file's (RULES.md SEC001:
    // "… or parameter file value whose name looks secret"). Not one the Bicep front end takes
    // (named for a `.bicep`, or a superseded twin's): paired with the run's templates and each
    // `.bicep`'s stand-in `X.json`, as that front end pairs them.
    const used = new Set(arm.evaluations.map((e) => e.evaluation.variantFile));
    const lone = files.filter((f) => f.kind === 'arm-params' && !used.has(f.path));
    // A parameter file that pairs with no template is evaluated with none: --verbose says so,
    // and how to name it (RULES.md "Variants": "ARM: once per paired parameter file").
    const unpaired: { file: string; reason: string }[] = [];
    if (lone.length > 0) {
      const index = runTemplateIndex(ctx.allFiles);
      const armTemplates = perRun(ctx.allFiles, 'arm-templates', () => new Set(ctx.allFiles.flatMap((f) => (f.kind === 'arm' ? [f.path] : []))));
      // A candidate linted as a `.bicep` (a stand-in, a compiled twin) is judged by that file's
      // `param`s, as the Bicep front end pairs; a template of another unit is parsed quietly.
      const bicepOf = (t: string): string | undefined => bicepSourceOf(t, armTemplates, ctx);
      const undeclaredRun = undeclaredWithStandIns((f) => (unitFiles.has(f) ? parse(f) : quietJson(ctx.host, f)), bicepOf, ctx.host);
      for (const f of lone) {
        const parsed = json.get(f.path);
        const meta = metadataTemplate(parsed);
        if (!parsed?.root || pairedTemplate(index, f.path, meta, undeclaredRun) !== undefined) continue;
        // Names as written (SEC001 words its message with them); a Key Vault reference is unknown.
        f.varValues = new Map(parameterFileEntries({ file: f.path, parsed }));
        // (A compiled twin is named as its `.bicep`, whose params decide.)
        unpaired.push({ file: f.path, reason: unpairedReason(index, f.path, (t) => path.basename(bicepOf(t) ?? t), meta, undeclaredRun) });
      }
    }
    for (const p of arm.problems) problems.push({ ruleId: 'EVAL001', message: p.message, location: p.location });
    const notWithCallerValues: NonNullable<FrontEndResult['notWithCallerValues']> = [];
    for (const e of arm.evaluations) {
      // A linked URL's local copy is linted on its own: the call is not opaque, its arguments are
      // unbound, and --verbose says why they are not its values (RULES.md "Three-valued facts").
      const copied = e.result.opaqueModules.filter((m) => hasLocalCopy(ctx.host, m));
      for (const m of copied) {
        if (m.linkedPathsWhy === undefined) continue;
        const copy = localCopyOf(ctx.host, m) ?? m.source;
        notWithCallerValues.push({ address: m.address, location: m.sourceAt, reason: `its template ${copy} is linted on its own with its defaults, not with the values this deployment passes: ${m.linkedPathsWhy}` });
      }
      e.result.opaqueModules = e.result.opaqueModules.filter((m) => !copied.includes(m));
      e.result.unboundCalls = [...e.result.unboundCalls, ...copied];
      for (const m of e.result.opaqueModules) problems.push(remoteModuleProblem(m));
    }
    const metadata = resourceMetadata(arm.evaluations.map((e) => e.result));
    const suppressionSources: SuppressionSource[] = [];
    for (const [file, parsed] of json.entries()) {
      const source = jsonSuppressionSource(file, parsed);
      if (source) suppressionSources.push(source);
    }
    const units: EvaluatedUnit[] = arm.evaluations.map((e) => ({
      evaluation: e.evaluation,
      resources: e.result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, e.evaluation, { bicepDeclaration: e.bicepDeclaration })),
      refKeys: armRefKeys,
      opaqueModules: e.result.opaqueModules,
      unboundCalls: e.result.unboundCalls,
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
      ...(scripts.skipped.length + unpaired.length > 0 ? { skipped: [...scripts.skipped, ...unpaired] } : {}),
      ...(notWithCallerValues.length ? { notWithCallerValues } : {}),
    };
  },
};

/**
 * Planning's guess (`evaluatedWithLinks` checks it against what the evaluations follow) of the
 * templates of a unit evaluated only through the deployments that link them (`relativePath`, a URL
 * built on the linking template's own), with their parameters, never on their own with their
 * defaults (their paired parameter files still are variants): those reached from a template this front end evaluates (`evaluatedHere`:
 * not a compiled twin, not a template the Bicep front end evaluates with its callers' values, whose
 * evaluation does not follow links) that no such template links itself. A cycle that nothing
 * outside it links (a links b, b links a) starts at its first template, which is evaluated
 * with its defaults, so every template of the unit is evaluated somewhere (self-review 67).
 */
function linkedOnly(templates: ReadonlyMap<string, string>, linksOf: (file: string) => readonly string[], evaluatedHere: (file: string) => boolean): Set<string> {
  const links = new Map<string, string[]>();
  const linkedFromHere = new Set<string>();
  for (const [abs, f] of templates) {
    if (!evaluatedHere(f)) continue;
    const targets = linksOf(f).filter((t) => t !== abs && templates.has(t));
    links.set(abs, targets);
    for (const t of targets) linkedFromHere.add(t);
  }
  const reached = new Set<string>();
  const reach = (start: string): void => {
    const queue = [start];
    while (queue.length > 0) {
      for (const t of links.get(queue.pop()!) ?? []) {
        if (reached.has(t)) continue;
        reached.add(t);
        queue.push(t);
      }
    }
  };
  const roots = new Set([...links.keys()].filter((t) => !linkedFromHere.has(t)));
  for (const r of roots) reach(r);
  for (const t of [...links.keys()].sort()) {
    if (reached.has(t) || roots.has(t)) continue;
    roots.add(t);
    reach(t);
  }
  return new Set([...reached].filter((t) => !roots.has(t)).map((t) => templates.get(t)!));
}

/**
 * The parameter names (lower-cased) each template of the unit may be given, by its resolved path:
 * those of the parameter files paired with it and those the deployments linking it pass (`'*'`: a
 * `parametersLink` may give any). A link that reads one may resolve otherwise in some evaluation
 * (`ownFolderLinks`). Per template (review 106: the quickstart's nested template declares its own
 * `_artifactsLocation`, which its caller passes on; that is no value of the caller's).
 */
function givenParameters(templates: readonly string[], pairs: ReadonlyMap<string, readonly string[]>, parse: (f: string) => ParsedJson | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const of = (t: string): Set<string> => {
    let names = out.get(t);
    if (!names) out.set(t, (names = new Set()));
    return names;
  };
  for (const t of templates) {
    const parsed = parse(t);
    if (!parsed?.root) continue;
    for (const pf of pairs.get(t) ?? []) {
      const pfParsed = parse(pf);
      if (pfParsed?.root) for (const [k] of parameterFileEntries({ file: pf, parsed: pfParsed })) of(path.resolve(t)).add(k.toLowerCase());
    }
    for (const [target, names] of parametersPassedByLinks(parsed.root, path.resolve(t))) for (const k of names) of(target).add(k);
  }
  return out;
}

/** How many times a unit is evaluated at most while the templates its evaluations follow change (`evaluatedWithLinks`). */
const MAX_LINK_PASSES = 4;

/**
 * The unit's evaluations, each template evaluated on its own with its defaults unless the
 * evaluations follow its links and none refuses one (review 106): planning's guess
 * (`planned`, from `linkedOnly`) is checked against what the evaluations did, and the unit
 * evaluated again until they agree. A template is then linted on its own exactly when a
 * deployment links it without its values (a `_artifactsLocation` a parameter file gives: the
 * copy linted on its own, `notWithCallerValues`) or nothing follows its link, and never twice
 * when every link to it is followed: also for a link only the evaluation can read (a file name
 * in a variable, an array's item by `copyIndex()`). `copyOf` is the local copy a link not
 * followed names (a file's resolved path).
 */
function evaluatedWithLinks(
  planned: ReadonlySet<string>,
  evaluate: (withoutDefaults: ReadonlySet<string>) => ReturnType<typeof evaluateArm>,
  templates: ReadonlyMap<string, string>,
  copyOf: (m: OpaqueModuleCall) => string | undefined,
): ReturnType<typeof evaluateArm> {
  let linked = planned;
  let arm = evaluate(linked);
  for (let pass = 1; pass < MAX_LINK_PASSES; pass++) {
    const followed = new Set<string>();
    const refused = new Set<string>();
    for (const e of arm.evaluations) {
      for (const f of e.result.linkedFiles ?? []) followed.add(f);
      for (const m of e.result.opaqueModules) {
        const copy = copyOf(m);
        if (copy !== undefined) refused.add(copy);
      }
    }
    const next = new Set([...templates].filter(([abs]) => followed.has(abs) && !refused.has(abs)).map(([, f]) => f));
    if (next.size === linked.size && [...next].every((f) => linked.has(f))) break;
    linked = next;
    arm = evaluate(linked);
  }
  // Still changing after the last pass (links in a cycle that only some evaluations follow): that pass's evaluations stand.
  return arm;
}

/**
 * The templates in groups that link each other by `templateLink.relativePath` (one unit: a
 * linked template is evaluated through each template that links it, so their files are read
 * together and cached together), each group in the planned order; a template that links none
 * and is linked by none is a group of its own.
 */
function linkedGroups(templates: readonly ClassifiedFile[], ctx: FrontEndContext): ClassifiedFile[][] {
  const byAbs = new Map(templates.map((t) => [path.resolve(t.path), t]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    if (r !== x) parent.set(x, r);
    return r;
  };
  for (const [abs, t] of byAbs) {
    for (const target of linkedFilesWritten(ctx, t.path)) {
      if (!byAbs.has(target) || target === abs) continue;
      const a = find(abs);
      const b = find(target);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, ClassifiedFile[]>();
  for (const [abs, t] of byAbs) {
    const k = find(abs);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.values()];
}

/**
 * The run's templates and each `.bicep`'s stand-in `X.json`, indexed once per run: a lone
 * parameter file is a unit of its own, and indexing every file of the run for each of them was
 * quadratic (the corpus copied 4×: ARM units 2.4 s → 4.7 s).
 */
function runTemplateIndex(allFiles: readonly ClassifiedFile[]): TemplateIndex {
  return perRun(allFiles, 'arm-template-index', () => templateIndex(allFiles.flatMap((f) => (f.kind === 'arm' ? [f.path] : f.kind === 'bicep' ? [f.path.replace(/\.bicep$/i, '.json')] : []))));
}

/** `metadata._generator.name == "bicep"` of a parsed template. */
export function isBicepGenerated(parsed: ParsedJson | undefined): boolean {
  return getProp(getProp(getProp(parsed?.root, 'metadata'), '_generator'), 'name')?.value === 'bicep';
}
