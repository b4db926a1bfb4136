/**
 * CI004 action-not-pinned: `uses:` of an action or reusable workflow from another
 * repository at a branch (`@main`, `@master`, `@latest`, `@dev`) or with no ref.
 */
import type { Rule } from '../../src/engine/types.js';
import { isCiDocument } from '../../src/parse/yaml/ci.js';
import type { GhUses } from '../../src/parse/yaml/ci.js';

const BRANCHES = new Set(['main', 'master', 'latest', 'dev']);

/** Why a `uses:` value is not pinned, or undefined when it is fine. */
export function unpinned(u: GhUses): 'branch' | 'no-ref' | 'docker-latest' | undefined {
  if (u.kind === 'local' || u.kind === 'expression') return undefined;
  if (u.kind === 'docker') {
    const image = u.value.trim().slice('docker://'.length);
    if (image.includes('@sha256:')) return undefined;
    const lastSeg = image.slice(image.lastIndexOf('/') + 1);
    const colon = lastSeg.indexOf(':');
    if (colon < 0 || lastSeg.slice(colon + 1).toLowerCase() === 'latest') return 'docker-latest';
    return undefined;
  }
  if (u.ref === undefined || u.ref === '') return 'no-ref';
  return BRANCHES.has(u.ref.toLowerCase()) ? 'branch' : undefined;
}

const rule: Rule = {
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
    docPath: 'rules/ci/CI004-action-not-pinned.md',
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow) return;
        const check = (u: GhUses | undefined, subject: string): void => {
          if (!u) return;
          const why = unpinned(u);
          if (!why) return;
          const what = u.kind === 'reusable-workflow' ? 'reusable workflow' : u.kind === 'docker' ? 'Docker image' : 'action';
          const message =
            why === 'branch'
              ? `${what} \`${u.value}\` follows the branch \`${u.ref}\`: any push there runs in this workflow with its secrets; pin a release tag or, best, a full commit SHA`
              : why === 'no-ref'
                ? `${what} \`${u.value}\` has no ref; pin a release tag or, best, a full commit SHA (\`@<sha> # vX.Y.Z\`)`
                : `${what} \`${u.value}\` is not pinned (implicit or explicit \`latest\`); pin it by digest (\`@sha256:…\`)`;
          ctx.report({ location: { file: doc.file, range: u.range }, message, subject, attributePath: 'uses' });
        };
        for (const job of doc.workflow.jobs) {
          check(job.uses, job.subject);
          for (const step of job.steps) check(step.uses, step.subject);
        }
      },
    };
  },
};

export default rule;
