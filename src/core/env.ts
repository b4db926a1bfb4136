/**
 * Environment classes (RULES.md "Environments"): which words in a variable-file name, a
 * folder, a variable value or a tag make an evaluation `prod` or `nonprod`.
 */
/** The environment class of an evaluation (RULES.md "Environments"). */
export type EnvClass = 'prod' | 'nonprod' | 'unknown';

/** RULES.md "Environments": words that mean production. */
const PROD_WORDS = new Set(['prod', 'production', 'prd', 'live']);
/** RULES.md "Environments": words that mean a non-production environment. */
const NONPROD_WORDS = new Set([
  'dev', 'development', 'test', 'qa', 'sandbox', 'sbx', 'staging', 'stage', 'uat', 'preprod',
]);

/** Variables/parameters whose resolved value names the environment (RULES.md). */
export const ENV_VARIABLE_NAMES = ['environment', 'env', 'environment_name', 'environmentName', 'stage'];

/** Tag names whose value names the environment (RULES.md). */
export const ENV_TAG_NAMES = ['environment', 'env'];

/** Class of one word (`prod` → prod, `qa` → nonprod), or undefined. */
export function classifyWord(word: string): EnvClass | undefined {
  const w = word.toLowerCase();
  if (PROD_WORDS.has(w)) return 'prod';
  if (NONPROD_WORDS.has(w)) return 'nonprod';
  return undefined;
}

/**
 * Class of a file name or relative path: the words separated by `/ . _ -` are looked up,
 * the last word that names an environment wins (`env/prod/terraform.tfvars` → prod,
 * `azuredeploy.parameters.dev.json` → nonprod).
 */
export function classifyPath(relPath: string): { env: EnvClass; word: string } | undefined {
  const words = relPath.split(/[\\/._-]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const env = classifyWord(words[i]!);
    if (env) return { env, word: words[i]! };
  }
  return undefined;
}

/** Class of a free value such as `"Production"`, `"dev"`, `"prd-weu"`. */
export function classifyValue(value: string): EnvClass | undefined {
  return classifyPath(value)?.env;
}
