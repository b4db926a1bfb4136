/**
 * CI002 azure-login-with-secret: azure/login with `creds:` (and no `client-id`), or an
 * `azure_credentials:` input (the old Azure/aml-* actions).
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { isAction } from '../../src/model/ci.js';

export default defineRule({
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
    messages: {
      creds:
        '`{{uses}}` with `creds:` signs in with a long-lived service-principal secret; use OIDC instead: `client-id`, `tenant-id`, `subscription-id` with `permissions: id-token: write`.',
      azureCredentials:
        '`{{uses}}` takes `azure_credentials:`, a long-lived service-principal secret; sign in with azure/login over OIDC (client-id, tenant-id, subscription-id) and use the Azure ML CLI v2 (`az ml`) instead.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        for (const step of file.steps) {
          const u = step.uses;
          if (!u || u.kind !== 'action') continue;
          const related = [{ file: file.file, range: u.range, label: `uses: ${u.text}` }];
          if (isAction(u, 'azure/login')) {
            const creds = step.inputs.find((w) => w.key === 'creds');
            if (creds && !step.inputs.some((w) => w.key === 'client-id')) {
              ctx.report({
                messageId: 'creds',
                data: { uses: u.text },
                location: { file: file.file, range: creds.keyRange },
                related,
                subject: step.subject,
                attributePath: 'with.creds',
              });
            }
            continue;
          }
          const ac = step.inputs.find((w) => w.key === 'azure_credentials');
          if (ac) {
            ctx.report({
              messageId: 'azureCredentials',
              data: { uses: u.text },
              location: { file: file.file, range: ac.keyRange },
              related,
              subject: step.subject,
              attributePath: 'with.azure_credentials',
            });
          }
        }
      },
    };
  },
});
