/**
 * The GitHub repository a checkout's `.git/config` names as its `origin` remote (`[remote "origin"]
 * url = https://github.com/Azure/azureml-assets.git`): what CI004 needs to tell a reference to the
 * repository itself (`Azure/azureml-assets/.github/workflows/x.yml@main`, first-party) from a
 * third-party one. actions/checkout writes `origin` this way; a clone, `git@github.com:`. Only
 * `origin`: another remote is another repository (a fork's `upstream` is the original, whose
 * branch a push there moves under the fork's secrets; review 131). Read as text, never by running git.
 */

/** `url = …` lines of the `[remote "origin"]` section (git-config(1): a section header, then `key = value` lines). */
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

/** The GitHub `owner/repo` (lower-case) of the `origin` remote of a `.git/config` text (none, or one). */
export function githubRemotes(configText: string): string[] {
  const out = new Set<string>();
  let inRemote = false;
  for (const line of configText.split(/\r?\n/)) {
    const section = SECTION.exec(line);
    if (section) {
      // (Section names are case-insensitive, subsection names case-sensitive: git-config(1).)
      inRemote = section[1]!.toLowerCase() === 'remote' && section[2] === 'origin';
      continue;
    }
    if (!inRemote) continue;
    const url = URL_LINE.exec(line);
    const repo = url ? githubRepositoryOf(url[1]!) : undefined;
    if (repo) out.add(repo);
  }
  return [...out];
}
