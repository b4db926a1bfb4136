/**
 * The GitHub repositories a checkout's `.git/config` names as its remotes (`[remote "origin"]
 * url = https://github.com/Azure/azureml-assets.git`): what CI004 needs to tell a reference to the
 * repository itself (`Azure/azureml-assets/.github/workflows/x.yml@main`, first-party) from a
 * third-party one. actions/checkout writes the `origin` remote this way; a clone, `git@github.com:`.
 * Read as text, never by running git.
 */

/** `url = …` lines of `[remote "…"]` sections (git-config(1): a section header, then `key = value` lines). */
const SECTION = /^\s*\[\s*([^\]\s"]+)(?:\s+"([^"]*)")?\s*\]/;
const URL_LINE = /^\s*url\s*=\s*(.*?)\s*$/i;

/** The `owner/repo` (lower-case) of a GitHub URL as git writes remotes, else undefined. */
export function githubRepositoryOf(url: string): string | undefined {
  const u = url.trim().replace(/^"(.*)"$/, '$1');
  const m =
    /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(u) ??
    /^(?:[^@/\s]+@)?github\.com:([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(u);
  return m ? `${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}` : undefined;
}

/** Every GitHub `owner/repo` (lower-case) among the remotes of a `.git/config` text, each once. */
export function githubRemotes(configText: string): string[] {
  const out = new Set<string>();
  let inRemote = false;
  for (const line of configText.split(/\r?\n/)) {
    const section = SECTION.exec(line);
    if (section) {
      inRemote = section[1]!.toLowerCase() === 'remote';
      continue;
    }
    if (!inRemote) continue;
    const url = URL_LINE.exec(line);
    const repo = url ? githubRepositoryOf(url[1]!) : undefined;
    if (repo) out.add(repo);
  }
  return [...out];
}
