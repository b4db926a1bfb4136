/**
 * How ARM/Bicep parameter files and their folders are named for an environment: the names that
 * pair a parameter file with its template (`eval/arm/detect.ts`) and the folders a files-only run
 * walks for them (`frontends/arm-folders.ts`, loaded with every run, so kept apart from the ARM
 * evaluator: a `.tf` run must not load it).
 */

/** Environment names that parameter files are named after (`params.prod.json`, `dev.parameters.json`). */
export const ENV_WORDS = '(?:dev|test|prod|prd|qa|uat|stage|staging|sandbox|int)';

/**
 * Folders whose name says they hold parameter files (or one environment's), kept apart from the
 * templates: `parameters/`, `params/`, `environments/`, `dev/`, `prod/`…
 */
export const PARAMETER_FOLDER = new RegExp(`^(?:param(?:eter)?s?|param(?:eter)?[-_]?files|env(?:ironment)?s?|${ENV_WORDS}|production|development)$`, 'i');
