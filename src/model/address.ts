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

/**
 * The last `/`- or `.`-separated segment of an address outside brackets, braces, parentheses and
 * quotes: the resource's own name part. An ARM name built by an expression keeps its dots
 * (`registries/cr{uniqueString(resourceGroup().id)}` → `cr{uniqueString(resourceGroup().id)}`,
 * not `id)}`); a nested expression too long to read is shortened to `{…}`.
 */
export function lastNameSegment(address: string): string {
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === '/' || c === '.') && depth === 0) start = i + 1;
  }
  const last = address.slice(start);
  return last.length <= 80 ? last : shortenedGroups(last);
}

/** `cr{uniqueString(resourceGroup().id, …)}` → `cr{…}`: each top-level `{…}` group's content elided. */
function shortenedGroups(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '{') {
      if (depth === 0) out += '{…';
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) out += '}';
    } else if (depth === 0) out += c;
  }
  return out;
}
