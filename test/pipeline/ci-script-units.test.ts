/**
 * A workflow or pipeline that runs a scanned script shares its unit of work, so the azure-cli
 * reading of the script takes the caller's variables through `lint()` too (issue 13 item 2;
 * issue 15 units): not only when every CI file is evaluated at once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-ci-script-units-');
afterAll(cleanup);

const POOL = 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\n';

describe('CI units: a caller and the scripts it runs', () => {
  it('a GitHub workflow env value reaches the script it runs (finding at the env line)', async () => {
    const dir = tree({
      '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      SIZE: Standard_NC6s_v3\n    steps:\n      - run: ./scripts/pool.sh\n',
      'scripts/pool.sh': POOL,
    });
    const { briefs } = await lintTree(dir, ['GPU004']);
    expect(briefs).toEqual([expect.stringMatching(/^GPU004 error \w+ \.github\/workflows\/deploy\.yml:6:13$/)]);
  });

  it('an Azure Pipelines AzureCLI@2 scriptPath passes its variables', async () => {
    const dir = tree({
      'azure-pipelines.yml': 'variables:\n  SIZE: Standard_NC6s_v3\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: sc\n      scriptType: bash\n      scriptLocation: scriptPath\n      scriptPath: infra/pool.sh\n',
      'infra/pool.sh': POOL,
    });
    const { briefs } = await lintTree(dir, ['GPU004']);
    expect(briefs).toEqual([expect.stringMatching(/^GPU004 error \w+ azure-pipelines\.yml:2:9$/)]);
  });
});
