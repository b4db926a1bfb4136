/**
 * CI002 azure-login-with-secret: azure/login with `creds:` (and no `client-id`), or an
 * `azure_credentials:` input (the old Azure/aml-* actions).
 */
import type { Rule } from '../../src/engine/types.js';
import { isCiDocument } from '../../src/parse/yaml/ci.js';

const rule: Rule = {
  meta: {
    id: 'CI002',
    name: 'azure-login-with-secret',
    shortDescription: 'GitHub `azure/login` with `creds:` or an `azure_credentials:` input signs in with a service-principal secret instead of OIDC.',
    fullDescription:
      'The `creds:` input of azure/login and the `azure_credentials:` input of the retired Azure/aml-* actions take a ' +
      'service-principal JSON that contains a client secret. The secret lives in the repository secrets, is valid for ' +
      'months or years, works from anywhere and must be rotated by hand; a leaked log line or a compromised action ' +
      'exposes a credential that outlives the job. OIDC (a federated credential trusted for this repository, branch or ' +
      'environment) issues a token that is valid for minutes and only for this workflow. azure/login ignores `creds` when ' +
      '`client-id` is also given, so that case is not reported.',
    help:
      'Create a federated credential for the app registration or managed identity and use azure/login with `client-id`, ' +
      '`tenant-id` and `subscription-id` (and `permissions: id-token: write`); replace Azure/aml-* actions with the Azure ML CLI v2 (`az ml`) after azure/login.',
    level: 'error',
    tags: ['security', 'ci', 'credentials'],
    securitySeverity: 7.5,
    formats: ['github-actions'],
    docPath: 'rules/ci/CI002-azure-login-with-secret.md',
  },
  create(ctx) {
    return {
      ciDocument(doc) {
        if (!isCiDocument(doc) || !doc.workflow) return;
        for (const job of doc.workflow.jobs) {
          for (const step of job.steps) {
            const u = step.uses;
            if (!u || u.kind !== 'action') continue;
            const owner = (u.owner ?? '').toLowerCase();
            const repo = (u.repo ?? '').toLowerCase();
            const related = [{ file: doc.file, range: u.range, label: `uses: ${u.value}` }];
            if (owner === 'azure' && repo === 'login' && !u.path) {
              const creds = step.with.find((w) => w.key === 'creds');
              const clientId = step.with.find((w) => w.key === 'client-id');
              if (creds && !clientId) {
                ctx.report({
                  location: { file: doc.file, range: creds.keyRange },
                  message:
                    '`azure/login` with `creds:` signs in with a long-lived service-principal secret; use OIDC instead: `client-id`, `tenant-id`, `subscription-id` with `permissions: id-token: write`',
                  related,
                  subject: step.subject,
                  attributePath: 'with.creds',
                });
              }
              continue;
            }
            const ac = step.with.find((w) => w.key === 'azure_credentials');
            if (ac) {
              ctx.report({
                location: { file: doc.file, range: ac.keyRange },
                message: `\`${u.value}\` takes \`azure_credentials:\`, a long-lived service-principal secret; sign in with azure/login over OIDC (client-id, tenant-id, subscription-id) and use the Azure ML CLI v2 (\`az ml\`) instead`,
                related,
                subject: step.subject,
                attributePath: 'with.azure_credentials',
              });
            }
          }
        }
      },
    };
  },
};

export default rule;
