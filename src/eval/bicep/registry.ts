/**
 * Where `bicep restore` / `bicep build` put a registry module (FORMATS.md §6; Azure/bicep
 * src/Bicep.Core/Registry/OciArtifactRegistry.cs `GetArtifactDirectory`, Oci/TagEncoder.cs):
 *
 *   <cacheRoot>/br/<registry lower-cased, ':' → '$'>/<repository, '/' → '$'>/<encoded tag>/main.json
 *
 * `br:<registry>/<repository>:<tag>` (or `@sha256:…`, stored as `sha256#…`), or
 * `br/<alias>:<path>:<tag>` with `bicepconfig.json` `moduleAliases.br.<alias>` =
 * `{ registry, modulePath }`; the built-in alias `public` is `mcr.microsoft.com` + `bicep`
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-config-modules).
 * Template specs (`ts:`) are not read from the cache.
 */

export interface BrAlias {
  registry: string;
  modulePath?: string;
}

/** The aliases every bicepconfig.json starts from. */
export const DEFAULT_BR_ALIASES: ReadonlyMap<string, BrAlias> = new Map([['public', { registry: 'mcr.microsoft.com', modulePath: 'bicep' }]]);

/** The OCI tag length limit the encoder's mask covers (IOciArtifactReference.MaxTagLength). */
const MAX_TAG_LENGTH = 128;

/**
 * TagEncoder.Encode: the tag, `$`, then the hex mask of its upper-case positions (bit i for
 * character i; two 64-bit words, the high word first, the low word zero-padded to 16 digits
 * once the high word was written; nothing when there is no upper-case letter).
 */
export function encodeTag(tag: string): string | undefined {
  if (tag.length > MAX_TAG_LENGTH) return undefined;
  const words = [0n, 0n];
  for (let i = 0; i < tag.length; i++) {
    const c = tag[i]!;
    if (c !== c.toLowerCase() && c === c.toUpperCase()) words[i >> 6]! |= 1n << BigInt(i % 64);
  }
  let out = `${tag}$`;
  let lead = false;
  for (let w = words.length - 1; w >= 0; w--) {
    const v = words[w]!;
    if (v !== 0n || lead) {
      out += lead ? v.toString(16).padStart(16, '0') : v.toString(16);
      lead = true;
    }
  }
  return out;
}

/** The cache path of a `br:` reference, relative to the cache root (`/`-separated), or why there is none. */
export function brCachePath(reference: string, aliases: ReadonlyMap<string, BrAlias>): { path: string } | { reason: string } {
  let registry: string;
  let rest: string;
  const aliased = /^br\/([^:]+):(.+)$/i.exec(reference);
  if (aliased) {
    const alias = aliases.get(aliased[1]!) ?? aliases.get(aliased[1]!.toLowerCase());
    if (!alias) return { reason: `the alias "${aliased[1]}" is not defined in a bicepconfig.json` };
    registry = alias.registry;
    rest = alias.modulePath ? `${alias.modulePath.replace(/\/+$/, '')}/${aliased[2]}` : aliased[2]!;
  } else {
    const direct = /^br:([^/]+)\/(.+)$/i.exec(reference);
    if (!direct) return { reason: 'the reference cannot be read' };
    registry = direct[1]!;
    rest = direct[2]!;
  }
  let repository: string;
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > 0) {
    repository = rest.slice(0, at);
    version = rest.slice(at + 1).replace(':', '#');
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon <= 0) return { reason: 'the reference has no tag' };
    repository = rest.slice(0, colon);
    version = encodeTag(rest.slice(colon + 1));
  }
  if (!version || !repository || /(^|\/)\.\.(\/|$)/.test(repository)) return { reason: 'the reference cannot be read' };
  return { path: ['br', registry.replace(/:/g, '$').toLowerCase(), repository.replace(/\//g, '$'), version, 'main.json'].join('/') };
}

/** `moduleAliases.br` of a parsed bicepconfig.json, over the defaults. */
export function brAliasesOf(config: unknown): Map<string, BrAlias> {
  const out = new Map(DEFAULT_BR_ALIASES);
  const br = (config as { moduleAliases?: { br?: unknown } } | null)?.moduleAliases?.br;
  if (br && typeof br === 'object') {
    for (const [name, v] of Object.entries(br as Record<string, unknown>)) {
      const a = v as { registry?: unknown; modulePath?: unknown } | null;
      if (a && typeof a.registry === 'string') out.set(name, { registry: a.registry, ...(typeof a.modulePath === 'string' ? { modulePath: a.modulePath } : {}) });
    }
  }
  return out;
}
