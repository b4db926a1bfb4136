/**
 * The module manifest `terraform init` writes (`.terraform/modules/modules.json`, or
 * `$TF_DATA_DIR/modules/modules.json`): where each remote module call of a root module was
 * downloaded to (FORMATS.md §6; hashicorp/terraform internal/modsdir/manifest.go).
 *
 *   {"Modules":[{"Key":"kv","Source":"registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm",
 *                "Version":"0.10.1","Dir":".terraform/modules/kv"}, …]}
 *
 * `Key` is the module call path joined with `.` (one record per call, not per instance);
 * `Dir` is relative to the root module's folder. A record is used only while it still
 * matches the call: same source (the `registry.terraform.io/` prefix normalised away, the
 * trap of fugue/regula#354) and a version the call's constraint admits. A stale record
 * (a `version` bumped after `init`) is no copy at all: the call stays unevaluated.
 */
import path from 'node:path';
import { isPlain } from './paths.js';
import { isWithin } from '../../core/paths.js';

export interface ManifestRecord {
  key: string;
  source: string;
  version?: string;
  /** Absolute folder of the downloaded module. */
  dir: string;
}

export interface ModuleManifest {
  /** The manifest file (absolute). */
  file: string;
  records: Map<string, ManifestRecord>;
  /** Why the file is no manifest (not JSON, no `Modules` list): then no call has a copy, and EVAL002 says why. */
  unreadable?: string;
}

/** Parses a manifest's text; one that is not a manifest has no records (then no call has a copy) and says why. */
export function parseManifest(file: string, text: string, rootDir: string): ModuleManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { file, records: new Map(), unreadable: 'it is not valid JSON' };
  }
  const modules = (json as { Modules?: unknown } | null)?.Modules;
  if (!Array.isArray(modules)) return { file, records: new Map(), unreadable: 'it has no "Modules" list' };
  const records = new Map<string, ManifestRecord>();
  for (const m of modules as Record<string, unknown>[]) {
    if (typeof m !== 'object' || m === null) continue;
    const { Key: key, Source: source, Version: version, Dir: dir } = m;
    if (typeof key !== 'string' || key === '' || typeof source !== 'string' || typeof dir !== 'string') continue;
    // `Dir` uses forward slashes on every platform; an absolute Dir is kept as written
    // (the Host still refuses anything outside the scan root).
    const abs = path.resolve(rootDir, dir.split('/').join(path.sep));
    records.set(key, { key, source, ...(typeof version === 'string' && version !== '' ? { version } : {}), dir: abs });
  }
  return { file, records };
}

/**
 * A source address as compared with the manifest: registry addresses lose the default host
 * `registry.terraform.io/` and compare case-insensitively (registry namespaces and names are
 * case-insensitive); other addresses (Git, HTTP, S3, …) compare as written.
 */
export function normalizeModuleSource(source: string): string {
  const s = source.trim();
  if (s.includes('::') || s.includes('://')) return s;
  return s.replace(/^registry\.terraform\.io\//i, '').toLowerCase();
}

/** `./x` and `../x`: a local module, never in the manifest's care. */
export function isLocalModuleSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

export type RemoteResolution =
  | { kind: 'copy'; record: ManifestRecord }
  | { kind: 'none'; reason: string };

/** `--tf-data-dir` as given, for a root module: whether its manifest would lie outside the scan root. */
export interface DataDirPlace {
  tfDataDir: string;
  outsideRoot: boolean;
}

/** Where `--tf-data-dir` puts a root module's manifest (`rootDir` undefined: not known), or undefined without the flag. */
export function dataDirPlace(root: string, rootDir: string | undefined, tfDataDir: string | undefined): DataDirPlace | undefined {
  if (tfDataDir === undefined) return undefined;
  return { tfDataDir, outsideRoot: rootDir !== undefined && !isWithin(root, manifestFile(rootDir, tfDataDir)) };
}

/** Whether the manifest's record for `key` is a copy of this call (`source`, `version` as written). */
export function resolveRemoteCall(manifest: ModuleManifest | undefined, key: string, source: string, version: string | undefined, dataDir?: DataDirPlace): RemoteResolution {
  // With --tf-data-dir the user named the folder: say that one, not the default.
  const tfDataDir = dataDir?.tfDataDir;
  const init = tfDataDir === undefined ? 'run `terraform init` before linting (or pass --tf-data-dir when TF_DATA_DIR is set)' : `run \`terraform init\` with TF_DATA_DIR=${tfDataDir} before linting`;
  const manifestPath = tfDataDir === undefined ? '.terraform/modules/modules.json' : path.posix.join(tfDataDir.replace(/\\/g, '/'), 'modules/modules.json');
  // A folder that leads out of the scan root, where nothing is read (self-review 72: the message told to run an init that was run).
  const outside = dataDir?.outsideRoot ? ' (a manifest outside the scan root is never read)' : '';
  if (!manifest) return { kind: 'none', reason: `no module manifest (${manifestPath})${outside}: ${init}` };
  if (manifest.unreadable) return { kind: 'none', reason: `the module manifest (${manifestPath}) cannot be read: ${manifest.unreadable} (run \`terraform init\` again)` };
  const record = manifest.records.get(key);
  if (!record) return { kind: 'none', reason: `the module manifest has no entry "${key}": ${init}` };
  if (normalizeModuleSource(record.source) !== normalizeModuleSource(source))
    return { kind: 'none', reason: `the module manifest's copy is of "${record.source}", not this source (stale: run \`terraform init\` again)` };
  if (version !== undefined) {
    if (record.version === undefined) return { kind: 'none', reason: `the module manifest's copy has no version, but the call asks for "${version}" (stale: run \`terraform init\` again)` };
    const ok = versionSatisfies(record.version, version);
    if (ok !== true)
      return {
        kind: 'none',
        reason: ok === false
          ? `the module manifest's copy is version ${record.version}, which "${version}" does not admit (stale: run \`terraform init\` again)`
          : `the version constraint "${version}" cannot be read, so the copy (version ${record.version}) may be stale`,
      };
  }
  return { kind: 'copy', record };
}

/** Where `terraform init` wrote the manifest of a root module: `<root>/.terraform/modules/modules.json`, or under a relocated `TF_DATA_DIR` (relative to the root module). */
export function manifestFile(rootDir: string, tfDataDir?: string): string {
  // The usual case (asked for every module folder) without path.resolve's re-normalizing.
  if (tfDataDir === undefined && isPlain(rootDir)) return `${rootDir}/.terraform/modules/modules.json`;
  return path.join(path.resolve(rootDir, tfDataDir ?? '.terraform'), 'modules', 'modules.json');
}

/**
 * The folder to read for a remote call (`key`, `source`/`version` as written), or why there
 * is none: the manifest's record when it matches the call and its folder is inside the scan
 * root. One rule for the static run and the plan mapping.
 */
export function remoteCopyDir(
  manifest: ModuleManifest | undefined,
  key: string,
  source: string,
  version: string | undefined,
  insideRoot: (dir: string) => boolean,
  root: string,
  dataDir?: DataDirPlace,
): { dir: string; version?: string } | { reason: string } {
  const r = resolveRemoteCall(manifest, key, source, version, dataDir);
  if (r.kind === 'none') return { reason: r.reason };
  if (!insideRoot(r.record.dir)) {
    // Named from the scan root (never a path of this machine). A folder below the root that the
    // Host does not take is missing (a partial cache) or a link out of the root.
    const shown = path.relative(root, r.record.dir).split(path.sep).join('/');
    return {
      reason: isWithin(root, r.record.dir)
        ? `the module manifest's copy (${shown}) is missing or leads out of the scanned folder (run \`terraform init\` again)`
        : `the module manifest's copy (${shown}) is outside the scanned folder`,
    };
  }
  return { dir: r.record.dir, ...(r.record.version ? { version: r.record.version } : {}) };
}

type Version = number[];

function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(s.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Terraform version constraints (https://developer.hashicorp.com/terraform/language/expressions/version-constraints):
 * comma-separated `=`, `!=`, `>`, `>=`, `<`, `<=`, `~>` (pessimistic: `~> 1.2.3` admits
 * `>= 1.2.3, < 1.3.0`; `~> 1.2` admits `>= 1.2, < 2.0`) or a bare version (`=`). Undefined
 * when a part cannot be read.
 */
export function versionSatisfies(version: string, constraint: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  for (const part of constraint.split(',')) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(part);
    if (!m) return undefined;
    const op = m[1] ?? '=';
    const target = parseVersion(m[2]!);
    if (!target) return undefined;
    const c = compare(v, target);
    let ok: boolean;
    switch (op) {
      case '=': ok = c === 0; break;
      case '!=': ok = c !== 0; break;
      case '>': ok = c > 0; break;
      case '>=': ok = c >= 0; break;
      case '<': ok = c < 0; break;
      case '<=': ok = c <= 0; break;
      default: {
        // `~>`: the last written segment may grow; the ones before it are fixed.
        const segments = m[2]!.replace(/^v/, '').split(/[-+]/)[0]!.split('.').length;
        const upper: Version = segments <= 1 ? [Infinity, 0, 0] : segments === 2 ? [target[0]! + 1, 0, 0] : [target[0]!, target[1]! + 1, 0];
        ok = c >= 0 && compare(v, upper) < 0;
      }
    }
    if (!ok) return false;
  }
  return true;
}
