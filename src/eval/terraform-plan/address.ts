/**
 * Terraform resource addresses as a plan writes them: `module.a["x.y"].module.b[0].azurerm_x.y["k"]`.
 * Instance keys may contain dots, brackets and escaped quotes (FORMATS.md §5 "Traps": splitting
 * on dots breaks keyed module instances), so the address is read step by step.
 */

/** One module call on the path to a resource, with its instance key as written (`["x.y"]`, `[0]`, or ''). */
export interface ModuleStep {
  name: string;
  key: string;
}

export interface PlanAddress {
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** The resource's own instance key as written, or ''. */
  key: string;
}

/** Splits an address into names and `[…]` keys; undefined when it is malformed. */
function steps(address: string): { name?: string; key?: string }[] | undefined {
  const out: { name?: string; key?: string }[] = [];
  let i = 0;
  while (i < address.length) {
    const c = address[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const start = i;
      i++;
      if (address[i] === '"') {
        i++;
        while (i < address.length && address[i] !== '"') i += address[i] === '\\' ? 2 : 1;
        i++;
      } else while (i < address.length && address[i] !== ']') i++;
      if (address[i] !== ']') return undefined;
      i++;
      out.push({ key: address.slice(start, i) });
      continue;
    }
    const start = i;
    while (i < address.length && address[i] !== '.' && address[i] !== '[') i++;
    out.push({ name: address.slice(start, i) });
  }
  return out;
}

/** Reads a resource address; undefined when it is not one. */
export function parseAddress(address: string): PlanAddress | undefined {
  const s = steps(address);
  if (!s) return undefined;
  const modules: ModuleStep[] = [];
  let i = 0;
  while (s[i]?.name === 'module' && s[i + 1]?.name !== undefined && s[i + 2] !== undefined) {
    const name = s[i + 1]!.name!;
    i += 2;
    let key = '';
    if (s[i]?.key !== undefined) key = s[i++]!.key!;
    modules.push({ name, key });
  }
  let mode: PlanAddress['mode'] = 'managed';
  if (s[i]?.name === 'data') {
    mode = 'data';
    i++;
  }
  const type = s[i]?.name;
  const name = s[i + 1]?.name;
  if (!type || !name) return undefined;
  i += 2;
  let key = '';
  if (s[i]?.key !== undefined) key = s[i++]!.key!;
  if (i !== s.length) return undefined;
  return { modules, mode, type, name, key };
}

/** `module.a["x"].module.b.` — the module instance prefix of a resource address ('' at the root). */
export function modulePrefix(a: PlanAddress): string {
  return a.modules.map((m) => `module.${m.name}${m.key}.`).join('');
}

/** The address without the resource's own instance key (the module instance keys stay: references use them). */
export function baseAddress(a: PlanAddress): string {
  return `${modulePrefix(a)}${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`;
}
