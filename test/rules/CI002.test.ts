/**
 * CI002 (azure-login-with-secret): GitHub `azure/login` with `creds:` or an `azure_credentials:` input signs in with a service-principal secret instead of OIDC.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/CI002: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'oidc.yml',
        files: {
          '.github/workflows/oidc.yml': `
name: deploy
on: push
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
      - name: client-id wins over creds
        uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'aml-actions.yml',
        files: {
          '.github/workflows/aml-actions.yml': `
name: train
on: push
jobs:
  train:
    runs-on: ubuntu-latest
    steps:
      - uses: Azure/aml-workspace@v1
        id: aml_workspace
        with:
          ⟦azure_credentials⟧: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: Azure/aml-compute@v1
        with:
          ⟦azure_credentials⟧: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'azureCredentials',
      },
      {
        name: 'creds.yml',
        files: {
          '.github/workflows/creds.yml': `
name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v1
        with:
          ⟦creds⟧: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: Azure/login@v2
        with:
          ⟦creds⟧: \${{ secrets.AZURE_CREDENTIALS }}
          enable-AzPSSession: true
      - name: v3
        uses: azure/login@v3
        with: { ⟦creds⟧: "\${{ secrets.AZURE_CREDENTIALS }}" }
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'creds',
      },
    ],
  },
};
// </converted>

ruleTester('CI002', converted);
