/**
 * Native Bicep across a scan (BICEP.md §3, RULES.md "Variants"/"Environments"): every scanned
 * `.bicep` that no other scanned `.bicep` uses as a local module is a unit; each `.bicepparam`
 * whose `using` names a unit is a variant of it, and so is each JSON parameter file paired with
 * the unit's compiled twin (`main.bicep` + `azuredeploy.json` + `azuredeploy.parameters.json`);
 * without any, the unit is evaluated once with defaults. A `.bicepparam` whose `using` names an
 * ARM JSON template evaluates that template once with its values (`using-template.ts`; the ARM
 * front end then leaves out the template's evaluation with defaults), or its `.bicep` when the
 * template is a compiled twin linted through its source.
 * The environment class of a variant comes from the `.bicepparam` file name, else from a param
 * named `environment`/`env`/`environmentName`/`stage`, else `unknown` (as `../arm/project.ts`).
 */
import type { ParsedJson } from '../../parse/json/index.js';
import type { OpaqueModuleCall } from '../types.js';
import path from 'node:path';
import type { EnvClass } from '../../core/env.js';
import type { Host } from '../../core/host.js';
import type { Location } from '../../core/source.js';
import type { BicepFile, BicepParamFile } from '../../parse/bicep/index.js';
import { classifyPath, evaluationEnv } from '../../core/env.js';
import { envFromParameters, undeclaredValues, type ArmUnitEvaluation } from '../arm/project.js';
import type { ArmEvaluation } from '../arm/template.js';
import { unknown, type Value } from '../../core/value.js';
import { evaluateBicepFile, evaluateParamFile } from './evaluate.js';
import type { BicepSources } from './evaluate.js';
import { pathKind, REGISTRY_PATH } from './files.js';
import { evaluateUsingTemplate, notATemplate } from './using-template.js';
import { pushTo } from '../../core/arrays.js';

export interface BicepInput {
  /** The only file access (modules, `load*()`, `using` targets), gated to the scan root. */
  host: Host;
  bicepFiles: string[];
  paramFiles: string[];
  /** Parses a `.bicep` file (cached; parse errors are reported by the caller). */
  parse(file: string): BicepFile | undefined;
  parseParams(file: string): BicepParamFile | undefined;
  /**
   * JSON parameter files (`azuredeploy.parameters.json`) paired with the compiled twin of a
   * `.bicep` unit, by unit: each is a variant of the unit, its values applied to the Bicep
   * params by name (ARM parameter names are case-insensitive).
   */
  jsonParameterFiles?: ReadonlyMap<string, readonly string[]>;
  /** The values of a JSON parameter file (`readParameterFile`), by lower-case name; undefined when it cannot be read. */
  readJsonParameters?(file: string): Map<string, Value> | undefined;
  /** The same, with the names as written (`parameterFileEntries`): for the parameters the `.bicep` file does not declare. */
  jsonParameterEntries?(file: string): [string, Value][] | undefined;
  envOverride?: EnvClass;
  /** The scan root's folders from its repository's top (FrontEndContext.envAbove). */
  envAbove?: string;
  /** The config file's `environments` glob map, for a file's absolute path (RULES.md "Environments", second source). */
  envForPath?(file: string): EnvClass | undefined;
  /** The compiled twin beside a `.bicep` file, parsed (registry modules take their body from it). */
  compiledTwin?(bicepFile: string): ParsedJson | undefined;
  /** `--bicep-cache`: a `br:` module's restored copy (see BicepSources.registryModule). */
  registryModule?: BicepSources['registryModule'];
  /**
   * Parses the ARM JSON template a `.bicepparam`'s `using` names (its syntax errors are the ARM
   * front end's PARSE001). Without it such a file is not evaluated.
   */
  parseTemplate?(file: string): ParsedJson | undefined;
  /** The `.bicep` source linted in place of a compiled template (a superseded twin), if any. */
  twinSource?(template: string): string | undefined;
}

export interface BicepProjectProblem {
  message: string;
  location: Location;
  code: 'EVAL001' | 'PARSE001';
}

export interface BicepProjectResult {
  /** `template`: an ARM JSON template a `.bicepparam` names (its resources are ARM's, not Bicep's). */
  evaluations: (ArmUnitEvaluation & { opaqueModules: OpaqueModuleCall[]; template?: true })[];
  problems: BicepProjectProblem[];
  /** The values of each `.bicepparam` file that no evaluation applied (by file). */
  loneParamValues: Map<string, Map<string, Value>>;
}

export function evaluateBicep(input: BicepInput): BicepProjectResult {
  const evaluations: BicepProjectResult['evaluations'] = [];
  const problems: BicepProjectProblem[] = [];
  /** The `.bicepparam` files read for an evaluation (with the bases they extend). */
  const applied = new Set<string>();
  const seen = new Set<string>();
  const addProblems = (ps: readonly { message: string; location: Location }[]): void => {
    for (const p of ps) {
      const key = `${p.location.file}:${p.location.range.start.offset}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ message: p.message, location: p.location, code: 'EVAL001' });
    }
  };
  const sources: BicepSources = {
    host: input.host,
    parse: input.parse,
    ...(input.compiledTwin ? { compiledTwin: input.compiledTwin } : {}),
    ...(input.registryModule ? { registryModule: input.registryModule } : {}),
  };
  const files = [...new Set(input.bicepFiles.map((f) => path.resolve(f)))].sort();
  const scanned = new Set(files);

  // The scanned local modules each file calls. Files used as modules by another scanned file
  // are evaluated through their callers.
  const callees = new Map<string, string[]>();
  for (const f of files) {
    const parsed = input.parse(f);
    if (!parsed) continue;
    for (const s of parsed.statements) {
      if (s.kind !== 'ModuleDecl' || s.pathString === null || REGISTRY_PATH.test(s.pathString)) continue;
      const target = path.resolve(path.dirname(f), s.pathString);
      if (target !== f && scanned.has(target)) pushTo(callees, f, target);
    }
  }
  const usedAsModule = new Set([...callees.values()].flat());

  // Variants: `.bicepparam` files by their `using` target (a `.bicep` unit, or an ARM template).
  const variants = new Map<string, string[]>();
  const templateVariants: { pf: string; target: string; written: string; at: Location }[] = [];
  for (const pf of [...input.paramFiles].sort()) {
    const parsed = input.parseParams(pf);
    if (!parsed) continue;
    const using = parsed.statements.find((s) => s.kind === 'UsingDecl');
    if (!using || using.kind !== 'UsingDecl' || using.none) continue;
    const p = using.pathString;
    const at: Location = { file: pf, range: using.range };
    if (p === null) {
      addProblems([{ message: 'The "using" path of this parameters file cannot be evaluated', location: at }]);
      continue;
    }
    if (REGISTRY_PATH.test(p)) continue;
    const target = path.resolve(path.dirname(pf), p);
    const kind = pathKind(input.host, target);
    if (kind === 'missing') {
      addProblems([{ message: `The "using" target '${p}' of ${path.basename(pf)} does not exist; its parameters are not evaluated`, location: at }]);
      continue;
    }
    if (kind === 'outside') {
      addProblems([{ message: `The "using" target '${p}' is outside the scanned folder; it is not evaluated`, location: at }]);
      continue;
    }
    if (!target.toLowerCase().endsWith('.bicep')) {
      // A template compiled from a `.bicep` that is linted in its place (a superseded twin): the
      // values are that `.bicep`'s, as its twin's JSON parameter files are.
      const source = input.twinSource?.(target);
      if (source) pushTo(variants, path.resolve(source), pf);
      else if (input.parseTemplate) templateVariants.push({ pf, target, written: p, at });
      continue;
    }
    pushTo(variants, target, pf);
  }

  // Variants: JSON parameter files of the unit's compiled twin.
  for (const [unit, pfs] of input.jsonParameterFiles ?? []) {
    const target = path.resolve(unit);
    if (scanned.has(target)) variants.set(target, [...(variants.get(target) ?? []), ...pfs]);
  }

  const units = withClosedCycles([...new Set([...files.filter((f) => !usedAsModule.has(f)), ...variants.keys()])], files, callees).sort();
  for (const unit of units) {
    const parsed = input.parse(unit);
    if (!parsed) continue;
    const pfs = [...new Set(variants.get(unit) ?? [])].sort();
    for (const pf of pfs.length ? pfs : [undefined]) {
      let parameterValues = new Map<string, Value>();
      // A JSON parameter file binds names as ARM does (without case); a `.bicepparam` as written.
      const jsonParameters = pf !== undefined && /\.json$/i.test(pf);
      if (pf && jsonParameters) {
        const json = input.readJsonParameters?.(pf);
        if (!json) continue;
        parameterValues = byParamName(parsed, json);
      } else if (pf && (input.parseParams(pf)?.errors.length ?? 0) > 0) {
        // A parameter file that does not parse (its PARSE001 is said): what it sets is not known,
        // so no parameter is (README "Usage"; as an ARM template whose parameter file is broken).
        parameterValues = allUnknown(parsed, `its parameter file ${path.basename(pf)} does not parse`);
      } else if (pf) {
        const values = paramFileValues(pf, input, sources, addProblems, [], applied);
        if (!values) continue;
        parameterValues = values;
      }
      const r = evaluateBicepFile({ file: parsed, sources, parameterValues });
      addProblems(r.problems);
      const result: ArmEvaluation = { resources: r.resources, inputs: r.inputs, problems: r.problems, opaqueModules: r.opaqueModules, unboundCalls: [] };
      const assigned = pf === undefined ? undefined : jsonParameters ? input.jsonParameterEntries?.(pf) : ownParamValues(pf, input, sources);
      evaluations.push({
        evaluation: {
          variant: pf ? path.relative(path.dirname(unit), pf).split(path.sep).join('/') : 'default',
          ...(pf ? { variantFile: pf } : {}),
          ...variantEnv(input, unit, pf, result),
          unit,
          inputs: result.inputs,
          ...(r.incomplete.length > 0 ? { incomplete: [...new Set(r.incomplete)] } : {}),
          ...(assigned ? undeclaredValues(unit, result.inputs, assigned, jsonParameters) : {}),
        },
        result,
        opaqueModules: r.opaqueModules,
      });
    }
  }

  // An ARM template named by `.bicepparam` files: once per file, with its values (as with a JSON
  // parameters file; the ARM front end then leaves out its evaluation with defaults).
  for (const { pf, target, written, at } of templateVariants) {
    const parsed = input.parseTemplate!(target);
    const why = notATemplate(parsed);
    if (why) {
      // As a missing `.bicep` target: a note, and the file's values are not evaluated.
      addProblems([{ message: `The "using" target '${written}' of ${path.basename(pf)} ${why}; its parameters are not evaluated`, location: at }]);
      continue;
    }
    const values = paramFileValues(pf, input, sources, addProblems, [], applied);
    if (!values) continue;
    const e = evaluateUsingTemplate({ template: target, parsed: parsed!, paramFile: pf, values, host: input.host });
    for (const p of e.result.problems) addProblems([p]);
    const assigned = ownParamValues(pf, input, sources);
    evaluations.push({
      evaluation: { variant: e.variant, variantFile: pf, ...variantEnv(input, target, pf, e.result), unit: target, inputs: e.result.inputs, ...(assigned ? undeclaredValues(target, e.result.inputs, assigned, true) : {}) },
      result: e.result,
      opaqueModules: e.result.opaqueModules,
      ...(e.bicepDeclaration ? { bicepDeclaration: e.bicepDeclaration } : {}),
      template: true,
    });
  }
  // `.bicepparam` files that no evaluation applied (`using none` that nothing extends, a `using`
  // target that is missing or outside the scan): their values as a parameter file's without a
  // template, which SEC001 reads (RULES.md SEC001 "parameter file value"; the ARM front end does
  // the same for a lone JSON parameter file). Their problems were reported where they were met.
  // Each with the values it writes itself (a base it extends is read as its own file): a value is
  // reported once, in the words of the file that holds it.
  const loneParamValues = new Map<string, Map<string, Value>>();
  for (const pf of [...input.paramFiles].sort()) {
    if (applied.has(pf)) continue;
    const parsed = input.parseParams(pf);
    const values = parsed ? evaluateParamFile(parsed, sources).values : undefined;
    if (values && values.size > 0) loneParamValues.set(pf, values);
  }
  return { evaluations, problems, loneParamValues };
}

/**
 * RULES.md "Environments": --env; the config's `environments` map; the parameter file's name,
 * else its folders from the nearest up (`params/prod/main.bicepparam`, a unit and its
 * parameter file in `envs/prod/`); a parameter's value.
 */
function variantEnv(input: BicepInput, unit: string, pf: string | undefined, result: ArmEvaluation): ReturnType<typeof evaluationEnv> {
  return evaluationEnv(
    input.envOverride ??
    input.envForPath?.(pf ?? unit) ??
    // Its name, then its folders from the nearest up (classifyPath reads the path from its end).
    (pf ? classifyPath(path.relative(input.host.root, pf).split(path.sep).join('/'), input.envAbove)?.env : undefined) ??
    envFromParameters(result, unit),
  );
}

/** Deepest chain of `extends` followed (a base file extending another …). */
const MAX_EXTENDS = 8;

/**
 * A `.bicepparam` file's values over those of the base file it `extends` (BICEP.md §3:
 * "parameters of the base file apply first, the extending file overrides them"), each value
 * located where its file writes it. Undefined when the file or a base cannot be read: the
 * variant is then not evaluated (an EVAL001 note says why), since the base's values are not
 * known and the template's defaults would stand in for them.
 */
function paramFileValues(
  pf: string,
  input: BicepInput,
  sources: BicepSources,
  addProblems: (ps: readonly { message: string; location: Location }[]) => void,
  chain: readonly string[],
  read?: Set<string>,
): Map<string, Value> | undefined {
  read?.add(pf);
  const parsed = input.parseParams(pf);
  if (!parsed) return undefined;
  const values = new Map<string, Value>();
  const ext = parsed.statements.find((s) => s.kind === 'ExtendsDecl');
  if (ext?.kind === 'ExtendsDecl') {
    const at: Location = { file: pf, range: ext.range };
    const p = ext.pathString;
    const target = p === null || REGISTRY_PATH.test(p) ? undefined : path.resolve(path.dirname(pf), p);
    const kind = target ? pathKind(input.host, target) : undefined;
    let why: string | undefined;
    if (!target) why = `The "extends" path of ${path.basename(pf)} cannot be evaluated; its parameters are not evaluated`;
    else if (kind !== 'file' && kind !== 'link') why = `The "extends" base '${p}' of ${path.basename(pf)} ${kind === 'outside' ? 'is outside the scanned folder' : 'does not exist'}; its parameters are not evaluated`;
    else if (chain.includes(target) || chain.length >= MAX_EXTENDS) why = `The "extends" chain of ${path.basename(pf)} is circular or too deep; its parameters are not evaluated`;
    if (why) {
      addProblems([{ message: why, location: at }]);
      return undefined;
    }
    const base = paramFileValues(target!, input, sources, addProblems, [...chain, pf], read);
    if (!base) return undefined;
    for (const [k, v] of base) values.set(k, v);
  }
  const r = evaluateParamFile(parsed, sources);
  addProblems(r.problems);
  for (const [k, v] of r.values) values.set(k, v);
  return values;
}

/**
 * The values a `.bicepparam` file writes itself (a base it extends holds its own), for the
 * parameters its template does not declare (`Evaluation.undeclaredValues`); none when it does
 * not parse (every parameter is then unknown, and its PARSE001 said).
 */
function ownParamValues(pf: string, input: BicepInput, sources: BicepSources): Map<string, Value> | undefined {
  const parsed = input.parseParams(pf);
  return parsed && parsed.errors.length === 0 ? evaluateParamFile(parsed, sources).values : undefined;
}

/** Every parameter of the file, unknown for `reason`. */
function allUnknown(file: BicepFile, reason: string): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const s of file.statements) if (s.kind === 'ParamDecl') out.set(s.name.name, unknown(reason));
  return out;
}

/** JSON parameter values (lower-case names) keyed by the `.bicep` file's own param names. */
function byParamName(file: BicepFile, values: Map<string, Value>): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const s of file.statements) {
    if (s.kind !== 'ParamDecl') continue;
    const v = values.get(s.name.name.toLowerCase());
    if (v) out.set(s.name.name, v);
  }
  return out;
}

/**
 * The entry files, plus one file of each closed module cycle that no entry reaches (`a.bicep`
 * calls `b.bicep`, which calls `a.bicep`, and no other file calls either): every file is then
 * evaluated through some entry (the cycle is reported there, EVAL001), none is left unlinted.
 * The first such file by name is taken, so the choice does not depend on the walk's order.
 */
function withClosedCycles(entries: string[], files: readonly string[], callees: ReadonlyMap<string, readonly string[]>): string[] {
  const reached = new Set<string>();
  const reach = (from: string): void => {
    const stack = [from];
    while (stack.length > 0) {
      const f = stack.pop()!;
      if (reached.has(f)) continue;
      reached.add(f);
      stack.push(...(callees.get(f) ?? []));
    }
  };
  for (const e of entries) reach(e);
  const out = [...entries];
  for (const f of [...files].sort()) {
    if (reached.has(f)) continue;
    out.push(f);
    reach(f);
  }
  return out;
}
