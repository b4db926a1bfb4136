/**
 * CI002 azure-login-with-secret: a GitHub step whose `with:` passes a service-principal JSON
 * secret (`creds`, `azure_credentials`, `azure-credentials`, non-empty), whatever the action
 * — azure/login and its old path azure/actions/login, the Azure/aml-* actions,
 * azure/aks-set-context@v1, a local `./` action. azure/login with `client-id` ignores `creds`.
 */
import { defineRule } from '../../src/engine/define-rule.js';
import { isAction } from '../../src/model/ci.js';
import type { CiEntry, CiStep } from '../../src/model/ci.js';

/** Inputs that take the `az ad sp create-for-rbac --sdk-auth` JSON (compared lower-case: GitHub input names are case-insensitive). */
const SECRET_INPUTS = ['creds', 'azure_credentials', 'azure-credentials'];

/** The step's credentials inputs with a non-empty value (a mapping or list value is not the JSON secret). */
function credentialInputs(step: CiStep): CiEntry[] {
  return step.inputs.filter((e) => SECRET_INPUTS.includes(e.key.toLowerCase()) && e.value !== undefined && e.value.trim() !== '');
}

/** The retired Azure ML actions (`Azure/aml-workspace`, `Azure/aml-deploy`, …), replaced by the Azure ML CLI v2. */
function isAmlAction(name: string): boolean {
  return name.startsWith('azure/aml-');
}

export default defineRule({
  meta: {
    id: 'CI002',
    name: 'azure-login-with-secret',
    shortDescription:
      'A GitHub step passes a service-principal secret (`creds`, `azure_credentials` or `azure-credentials`) to an action instead of signing in with OIDC.',
    fullDescription:
      'The `creds:` input of azure/login (and of its old path azure/actions/login and of azure/aks-set-context@v1) and the ' +
      '`azure_credentials:` input of the retired Azure/aml-* actions take a service-principal JSON that contains a client ' +
      'secret; so does any action, local or third-party, that takes such an input. The secret lives in the repository ' +
      'secrets, is valid for months or years, works from anywhere and must be rotated by hand; a leaked log line or a ' +
      'compromised action exposes a credential that outlives the job. OIDC (a federated credential trusted for this ' +
      'repository, branch or environment) issues a token that is valid for minutes and only for this workflow. azure/login ' +
      'ignores `creds` when `client-id` is also given, so that case is not reported.',
    help:
      'Create a federated credential for the app registration or managed identity and use azure/login with `client-id`, ' +
      '`tenant-id` and `subscription-id` (and `permissions: id-token: write`) before the actions that need Azure; replace ' +
      'Azure/aml-* actions with the Azure ML CLI v2 (`az ml`) after azure/login.',
    level: 'error',
    tags: ['security', 'ci', 'credentials'],
    securitySeverity: 7.5,
    formats: ['github-actions'],
    messages: {
      creds:
        '`{{uses}}` with `{{input}}:` signs in with a long-lived service-principal secret; use OIDC instead: azure/login with `client-id`, `tenant-id`, `subscription-id` and `permissions: id-token: write`.',
      azureCredentials:
        '`{{uses}}` takes `{{input}}:`, a long-lived service-principal secret; sign in with azure/login over OIDC (client-id, tenant-id, subscription-id) and use the Azure ML CLI v2 (`az ml`) instead.',
    },
  },
  create(ctx) {
    return {
      ciFile(file) {
        for (const step of file.steps) {
          const u = step.uses;
          if (!u || u.kind === 'docker') continue;
          // azure/login ignores `creds` when `client-id` is given (OIDC wins). An empty
          // `client-id: ''` gives none (as an empty `creds` is no secret): `creds` is used.
          const oidc = isAction(u, 'azure/login') && step.inputs.some((e) => e.key.toLowerCase() === 'client-id' && (e.value === undefined || e.value.trim() !== ''));
          for (const input of credentialInputs(step)) {
            const key = input.key.toLowerCase();
            if (oidc && key === 'creds') continue;
            ctx.report({
              messageId: isAmlAction(u.name) ? 'azureCredentials' : 'creds',
              data: { uses: u.text, input: input.key },
              location: { file: file.file, range: input.keyRange },
              related: [{ file: file.file, range: u.range, label: `uses: ${u.text}` }],
              subject: step.subject,
              attributePath: `with.${input.key}`,
            });
          }
        }
      },
    };
  },
});
