/**
 * Terraform resource and module addresses as the engine, the front ends and the rules share
 * them (`module.kv["x.y"].azurerm_key_vault.kv[0]`).
 */

/**
 * The address without any instance key, as configuration names it:
 * `module.kv["x.y"].azurerm_x.y[0]` → `module.kv.azurerm_x.y`. A key is a number or a quoted
 * string that may hold dots, brackets and escaped quotes (`["a]b"]`, `["say \"hi\""]`), so a
 * quoted key is skipped as a whole rather than up to its first `]`.
 */
export function withoutInstanceKeys(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\]/g, '');
}

/**
 * The last word of an address, its instance key included (`azurerm_x.pool["gpu"]` → `gpu`,
 * `azurerm_x.gpu_pool` → `gpu_pool`): what GPU001's "meant for GPU" reads as the resource's label.
 */
export function lastAddressWord(address: string): string | undefined {
  return address.split(/[.[\]"]/).filter(Boolean).pop();
}
