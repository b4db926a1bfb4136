/**
 * CI004 action-not-pinned: `uses:` of an action or reusable workflow from another
 * (third-party) repository — not the one the workflow is in, by its checkout's origin remote — at a branch (`@main`, `@master`, `@latest`, `@dev`, `@develop`, `@trunk`, any ref
 * with a `/`) or with no ref; a `docker://` image with no tag or `:latest`. One finding per
 * action and ref per file, at the first use; the repeats are related locations.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { CiUses } from '../../src/model/ci.js';

/** Branch names used as refs; any ref with a `/` (`feature/x`, `refs/heads/main`, `user/topic`) is a branch too. */
const BRANCHES = new Set(['main', 'master', 'latest', 'dev', 'develop', 'trunk']);

type Why = 'branch' | 'noRef' | 'dockerLatest';

/** Why a `uses:` value is not pinned, or undefined when it is fine. */
export function unpinned(u: CiUses): Why | undefined {
  if (u.kind === 'local' || u.kind === 'expression') return undefined;
  // `uses: create-compute.yml` names no `owner/repo`: not an action of another repository
  // (GitHub rejects the workflow; a local one needs `./`), so pinning is not the fix.
  if (u.kind !== 'docker' && u.repo === undefined) return undefined;
  if (u.kind === 'docker') {
    const image = u.name;
    if (image.includes('@sha256:')) return undefined;
    const lastSeg = image.slice(image.lastIndexOf('/') + 1);
    const colon = lastSeg.indexOf(':');
    if (colon < 0 || lastSeg.slice(colon + 1).toLowerCase() === 'latest') return 'dockerLatest';
    return undefined;
  }
  if (u.ref === undefined || u.ref === '') return 'noRef';
  // A fully qualified tag (`refs/tags/v1`) is a tag, and "tags are fine" (RULES.md CI004); any
  // other ref with a `/` (`feature/x`, `refs/heads/main`) names a branch.
  if (/^refs\/tags\/[^/]/i.test(u.ref)) return undefined;
  return BRANCHES.has(u.ref.toLowerCase()) || u.ref.includes('/') ? 'branch' : undefined;
}

/** The action's name for grouping: `owner/repo` without case, the path after it as written. */
function actionKey(u: CiUses): string {
  if (u.kind === 'docker' || u.owner === undefined) return u.name;
  return [u.owner.toLowerCase(), u.repo?.toLowerCase(), u.path].filter((x) => x !== undefined && x !== '').join('/');
}

/** One unpinned reference of a file: its first use and the later uses of the same action and ref. */
interface Group {
  why: Why;
  first: { uses: CiUses; subject: string };
  repeats: CiUses[];
}

export default defineRule({
  meta: {
    id: 'CI004',
    name: 'action-not-pinned',
    shortDescription:
      '`uses:` of a third-party action or reusable workflow at a branch (`@main`, `@master`, `@latest`, `@dev`, `@develop`, `@trunk`, a ref with `/`) or with no ref.',
    fullDescription:
      'A branch ref is a moving target: every push to that branch of the other repository changes the code that runs in ' +
      'your workflow, with your secrets, your `GITHUB_TOKEN` and your cloud credentials. A compromised or careless upstream ' +
      'commit lands in your deployment without review. Release tags are acceptable; a full-length commit SHA is the only ' +
      'immutable reference. Local actions (`./…`) and Docker images pinned by digest are fine. The same action at the same ' +
      'ref used several times in a file is one finding (one pin to change), at its first use.',
    help: 'Pin the action to a release tag, or better to a full 40-character commit SHA with the tag in a comment (`uses: owner/action@<sha> # v4.1.0`).',
    level: 'warning',
    tags: ['security', 'ci', 'supply-chain'],
    securitySeverity: 6.5,
    formats: ['github-actions'],
    messages: {
      branch:
        '{{what}} `{{uses}}` follows the branch `{{ref}}`{{also}}, so any push there runs in {{where}}; pin a release tag or, best, a full commit SHA.',
      noRef: '{{what}} `{{uses}}` has no ref{{also}}; pin a release tag or, best, a full commit SHA (`@<sha> # vX.Y.Z`).',
      dockerLatest: 'Docker image `{{uses}}` is not pinned (implicit or explicit `latest`){{also}}; pin it by digest (`@sha256:…`).',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        // every `uses:` of the file (reusable-workflow jobs and steps), in file order
        const all = file.jobs
          .flatMap((job) => [
            ...(job.uses ? [{ uses: job.uses, subject: job.subject }] : []),
            ...job.steps.flatMap((s) => (s.uses ? [{ uses: s.uses, subject: s.subject }] : [])),
          ])
          .sort((a, b) => a.uses.range.start.offset - b.uses.range.start.offset);
        const groups = new Map<string, Group>();
        // The repository itself, named by owner/repo (`Azure/x/.github/workflows/y.yml@main` in
        // Azure/x, as its checkout's origin remote says): first-party code, which the same push reviews.
        const own = ctx.repositoryNames(file.file);
        for (const use of all) {
          const why = unpinned(use.uses);
          if (!why) continue;
          if (use.uses.kind !== 'docker' && use.uses.owner !== undefined && own.includes(`${use.uses.owner.toLowerCase()}/${use.uses.repo?.toLowerCase()}`)) continue;
          // owner/repo compare case-insensitively (GitHub's names); a path inside the repository
          // (`owner/repo/Sub/action`) and a ref are git names, case-sensitive
          const key = [use.uses.kind, actionKey(use.uses), use.uses.ref ?? ''].join('\u0000');
          const g = groups.get(key);
          if (g) g.repeats.push(use.uses);
          else groups.set(key, { why, first: use, repeats: [] });
        }
        for (const { why, first, repeats } of groups.values()) {
          const u = first.uses;
          const n = repeats.length;
          ctx.report({
            messageId: why,
            data: {
              what: u.kind === 'reusable-workflow' ? 'Reusable workflow' : 'Action',
              uses: u.text,
              ref: u.ref ?? '',
              also: n === 0 ? '' : ` (also used ${n} more time${n === 1 ? '' : 's'} in this file)`,
              // A composite action's step runs in the workflows that use the action (review 70).
              where: file.composite ? 'every workflow that uses this action, with its secrets' : 'this workflow with its secrets',
            },
            location: { file: file.file, range: u.range },
            related: repeats.map((r) => ({ file: file.file, range: r.range, label: `uses: ${r.text} (same ${why === 'dockerLatest' ? 'image' : u.kind === 'reusable-workflow' ? 'workflow and ref' : 'action and ref'})` })),
            subject: first.subject,
            attributePath: 'uses',
          });
        }
      },
    };
  },
});
