/**
 * CI003 oidc-without-id-token-permission: azure/login with `client-id` (OIDC) in a job whose
 * effective permissions do not grant `id-token: write`.
 */
import type { Location } from '../../src/core/source.js';
import type { Rule } from '../../src/engine/types.js';
import { grantsIdTokenWrite, isCiDocument } from '../../src/parse/yaml/ci.js';
import type { GhPermissions } from '../../src/parse/yaml/ci.js';

function describe(p: GhPermissions): string {
  if (p.kind === 'map') {
    const entries = Object.entries(p.scopes);
    return entries.length === 0 ? '`{}`' : `\`${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}\``;
  }
  return p.kind === 'read-all' ? '`read-all`' : 'a value that grants no `id-token: write`';
}

const rule: Rule = {
  meta: {
    id: 'CI003',
    name: 'oidc-without-id-token-permission',
    shortDescription: '`azure/login` with `client-id` (OIDC) in a job whose effective permissions do not grant `id-token: write`.',
    fullDescription:
      'OIDC sign-in needs the job to request a GitHub ID token, which is only possible with `id-token: write`. ' +
      'The effective permissions of a job are its own `permissions:`, else the workflow-level `permissions:`, else the ' +
      "repository default, which never includes `id-token`. A job-level block replaces the workflow-level one entirely, so a job that " +
      'sets `contents: read` loses an `id-token: write` granted at the top. Without it azure/login fails at run time ' +
      '("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"), typically only on the deploy path. A reusable workflow ' +
      '(`on: workflow_call`) without permissions of its own inherits those of the caller and is not reported.',
    help: 'Add `permissions: { id-token: write, contents: read }` to the job (or to the workflow when no job overrides it).',
    level: 'error',
    tags: ['ci', 'correctness', 'identity'],
    formats: ['github-actions'],
    docPath: 'rules/ci/CI003-oidc-without-id-token-permission.md',
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow || doc.workflow.composite) return;
        const wf = doc.workflow;
        for (const job of wf.jobs) {
          const effective = job.permissions ?? wf.permissions;
          if (!effective && wf.reusable) continue;
          if (grantsIdTokenWrite(effective)) continue;
          for (const step of job.steps) {
            const u = step.uses;
            if (!u || u.kind !== 'action' || u.path) continue;
            if ((u.owner ?? '').toLowerCase() !== 'azure' || (u.repo ?? '').toLowerCase() !== 'login') continue;
            if (!step.with.some((w) => w.key === 'client-id')) continue;
            const related: Location[] = [];
            let where: string;
            if (job.permissions) {
              related.push({ file: doc.file, range: job.permissions.range, label: `permissions of job ${job.id}` });
              where = `job \`${job.id}\` sets permissions ${describe(job.permissions)}${wf.permissions ? ', which replaces the workflow-level block' : ''}`;
            } else if (wf.permissions) {
              related.push({ file: doc.file, range: wf.permissions.range, label: 'workflow permissions' });
              where = `job \`${job.id}\` inherits workflow permissions ${describe(wf.permissions)}`;
            } else {
              where = `job \`${job.id}\` has no \`permissions:\` and the default token has no \`id-token\``;
            }
            ctx.report({
              location: { file: doc.file, range: { start: u.keyRange.start, end: u.range.end } },
              message: `\`azure/login\` with \`client-id\` needs an OIDC token but ${where}; add \`id-token: write\` (with \`contents: read\`) to the job's permissions`,
              related,
              subject: step.subject,
              attributePath: 'permissions.id-token',
            });
          }
        }
      },
    };
  },
};

export default rule;
