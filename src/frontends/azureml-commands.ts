/**
 * What a files-only run (pre-commit) must walk for a given Azure ML YAML file: the CI files and
 * scripts whose `az ml … --file` commands may read it (azure-cli-files.ts). A run over the root
 * evaluates such a file in each command's context (its `--set` overrides, its environment class,
 * the command's address and fingerprints) and drops its stand-alone evaluation; the command may be
 * written anywhere in the repository (`azure-pipelines.yml` at the top, `scripts/deploy.sh`
 * beside `aml/`), so the folders of the given files alone are not enough. Read with patterns
 * before any front end is loaded, a superset:
 * - a CI file *may run* the YAML when its text has the word `ml` and names a `.yml`/`.yaml` file
 *   of the same name (`--file aml/compute.yml`, `-f ../aml/compute.yml`, `FILE=compute.yml`);
 * - the file is walked with every file of its CI unit (`unitsByScriptReference`, over every file
 *   under the root that may be a CI file): the scripts it names and the files that name it, whose
 *   variables and environment the folder run's unit gives the command too.
 * A given YAML file that no front end reads (no `$schema`, no `type:`) may still be a command's
 * `--file`: it is a data file, and a CI file that names it may read it (`FrontEnd.mayRead`).
 */
import path from 'node:path';
import { ciUnitFiles } from './ci-references.js';
import { ciByName } from './names.js';
import { isStringList, planningFact } from './shared.js';
import type { FilesOnlyView, FrontEndContext } from './types.js';

const YAML_NAME = /\.ya?ml$/i;
/**
 * A YAML file name as a command may write it (`compute.yml` in `aml/compute.yml`). The
 * look-behind lets a match start only where a name starts: without it, a long run of name
 * characters was scanned again from each of its positions (quadratic: 80k characters, 8 s).
 */
const YAML_FILE_NAME = /(?<![\w.-])[\w.-]+\.ya?ml(?![\w.-])/gi;

/**
 * An Azure Pipelines `template:` reference to a YAML file of this repository (`- template:
 * config-infra-prod.yml`; not `x.yml@templates`, another repository's): its name is group 1.
 */
const TEMPLATE_REFERENCE = /\btemplate\s*:\s*['"]?([^\s'"#@]+\.ya?ml)(?![\w.@-])/gi;

/**
 * The YAML file names (lower case) a CI text may read: those it may hand to `az ml … --file`
 * (none without the word `ml`), and those it names as a `template:` (an Azure Pipelines variables
 * template no front end reads on its own, `config-infra-prod.yml`: review 87, naming it made the
 * run a usage error).
 */
function yamlFileNamesIn(text: string): string[] {
  const names = /\bml\b/.test(text) ? [...text.matchAll(YAML_FILE_NAME)].map((m) => m[0].toLowerCase()) : [];
  for (const m of text.matchAll(TEMPLATE_REFERENCE)) names.push(path.posix.basename(m[1]!.replace(/\\/g, '/')).toLowerCase());
  return [...new Set(names)];
}

function amlFileNames(ctx: Pick<FrontEndContext, 'host' | 'facts'>, file: string): string[] {
  return planningFact(ctx, 'ci-yaml-file-names', file, isStringList, yamlFileNamesIn) ?? [];
}

/** Of `files` (CI files and scripts), those that may hand one of `data` to `az ml … --file` (`FrontEnd.mayRead`). */
export function amlCommandReaders(files: readonly string[], data: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts'>): string[] {
  const names = new Set(data.filter((d) => YAML_NAME.test(d)).map((d) => path.basename(d).toLowerCase()));
  if (names.size === 0) return [];
  return files.filter((f) => amlFileNames(ctx, f).some((n) => names.has(n)));
}

/**
 * `FrontEnd.filesOnlyFolders` for Azure ML YAML: the CI files (with their units' other files)
 * that may run a given Azure ML YAML file, or a given YAML file no front end reads. Files, not
 * folders: a CI file's folder (`.`, for `azure-pipelines.yml`) may be the whole repository.
 */
export async function amlCommandFiles(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const yamls = given.filter((f) => YAML_NAME.test(f) && (wide.givenKinds.get(f) === 'azureml-yaml' || (!wide.givenKinds.has(f) && wide.dataFiles.includes(f))));
  if (yamls.length === 0) return [];
  const ciFiles = await wide.list((f) => ciByName(f) !== undefined);
  const readers = new Set(amlCommandReaders(ciFiles, yamls, wide));
  if (readers.size === 0) return [];
  return ciUnitFiles(wide, ciFiles, (f) => readers.has(f));
}
