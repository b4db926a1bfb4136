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
  return address.replace(INSTANCE_KEYS, '');
}

/** The address without its own (trailing) instance key: `module.kv["a"].azurerm_x.y["a]b"]` → `module.kv["a"].azurerm_x.y`. */
export function withoutTrailingInstanceKey(address: string): string {
  return address.replace(TRAILING_INSTANCE_KEY, '');
}

/** One instance key: a quoted string (escapes and any character inside) or anything up to `]`. */
const INSTANCE_KEY = String.raw`\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\]`;
const INSTANCE_KEYS = new RegExp(INSTANCE_KEY, 'g');
const TRAILING_INSTANCE_KEY = new RegExp(`${INSTANCE_KEY}$`);

/**
 * The last word of an address, its instance key included (`azurerm_x.pool["gpu"]` → `gpu`,
 * `azurerm_x.gpu_pool` → `gpu_pool`): what GPU001's "meant for GPU" reads as the resource's label.
 */
export function lastAddressWord(address: string): string | undefined {
  return address.split(/[.[\]"]/).filter(Boolean).pop();
}
