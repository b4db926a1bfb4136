/**
 * CI004 action-not-pinned: `uses:` of an action or reusable workflow from another
 * repository at a branch (`@main`, `@master`, `@latest`, `@dev`) or with no ref.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import type { CiUses } from '../../src/model/ci.js';

const BRANCHES = new Set(['main', 'master', 'latest', 'dev']);

/** Why a `uses:` value is not pinned, or undefined when it is fine. */
export function unpinned(u: CiUses): 'branch' | 'noRef' | 'dockerLatest' | undefined {
  if (u.kind === 'local' || u.kind === 'expression') return undefined;
  if (u.kind === 'docker') {
    const image = u.name;
    if (image.includes('@sha256:')) return undefined;
    const lastSeg = image.slice(image.lastIndexOf('/') + 1);
    const colon = lastSeg.indexOf(':');
    if (colon < 0 || lastSeg.slice(colon + 1).toLowerCase() === 'latest') return 'dockerLatest';
    return undefined;
  }
  if (u.ref === undefined || u.ref === '') return 'noRef';
  return BRANCHES.has(u.ref.toLowerCase()) ? 'branch' : undefined;
}

export default defineRule({
  meta: {
    id: 'CI004',
    name: 'action-not-pinned',
    shortDescription: '`uses:` of a third-party action or reusable workflow at a branch (`@main`, `@master`, `@latest`, `@dev`) or with no ref.',
    fullDescription:
      'A branch ref is a moving target: every push to that branch of the other repository changes the code that runs in ' +
      'your workflow, with your secrets, your `GITHUB_TOKEN` and your cloud credentials. A compromised or careless upstream ' +
      'commit lands in your deployment without review. Release tags are acceptable; a full-length commit SHA is the only ' +
      'immutable reference. Local actions (`./…`) and Docker images pinned by digest are fine.',
    help: 'Pin the action to a release tag, or better to a full 40-character commit SHA with the tag in a comment (`uses: owner/action@<sha> # v4.1.0`).',
    level: 'warning',
    tags: ['security', 'ci', 'supply-chain'],
    securitySeverity: 6.5,
    formats: ['github-actions'],
    messages: {
      branch: '{{what}} `{{uses}}` follows the branch `{{ref}}`, so any push there runs in this workflow with its secrets; pin a release tag or, best, a full commit SHA.',
      noRef: '{{what}} `{{uses}}` has no ref; pin a release tag or, best, a full commit SHA (`@<sha> # vX.Y.Z`).',
      dockerLatest: 'Docker image `{{uses}}` is not pinned (implicit or explicit `latest`); pin it by digest (`@sha256:…`).',
    },
  },
  create(ctx) {
    const check = (file: string, u: CiUses | undefined, subject: string): void => {
      if (!u) return;
      const why = unpinned(u);
      if (!why) return;
      ctx.report({
        messageId: why,
        data: { what: u.kind === 'reusable-workflow' ? 'Reusable workflow' : 'Action', uses: u.text, ref: u.ref ?? '' },
        location: { file, range: u.range },
        subject,
        attributePath: 'uses',
      });
    };
    return {
      ciFile(file) {
        for (const job of file.jobs) {
          check(file.file, job.uses, job.subject);
          for (const step of job.steps) check(file.file, step.uses, step.subject);
        }
      },
    };
  },
});
