/**
 * azapi_resource with `type = "Microsoft.X/y@${var.api}"` and an API version that is not known:
 * the ARM type is known, so the resource is still linted; only what depends on the API version
 * (KV002's default) stays undecided (RULES.md: a value we cannot know is never reported, and
 * --verbose says so). Before, the whole resource was dropped without a word.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lineCol, tree, where } from './tree.js';

describe('azapi_resource type with an unknown API version', () => {
  it('keeps the resource: KV001 on the absent purge protection, KV002 undecided', async () => {
    const main = `variable "api" {}
resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@\${var.api}"
  name      = "kv"
  parent_id = "x"
  location  = "westeurope"
  body = {
    properties = { tenantId = "t", sku = { family = "A", name = "standard" } }
  }
}
`;
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['KV001', 'KV002'], noConfig: true });
    expect(where(dir, r.findings)).toEqual([`KV001 warning main.tf:${lineCol(main, 'resource')}`]);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.reason}`)).toContainEqual(expect.stringMatching(/^KV002 .*its default depends on the API version, which is not known/));
  });
});
