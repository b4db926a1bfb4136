/**
 * Where a CI job has the repository: the variables that name the checkout's folder on the runner
 * or agent. A path written from one (`$GITHUB_WORKSPACE/scripts/kv.sh`,
 * `$(System.DefaultWorkingDirectory)/infra/main.bicep`) is a path from the repository's top,
 * whatever the working directory of the step or a `cd` before it.
 *
 * Sources:
 * - GitHub Actions, "Variables reference" (https://docs.github.com/actions/reference/variables-reference):
 *   `GITHUB_WORKSPACE` is "the default working directory on the runner for steps, and the
 *   default location of your repository when using the checkout action"; the `github.workspace`
 *   context is the same folder ("Contexts reference").
 * - Azure Pipelines, "Use predefined variables" (https://learn.microsoft.com/azure/devops/pipelines/build/variables):
 *   `Build.SourcesDirectory` and `Build.Repository.LocalPath` are "the local path on the agent
 *   where your source code files are downloaded", `System.DefaultWorkingDirectory` the same
 *   folder by default; "you can reference predefined variables as environment variables. For
 *   example, the variable Build.ArtifactStagingDirectory becomes the variable
 *   BUILD_ARTIFACTSTAGINGDIRECTORY."
 * A job that checks out several repositories puts each in a subfolder of these; the paths are
 * then read from the top of the scanned repository all the same (the scanned files are its own).
 */

/** Azure Pipelines macros (`$(Build.SourcesDirectory)`), lower-cased: variable names ignore case. */
export const CHECKOUT_TOP_MACROS: ReadonlySet<string> = new Set(['system.defaultworkingdirectory', 'build.sourcesdirectory', 'build.repository.localpath']);

/** The environment variables a step's script reads them as (Linux names are case-sensitive; PowerShell's `$env:X` ignores case). */
export const CHECKOUT_TOP_ENVIRONMENT: ReadonlySet<string> = new Set(['GITHUB_WORKSPACE', 'SYSTEM_DEFAULTWORKINGDIRECTORY', 'BUILD_SOURCESDIRECTORY', 'BUILD_REPOSITORY_LOCALPATH']);

/** GitHub expression contexts (`${{ github.workspace }}`), lower-cased. */
export const CHECKOUT_TOP_CONTEXTS: ReadonlySet<string> = new Set(['github.workspace']);

/**
 * A path with the checkout's top written in front taken off (`$(System.DefaultWorkingDirectory)/infra`,
 * `${{ github.workspace }}/infra`, `$GITHUB_WORKSPACE/infra` → `infra`); others as they are. Read in
 * task inputs and `working-directory:` (not a shell: Windows agents' variables ignore case, as
 * Azure Pipelines' names do), so the environment form is matched ignoring case too.
 */
export function withoutCheckoutTop(p: string): string {
  const m = /^(?:\$\(([A-Za-z_][\w.]*)\)|\$\{\{\s*([\w.]+)\s*\}\}|\$\{?([A-Za-z_]\w*)\}?)(?:[\\/]|$)/.exec(p);
  if (!m) return p;
  const top = m[1] !== undefined ? CHECKOUT_TOP_MACROS.has(m[1].toLowerCase()) : m[2] !== undefined ? CHECKOUT_TOP_CONTEXTS.has(m[2].toLowerCase()) : CHECKOUT_TOP_ENVIRONMENT.has(m[3]!.toUpperCase());
  return top ? p.slice(m[0].length) : p;
}
