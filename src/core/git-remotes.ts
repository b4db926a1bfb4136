/**
 * The GitHub repository a checkout's `.git/config` names as its `origin` remote (`[remote "origin"]
 * url = https://github.com/Azure/azureml-assets.git`): what CI004 needs to tell a reference to the
 * repository itself (`Azure/azureml-assets/.github/workflows/x.yml@main`, first-party) from a
 * third-party one. actions/checkout writes `origin` this way; a clone, `git@github.com:`. Only
 * `origin`: another remote is another repository (a fork's `upstream` is the original, whose
 * branch a push there moves under the fork's secrets; review 131). Read as text, never by running git.
 */

/**
 * git-config(1): a section header `[remote "origin"]` (or the older `[remote.origin]`), then
 * `key = value` lines; a header may be followed by a key on its line; `;` and `#` start a comment
 * outside double quotes.
 */
const SECTION = /^\s*\[\s*([^\]\s"]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\](.*)$/;
const URL_LINE = /^\s*url\s*=\s*(.*?)\s*$/i;

/** A value without its trailing comment (`;`/`#` outside double quotes) and its quotes. */
function withoutComment(value: string): string {
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === '#')) return value.slice(0, i).trim();
  }
  return value.trim();
}

/** The GitHub `owner/repo` (lower-case) of a GitHub URL as git writes remotes, else undefined. */
export function githubRepositoryOf(url: string): string | undefined {
  const u = withoutComment(url).replace(/^"(.*)"$/, '$1');
  const m =
    /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(u) ??
    /^(?:[^@/\s]+@)?github\.com:([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(u);
  return m ? `${m[1]!.toLowerCase()}/${m[2]!.toLowerCase()}` : undefined;
}

/** The GitHub `owner/repo` (lower-case) of the `origin` remote of a `.git/config` text (none, or one). */
export function githubRemotes(configText: string): string[] {
  const out = new Set<string>();
  let inOrigin = false;
  for (const raw of configText.split(/\r?\n/)) {
    let line = raw;
    const section = SECTION.exec(line);
    if (section) {
      const name = section[1]!.toLowerCase();
      // (Section names are case-insensitive, subsection names case-sensitive; the older
      // `[remote.origin]` form lower-cases its subsection.)
      inOrigin = (name === 'remote' && section[2] === 'origin') || name === 'remote.origin';
      line = section[3]!;
    }
    if (!inOrigin) continue;
    const url = URL_LINE.exec(line);
    const repo = url ? githubRepositoryOf(url[1]!) : undefined;
    if (repo) out.add(repo);
  }
  return [...out];
}
