/**
 * Environment classes (RULES.md "Environments"): which words in a variable-file name, a
 * folder, a variable value or a tag make an evaluation `prod` or `nonprod`.
 */
import type { Value } from './value.js';

/** The environment class of an evaluation (RULES.md "Environments"). */
export type EnvClass = 'prod' | 'nonprod' | 'unknown';

/** How production-like a class is (prod, then unknown, then nonprod): which of several evaluations' findings is kept. */
export const ENV_RANK: Readonly<Record<EnvClass, number>> = { prod: 2, unknown: 1, nonprod: 0 };

/** RULES.md "Environments": words that mean production. */
const PROD_WORDS = new Set(['prod', 'production', 'prd', 'live']);
/** RULES.md "Environments": words that mean a non-production environment. */
const NONPROD_WORDS = new Set([
  'dev', 'development', 'test', 'testing', 'qa', 'sandbox', 'sbx', 'sandpit', 'staging', 'stage', 'uat', 'preprod',
]);
/** Every word that names an environment class by itself (the pre-commit hook's file pattern lists them). */
export const ENVIRONMENT_WORDS: readonly string[] = [...PROD_WORDS, ...NONPROD_WORDS];
/** A prod word written as one word with a negating or preceding prefix: `nonprod`, `preproduction`, `prelive` (RULES.md). */
const PREFIXED_PROD = /^(non|not|pre)(prod|production|prd|live)$/;
/** A word that negates or precedes the prod word after it: `non-prod`, `Not_Prod`, `pre-prod`, `NonProduction`. */
const PREFIXES = new Set(['non', 'not', 'pre']);

/** Variables/parameters whose resolved value names the environment (RULES.md). */
export const ENV_VARIABLE_NAMES = ['environment', 'env', 'environment_name', 'environmentName', 'stage'];

/** Tag names whose value names the environment (RULES.md). */
export const ENV_TAG_NAMES = ['environment', 'env'];

/**
 * An evaluation's class from the sources before the tags (undefined: none decided). An
 * `unknown` one of them decided (a value naming both classes) is final: a lower source, the
 * resource's tag, does not override it (RULES.md "Environments" reads the sources in order).
 */
export function evaluationEnv(decided: EnvClass | undefined): { env: EnvClass; envSettled?: true } {
  if (decided === undefined) return { env: 'unknown' };
  return decided === 'unknown' ? { env: 'unknown', envSettled: true } : { env: decided };
}

/** Class of one word (`prod` → prod, `qa` → nonprod, `nonprod` → nonprod), or undefined. */
export function classifyWord(word: string): EnvClass | undefined {
  const w = word.toLowerCase();
  if (PROD_WORDS.has(w)) return 'prod';
  if (NONPROD_WORDS.has(w) || PREFIXED_PROD.test(w)) return 'nonprod';
  return undefined;
}

/** Words of a value: split on non-letters and camelCase (`NonProduction` → non, production). */
export function envWords(value: string): string[] {
  return (value.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []).map((w) => w.toLowerCase());
}

/**
 * Class of a list of words (RULES.md "Environments"): a negated or prefixed prod word is
 * nonprod, never prod (`non prod`, `pre prod`); words naming both classes (`prod-test`) are
 * `unknown`; no environment word: undefined.
 */
export function classifyWords(words: readonly string[]): EnvClass | undefined {
  let prod = false;
  let nonprod = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (PREFIXES.has(w) && PROD_WORDS.has(words[i + 1] ?? '')) {
      nonprod = true;
      i++;
      continue;
    }
    const env = classifyWord(w);
    if (env === 'prod') prod = true;
    else if (env === 'nonprod') nonprod = true;
  }
  if (prod && nonprod) return 'unknown';
  return prod ? 'prod' : nonprod ? 'nonprod' : undefined;
}

/**
 * Class of a file name or relative path: the file name decides before its folders, and
 * the nearest folder before the ones above it (`env/prod/terraform.tfvars` → prod,
 * `prod/dev.tfvars` → nonprod, `azuredeploy.parameters.dev.json` → nonprod).
 */
export function classifyPath(relPath: string, above = ''): { env: EnvClass; word: string } | undefined {
  // The folders above the scan root (`above`) come after every part of the path: the nearest decides.
  if (above) return classifyPath(relPath) ?? classifyPath(above);
  const segments = relPath.split(/[\\/]+/).filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const env = classifyWords(envWords(segments[i]!));
    if (env) return { env, word: segments[i]! };
  }
  return undefined;
}

/**
 * Class of an Azure Pipelines file's name: `stage` there is the pipeline's own vocabulary (a
 * stage template, `multi-stage-pipeline.yml`), not an environment, so it does not count; the
 * other words do as in `classifyPath` (`deploy-prod-stage.yml` → prod).
 */
export function classifyPipelineFileName(name: string): EnvClass | undefined {
  return classifyWords(envWords(name).filter((w) => w !== 'stage' && w !== 'stages'));
}

/**
 * Class of an Azure Pipelines stage's id or display name: in `DeployStage`, `BuildStage`,
 * `Stage1`, `ProdStage` the word `stage` is the pipeline's vocabulary, not an environment (it
 * made them nonprod); a name that is that word alone (`stages: [Dev, Stage, Prod]`) or uses it as
 * a place (`Deploy to Stage`, `stage_env`) names the staging environment, as before.
 */
export function classifyPipelineStageName(name: string): EnvClass | undefined {
  const words = envWords(name);
  // `stage` names the environment when it is the whole name, or reads as a place (`Deploy to
  // Stage`, `stage_env`); elsewhere (`DeployStage`, `Stage1`) it is the pipeline's word.
  const alone = /^\s*stages?\s*$/i.test(name);
  const place = (i: number): boolean => alone || ['to', 'in', 'on'].includes(words[i - 1] ?? '') || ['env', 'environment'].includes(words[i + 1] ?? '');
  return classifyWords(words.filter((w, i) => (w !== 'stage' && w !== 'stages') || place(i)));
}

/** Class of a free value such as `"Production"`, `"dev"`, `"prd-weu"`, `"Non-Prod"`. */
export function classifyValue(value: string): EnvClass | undefined {
  return classifyWords(envWords(value));
}

/**
 * The class named by the first environment variable or parameter (ENV_VARIABLE_NAMES, in
 * that order) whose known string value names one (RULES.md "Environments"). `read` gives a
 * name's resolved value in the caller's format: a Terraform variable, an ARM/Bicep parameter,
 * a plan variable, a shell assignment; undefined when there is none.
 */
/**
 * A reader for `envFromVariables` over declared names that matches them ignoring case, as ARM
 * and Bicep parameters do (`variable "Environment"`, `ENV`): the name itself when declared, else
 * the one declared name equal to it ignoring case (two such, `Env` and `ENV`: neither).
 */
export function readIgnoringCase(declared: Iterable<string>, read: (declaredName: string) => Value | undefined): (name: string) => Value | undefined {
  const byLower = new Map<string, string | null>();
  const exact = new Set<string>();
  for (const k of declared) {
    exact.add(k);
    const l = k.toLowerCase();
    byLower.set(l, byLower.has(l) ? null : k);
  }
  return (name) => {
    const key = exact.has(name) ? name : byLower.get(name.toLowerCase());
    return key ? read(key) : undefined;
  };
}

export function envFromVariables(read: (name: string) => Value | undefined): EnvClass | undefined {
  for (const name of ENV_VARIABLE_NAMES) {
    const v = read(name);
    if (v?.kind !== 'string') continue;
    const env = classifyValue(v.value);
    if (env) return env;
  }
  return undefined;
}
