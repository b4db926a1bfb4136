/**
 * CI002 (azure-login-with-secret): GitHub `azure/login` with `creds:` or an `azure_credentials:` input signs in with a service-principal secret instead of OIDC.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'empty-or-other.yml',
        files: {
          '.github/workflows/empty-or-other.yml': `
name: no service-principal secret
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: Azure/aml-run@v1
        with:
          azure_credentials: ''
      - uses: ./
        with:
          credentials-file: creds.json
      - uses: docker://alpine:3.20
        with:
          args: echo creds
`,
        },
      },
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
        name: 'any-action.yml',
        files: {
          '.github/workflows/any-action.yml': `
name: any action that takes the service-principal JSON
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: the action of this repository (Azure/aml-workspace's own integration test)
        uses: ./
        with:
          ⟦azure_credentials⟧: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: azure/actions/login@v1
        with:
          ⟦creds⟧: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: azure/aks-set-context@v1
        with:
          ⟦creds⟧: '\${{ secrets.AZURE_CREDENTIALS }}'
          cluster-name: aks
      - uses: ./.github/actions/config-env
        with:
          ⟦AZURE_CREDENTIALS⟧: \${{ secrets.AZURE_CREDENTIALS }}
      - uses: someone/deploy@v2
        with:
          ⟦azure-credentials⟧: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'creds',
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

// Conformance round (c-conf2): an empty `client-id: ''` gives no client id, so azure/login
// signs in with `creds` (RULES.md CI002: "When azure/login also has client-id, it ignores
// creds: not reported" — here it has none).
const emptyClientId: RuleTable = {
  'github-actions': {
    valid: [],
    invalid: [
      {
        name: 'empty-client-id-does-not-hide-creds',
        files: {
          '.github/workflows/deploy.yml': `
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: ''
          ⟦creds⟧: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'creds',
      },
    ],
  },
};

ruleTester('CI002', converted, emptyClientId);
