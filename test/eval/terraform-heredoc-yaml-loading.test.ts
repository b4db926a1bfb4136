/**
 * The YAML reader is loaded for a run whose configuration decodes YAML anywhere: in the scanned
 * files or in a module they call outside the scanned folder (review 101: it was loaded only when a
 * scanned file said `yamldecode`). A file of its own: the rule tables share one module graph, in
 * which another file may have loaded the reader already.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tempTrees } from '../support/temp-tree.js';

// yamldecode of a heredoc in a module the run reaches only through a call (outside the scanned
// folder, or a registry copy): decoded as in a folder run of the whole repository (review 101:
// the YAML reader was loaded only when a scanned file said `yamldecode`).
describe('GPU001: YAML heredoc pools in a module outside the scanned folder', () => {
  const { tree, cleanup } = tempTrees('gpu001-heredoc-');
  afterAll(cleanup);
  const module = 'locals {\n  pools = yamldecode(<<EOT\ngpu:\n  vm_size: Standard_D16s_v5\nEOT\n  )\n}\nresource "azurerm_kubernetes_cluster_node_pool" "p" {\n  for_each              = local.pools\n  name                  = each.key\n  kubernetes_cluster_id = "/subscriptions/x/aks"\n  vm_size               = each.value.vm_size\n}\n';
  const briefs = async (root: string, scanned: string): Promise<string[]> => {
    const r = await lint({ paths: [path.join(root, scanned)], root, rules: ['GPU001'], noConfig: true });
    return r.findings.filter((f) => f.ruleId === 'GPU001').map((f) => `${path.relative(root, f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column}`);
  };

  it('a local module', async () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'envs/prod/main.tf': 'module "pools" {\n  source = "../../modules/pools"\n}\n', 'modules/pools/main.tf': module });
    // The module's folder first: a run that scans it loads the reader for the rest of the process.
    expect(await briefs(root, 'envs/prod')).toEqual(['modules/pools/main.tf:4:12']);
    expect(await briefs(root, '.')).toEqual(['modules/pools/main.tf:4:12']);
  });
});
