/**
 * ARM template / parameter file detection by `$schema`, and pairing of parameter files
 * with their templates.
 */
import * as path from 'node:path';
import { ENV_WORDS, PARAMETER_FOLDER } from '../../core/parameter-names.js';

const TEMPLATE_SCHEMA = /^https?:\/\/schema\.management\.azure\.com\/schemas\/[^/]+\/(deploymentTemplate|subscriptionDeploymentTemplate|managementGroupDeploymentTemplate|tenantDeploymentTemplate)\.json#?$/i;
const PARAMS_SCHEMA = /^https?:\/\/schema\.management\.azure\.com\/schemas\/[^/]+\/(deploymentParameters|subscriptionDeploymentParameters)\.json#?$/i;

function schemaOf(json: unknown): string | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const s = (json as Record<string, unknown>)['$schema'];
  return typeof s === 'string' ? s.trim() : undefined;
}

/** True for a JSON object whose `$schema` is a deployment template schema at any scope. */
export function isArmTemplate(json: unknown): boolean {
  const s = schemaOf(json);
  return s !== undefined && isTemplateSchema(s);
}

/** A `$schema` value of a deployment template at any scope (as written: surrounding blanks allowed). */
export function isTemplateSchema(schema: string): boolean {
  return TEMPLATE_SCHEMA.test(schema.trim());
}

/** True for a JSON object whose `$schema` is a deployment parameters schema. */
export function isArmParameterFile(json: unknown): boolean {
  const s = schemaOf(json);
  return s !== undefined && PARAMS_SCHEMA.test(s);
}


const norm = (p: string): string => path.normalize(p).replace(/\\/g, '/').toLowerCase();

/**
 * Template candidates for a parameter file, by name, in the same folder (most specific first):
 * `X.parameters[.<env>…].json` → `X.json`, then `X.template.json`; `X.param(s)[.<env>…].json` the
 * same (covers `azuredeploy.parameters*.json` and
 * `main.parameters*.json`), also with `-` or `_` after `parameters` (`main.parameters-live.json`,
 * `azuredeploy.parameters_production.json`: the name still spells the one template it is for); `params.X.json` → `X.json` / `deploy.X.json`;
 * `parameters.X.json` → `X.json`; `parameters-X.json` → `X.json` / `template-X.json`; `X-parameters.json`
 * → `X.json`; `parameters.json` → `template.json` (portal export); `X.<env>.parameters.json` → `X.json`.
 * A name that says only an environment (`params.prod.json`, `parameters-prod.json`) spells no
 * template: `environmentCandidates` lists the templates it may be for, and `fitting` chooses.
 */
function candidatesByName(paramFile: string): string[] {
  const dir = path.dirname(paramFile);
  const base = path.basename(paramFile);
  const out: string[] = [];
  const m = /^(.+?)\.parameters(?:[-_][^.]+)?(\.[^.]+)*\.json$/i.exec(base);
  // (`X.template.json` beside `X.parameters.json`: the Azure DevOps samples' layout, review 113.)
  if (m) out.push(path.join(dir, `${m[1]}.json`), path.join(dir, `${m[1]}.template.json`));
  // `X.param.json`, `X.params.json` (and with an environment after it) → `X.json` / `X.template.json`.
  // (Each reading of the name: `my.param_store.params.json` is `my.param_store` + `.params`, and `app.param-prod.json` `app` + `.param-prod`.)
  for (const re of [/^(.+?)\.params?(\.[^.]+)*\.json$/i, /^(.+?)\.params?[-_][^.]+(\.[^.]+)*\.json$/i]) {
    const short = re.exec(base);
    if (short && !/^params?$/i.test(short[1]!)) out.push(path.join(dir, `${short[1]}.json`), path.join(dir, `${short[1]}.template.json`));
  }
  const p = /^(?:params|parameters)\.(.+)\.json$/i.exec(base);
  if (p) out.push(path.join(dir, `${p[1]}.json`), path.join(dir, `deploy.${p[1]}.json`));
  // `parameters-X.json` beside `X.json` or `template-X.json` (review 125: `parameters-aks.json`
  // for `aks.bicep`; `template-vnet.json` with `parameters-vnet.json`), and `X-parameters.json`
  // (`create-container-registry-parameters.json`), with an environment after it or not.
  const dashed = /^(?:params|parameters)[-_](.+)\.json$/i.exec(base);
  if (dashed) out.push(path.join(dir, `${dashed[1]}.json`), path.join(dir, `template-${dashed[1]}.json`), path.join(dir, `template_${dashed[1]}.json`));
  const suffixed = /^(.+?)[-_]parameters(?:[-_.][^.]+)?\.json$/i.exec(base);
  if (suffixed) out.push(path.join(dir, `${suffixed[1]}.json`), path.join(dir, `${suffixed[1]}.template.json`));
  // Portal export / arm-deploy convention: template.json + parameters.json.
  if (/^parameters\.json$/i.test(base)) out.push(path.join(dir, 'template.json'), path.join(dir, 'azuredeploy.json'), path.join(dir, 'main.json'));
  // X.<env>.parameters.json → X.json (the environment before `parameters`, as in `main.dev.parameters.json`).
  const e = new RegExp(`^(.+)\\.${ENV_WORDS}\\.parameters\\.json$`, 'i').exec(base);
  if (e) out.push(path.join(dir, `${e[1]}.json`));
  return out;
}

/**
 * The parameters a parameter file gives that a template does not declare (`undefined`: not known,
 * a file that cannot be read): ARM refuses such a pair ("The template parameters 'x' in the
 * parameters file are not valid; they are not present in the original template"). Asked only of
 * a pair by a name that spells no template (`environmentCandidates`).
 */
export type UndeclaredParameters = (paramFile: string, template: string) => readonly string[] | undefined;

/**
 * Pairs parameter files with templates. `readMetadataTemplate(paramFile)` returns the
 * parameter file's `metadata.template` value (a path relative to the parameter file), if any;
 * it wins over the naming conventions. Unpaired parameter files are left out. Every template
 * is a key of the result (possibly with an empty list).
 */
export function pairParameterFiles(
  templates: string[],
  paramFiles: string[],
  readMetadataTemplate: (paramFile: string) => string | undefined,
  undeclared?: UndeclaredParameters,
): Map<string, string[]> {
  return parameterFilePairing(templates, paramFiles)(readMetadataTemplate, undeclared);
}

/**
 * `pairParameterFiles` in two steps, for a caller that pairs the same files again and again
 * (the Bicep front end, once per unit with a compiled twin): the path work (normalised template
 * paths, each parameter file's template by name) is done once here; the returned function only
 * asks `readMetadataTemplate` about each parameter file (in order, as `pairParameterFiles`) and
 * looks the answers up.
 */
export function parameterFilePairing(
  templates: string[],
  paramFiles: string[],
): (readMetadataTemplate: (paramFile: string) => string | undefined, undeclared?: UndeclaredParameters, wanted?: (template: string) => boolean) => Map<string, string[]> {
  const index = templateIndex(templates);
  const byName = paramFiles.map((pf) => templateByName(index, pf));
  // `wanted`: only the lists of these templates are read by the caller (a Bicep unit, its own
  // templates): a file named for an environment only whose candidates are none of them is not
  // weighed (its candidates' parameters would be read for nothing; review 127: every unit of a
  // 30-folder run read every folder's `.bicep`).
  return (readMetadataTemplate, undeclared, wanted) => {
    const result = new Map<string, string[]>();
    for (const t of templates) result.set(t, []);
    paramFiles.forEach((pf, i) => {
      let meta: string | undefined;
      try {
        meta = readMetadataTemplate(pf);
      } catch {
        meta = undefined;
      }
      const named = byName[i];
      const weighed = named?.weak && wanted && !named.templates.some(wanted) ? undefined : named;
      const target = (meta ? templateByMetadata(index, pf, meta) : undefined) ?? fitting(weighed, pf, undeclared);
      if (target && target !== pf) result.get(target)!.push(pf);
    });
    for (const list of result.values()) list.sort();
    return result;
  };
}

/** The templates of a run by normalised path: build it once, ask it for many parameter files. */
export type TemplateIndex = ReadonlyMap<string, string>;

export function templateIndex(templates: readonly string[]): TemplateIndex {
  const byNorm = new Map<string, string>();
  for (const t of templates) byNorm.set(norm(t), t);
  return byNorm;
}

/**
 * The template a parameter file pairs with (its `metadata.template`, a path relative to it,
 * else its name), or undefined: `parameterFilePairing` for one file, without the per-run work.
 */
export function pairedTemplate(index: TemplateIndex, paramFile: string, metadataTemplate: string | undefined, undeclared?: UndeclaredParameters): string | undefined {
  const target = (metadataTemplate ? templateByMetadata(index, paramFile, metadataTemplate) : undefined) ?? fitting(templateByName(index, paramFile), paramFile, undeclared);
  return target === paramFile ? undefined : target;
}

/**
 * The template a parameter file pairs with by its name, and whether the name spells no template
 * (`weak`: named for an environment only, so the template must declare what it gives). Several
 * templates for a weak name are tried in order (`fitting`).
 */
interface ByName {
  templates: string[];
  weak: boolean;
}

function templateByName(index: TemplateIndex, paramFile: string): ByName | undefined {
  const candidates = candidatesByName(paramFile);
  for (const c of candidates) {
    const target = index.get(norm(c));
    if (target) return { templates: [target], weak: false };
  }
  const outside = templateOutsideParameterFolder(index, paramFile, candidates);
  if (outside) return { templates: [outside], weak: false };
  const env = environmentCandidates(index, paramFile);
  return env.length > 0 ? { templates: env, weak: true } : undefined;
}

/**
 * The template a name pairs with: for a name that spells no template, the first candidate that
 * declares every parameter the file gives (review 106: `parameters/prod.json` giving `vnetName`
 * is for `network.json`, not for the `main.json` one folder up; review 126: the same for
 * `parameters-prod.json` beside them).
 */
function fitting(byName: ByName | undefined, paramFile: string, undeclared: UndeclaredParameters | undefined): string | undefined {
  if (!byName) return undefined;
  if (!byName.weak) return byName.templates[0];
  return byName.templates.find((t) => (undeclared?.(paramFile, t)?.length ?? 0) === 0);
}

/** The environment names of `ENV_WORDS`, the long forms and `live`. */
const ENVIRONMENT = `(?:${ENV_WORDS}|production|development|live)`;
/** An environment's name as a whole file name (`prod.json`). */
const ENVIRONMENT_FILE = new RegExp(`^${ENVIRONMENT}\\.json$`, 'i');
/**
 * A parameter file named for its environment and for parameters, not for a template:
 * `params.prod.json` (the data landing zone layout), `parameters-prod.json`, `prod.parameters.json`,
 * `prod-parameters.json` (review 126: the dashed forms).
 */
const ENVIRONMENT_PARAMETERS_FILE = new RegExp(`^(?:(?:params|parameters)[.\\-_]${ENVIRONMENT}|${ENVIRONMENT}[.\\-_]parameters)\\.json$`, 'i');

/** The templates a parameter file named for its environment alone may be for: the conventional names `<env>.parameters.json` pairs with. */
const CONVENTIONAL_TEMPLATES = ['main.json', 'azuredeploy.json', 'template.json'];

/**
 * The templates a parameter file named for its environment and not for a template may be for, in
 * the order they are tried (each must declare what the file gives: `fitting`):
 * - `params.prod.json`, `parameters-prod.json`, `prod.parameters.json`, `prod-parameters.json`
 *   (the data landing zone layout, review 126's dashed forms): the conventional templates beside
 *   it, in that order; else, in a parameter folder, one folder up or in exactly one sibling
 *   folder, as a name that spells a template is looked for (`templateOutsideParameterFolder`);
 * - `parameters/prod.json`, `environments/dev.json` (a name that is only the environment, in a
 *   parameter folder): the one conventional template one folder up, when exactly one is there —
 *   with two, neither is meant more than the other (`unpairedReason` says so).
 */
function environmentCandidates(index: TemplateIndex, paramFile: string): string[] {
  const base = path.basename(paramFile);
  const dir = path.dirname(paramFile);
  if (ENVIRONMENT_PARAMETERS_FILE.test(base)) {
    const beside = CONVENTIONAL_TEMPLATES.flatMap((n) => index.get(norm(path.join(dir, n))) ?? []).filter((t) => t !== paramFile);
    if (beside.length > 0) return beside;
    // (Every conventional template there, in order: the first that declares what the file gives wins; review 128.)
    return templatesOutsideParameterFolder(index, paramFile, CONVENTIONAL_TEMPLATES.map((n) => path.join(dir, n)), false);
  }
  const up = environmentFolderCandidates(index, paramFile);
  return up.length === 1 ? up : [];
}

/** For a name that is only the environment (`prod.json`) in a parameter folder: the conventional templates one folder up. */
function environmentFolderCandidates(index: TemplateIndex, paramFile: string): string[] {
  const dir = path.dirname(paramFile);
  const parent = path.dirname(dir);
  if (parent === dir || !PARAMETER_FOLDER.test(path.basename(dir)) || !ENVIRONMENT_FILE.test(path.basename(paramFile))) return [];
  return CONVENTIONAL_TEMPLATES.flatMap((n) => index.get(norm(path.join(parent, n))) ?? []);
}

/** The environment an environment-named parameter file names (`prod` of `parameters-prod.json`), else its name. */
function environmentOf(paramFile: string): string {
  return new RegExp(`(?:^|[.\\-_])(${ENVIRONMENT})(?:[.\\-_]|$)`, 'i').exec(path.basename(paramFile, '.json'))?.[1] ?? path.basename(paramFile, '.json');
}

/**
 * Why a parameter file pairs with no template, and how to make it pair (`--verbose`): the
 * templates beside it (and one folder up, for a parameter folder) it could be named for, each as
 * `shown` names it (a `.bicep` file's stand-in `X.json` is the `.bicep`).
 */
export function unpairedReason(
  index: TemplateIndex,
  paramFile: string,
  shown: (template: string) => string = (t) => path.basename(t),
  metadataTemplate?: string,
  undeclared?: UndeclaredParameters,
): string {
  const what = 'pairs with no template, so none is evaluated with its values (SEC001 still reads them)';
  const meta = "or set its metadata.template to the template's path";
  // `metadata.template` wins over the name: a path that names no template of the scan is why (review 106).
  if (metadataTemplate !== undefined && metadataTemplate.trim() !== '' && templateByMetadata(index, paramFile, metadataTemplate) === undefined) {
    return `${what}: its metadata.template names ${metadataTemplate}, which is not a template among the scanned files; add that template to the scan, or correct the path`;
  }
  const envName = `<template>.parameters.${environmentOf(paramFile)}.json`;
  const up = environmentFolderCandidates(index, paramFile);
  if (up.length > 1) {
    const names = up.map(shown);
    const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
    return `${what}: its name says an environment but no template, and ${listed} are ${names.length === 2 ? 'both' : 'all'} one folder up; name it ${envName}, ${meta}`;
  }
  // The candidates none of which declares what the file gives: the first one's missing parameters.
  const tried = environmentCandidates(index, paramFile);
  const missing = tried.length > 0 ? undeclared?.(paramFile, tried[0]!) : undefined;
  if (missing && missing.length > 0) {
    const params = missing.map((n) => `'${n}'`);
    const listed = params.length === 1 ? `parameter ${params[0]!}` : `parameters ${params.slice(0, -1).join(', ')} and ${params[params.length - 1]!}`;
    const where = path.dirname(tried[0]!) === path.dirname(paramFile) ? 'beside it' : path.dirname(tried[0]!) === path.dirname(path.dirname(paramFile)) ? 'one folder up' : 'in a sibling folder';
    const others = tried.length > 1 ? ` (nor does ${tried.slice(1).map(shown).join(' or ')})` : '';
    return `${what}: its name says an environment but no template, and ${shown(tried[0]!)} ${where} does not declare ${listed}, which this file gives${others} (Azure refuses such a pair); name it ${envName}, ${meta}`;
  }
  const dir = norm(path.dirname(paramFile));
  const parent = PARAMETER_FOLDER.test(path.basename(path.dirname(paramFile))) ? norm(path.dirname(path.dirname(paramFile))) : undefined;
  const byDir = templatesByFolder(index);
  const beside = (byDir.get(dir) ?? []).filter((t) => t !== paramFile).map(shown).sort();
  const above = parent === undefined ? [] : (byDir.get(parent) ?? []).filter((t) => t !== paramFile).map(shown).sort();
  const near = [...beside, ...above];
  if (near.length === 0) return `${what}: no ARM template of the scan is beside it${parent === undefined ? '' : ' or one folder up'}; name it <template>.parameters.json or <template>.parameters.<env>.json beside its template, ${meta}`;
  const where = [beside.length ? `${beside.join(', ')} beside it` : '', above.length ? `${above.join(', ')} one folder up` : ''].filter(Boolean).join('; ');
  // (`X.template.json` is paired by `X.parameters.json`.)
  const stem = near.length === 1 ? near[0]!.replace(/(?:\.template)?\.(?:json|bicep)$/i, '') : '<template>';
  return `${what}: its name names no template by the pairing conventions (${where}); name it ${stem}.parameters.json or ${stem}.parameters.<env>.json, ${meta}`;
}

/**
 * A parameter file in a parameter folder (`infra/parameters/main.dev.parameters.json`) names a
 * template by the same names one folder up (`infra/main.json`), else in exactly one sibling folder
 * (`infra/templates/main.json`); two siblings holding that name pair with neither.
 */
function templateOutsideParameterFolder(index: TemplateIndex, paramFile: string, candidates: readonly string[]): string | undefined {
  return templatesOutsideParameterFolder(index, paramFile, candidates, true)[0];
}

/**
 * The templates of `candidates`' names a parameter file in a parameter folder may be for, in the
 * names' order: those one folder up, then those in the one sibling folder that holds the first
 * name found there (two siblings holding a name: none of theirs). `firstOnly`: the first of them
 * only, one folder up winning (a name that spells its template).
 */
function templatesOutsideParameterFolder(index: TemplateIndex, paramFile: string, candidates: readonly string[], firstOnly: boolean): string[] {
  const dir = path.dirname(paramFile);
  const parent = path.dirname(dir);
  if (parent === dir || !PARAMETER_FOLDER.test(path.basename(dir))) return [];
  const names = candidates.map((c) => path.basename(c).toLowerCase());
  const up: string[] = [];
  for (const n of names) {
    const target = index.get(norm(path.join(parent, n)));
    if (target && firstOnly) return [target];
    if (target) up.push(target);
  }
  // (For a name that spells no template, one folder up first, then the one sibling folder: review 128.)
  if (up.length > 0 && firstOnly) return up;
  const parentNorm = norm(parent);
  const dirNorm = norm(dir);
  const siblings = siblingIndex(index);
  for (const n of names) {
    const hits = (siblings.get(`${parentNorm}\u0000${n}`) ?? []).filter(([folder]) => folder !== dirNorm);
    if (hits.length > 1) return up;
    if (hits.length === 1) {
      const [folder] = hits[0]!;
      if (firstOnly) return [hits[0]![1]];
      // (Every candidate name in that one folder, in order.)
      return [...up, ...names.flatMap((m) => index.get(`${folder}/${m}`) ?? [])];
    }
  }
  return up;
}

/**
 * An index's templates by the folder above their folder and their name, made once per index: each
 * parameter file in a parameter folder looks its siblings up (scanning every template for each
 * made a run of 360 folders 1.5 times slower; review 128).
 */
const bySibling = new WeakMap<TemplateIndex, Map<string, [folder: string, template: string][]>>();
function siblingIndex(index: TemplateIndex): ReadonlyMap<string, readonly [string, string][]> {
  let m = bySibling.get(index);
  if (!m) {
    m = new Map();
    for (const [k, t] of index) {
      const folder = path.posix.dirname(k);
      const key = `${path.posix.dirname(folder)}\u0000${path.posix.basename(k)}`;
      let list = m.get(key);
      if (!list) m.set(key, (list = []));
      list.push([folder, t]);
    }
    bySibling.set(index, m);
  }
  return m;
}

/**
 * An index's templates by folder (normalized as `norm`), made once per index: a run's unpaired
 * parameter files each look up their folder (looking through every template of the run for each
 * made the corpus copied 4× superlinear: issue 15, goal 3).
 */
const byFolder = new WeakMap<TemplateIndex, Map<string, string[]>>();
function templatesByFolder(index: TemplateIndex): ReadonlyMap<string, readonly string[]> {
  let m = byFolder.get(index);
  if (!m) {
    m = new Map();
    for (const t of index.values()) {
      const d = norm(path.dirname(t));
      const list = m.get(d);
      if (list) list.push(t);
      else m.set(d, [t]);
    }
    byFolder.set(index, m);
  }
  return m;
}

function templateByMetadata(index: TemplateIndex, paramFile: string, meta: string): string | undefined {
  return index.get(norm(path.join(path.dirname(paramFile), meta)));
}
