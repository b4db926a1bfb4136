/**
 * EVAL002 (RULES.md "Parse and evaluation problems"): a module call whose body no front end
 * read — a Terraform registry/Git module without a `terraform init` copy, a Bicep `br:`/`ts:`
 * module without a compiled twin. One wording for both formats; `api.ts` keeps one note per
 * call and lists it under `--verbose`.
 */
import path from 'node:path';
import type { Host } from '../core/host.js';
import { manifestFile } from '../eval/terraform/manifest.js';
import { withoutInstanceKeys } from '../model/address.js';
import { isVendoredFile, type OpaqueModuleCall, type VendoredOrigin } from '../model/resource.js';
import type { Problem } from './types.js';

/**
 * The module manifest of a root module folder (`--tf-data-dir` honoured), for the static run
 * and the plan mapping alike. Not a scanned file (discovery skips `.terraform/`): read through
 * the Host, so a manifest outside the scan root or behind a symbolic link is not read.
 */
export function readModuleManifest(host: Host, rootDir: string, tfDataDir: string | undefined): { file: string; text: string } | undefined {
  const file = manifestFile(rootDir, tfDataDir);
  if (!host.isFile(file)) return undefined;
  const text = host.readText(file);
  return text === undefined ? undefined : { file, text };
}

/** The EVAL002 problem of one call (every variant and caller repeats it; api.ts keeps one). */
export function remoteModuleProblem(m: OpaqueModuleCall): Problem {
  const address = withoutInstanceKeys(m.address);
  const name = m.name;
  return {
    ruleId: 'EVAL002',
    message: `Module "${name}" ("${m.source}") is not evaluated, so the resources it creates are not checked: ${m.reason}.`,
    location: m.sourceAt,
    address,
  };
}

/**
 * A linked template whose relative path names a file beside the template that links it: the copy
 * Azure is given (the quickstart layout's `_artifactsLocation`), linted on its own, so not opaque.
 */
export function hasLocalCopy(host: Host, m: OpaqueModuleCall): boolean {
  return localCopyOf(host, m) !== undefined;
}

/** The first of an ARM link's relative paths that names a file beside its template, as written (`nested/x.json`). */
export function localCopyOf(host: Host, m: OpaqueModuleCall): string | undefined {
  const dir = path.dirname(m.sourceAt.file);
  return (m.linkedPaths ?? []).find((p) => {
    const f = path.resolve(dir, p);
    return host.isInside(f) && host.isFile(f);
  });
}

/**
 * Problems met in a registry module copy (a syntax error in a downloaded `.tf`) are reported
 * at the user's call into it: no finding names a path under `.terraform/` (issue 14, item 1).
 */
export function outOfModuleCopies(problems: Problem[], resources: readonly { vendored?: VendoredOrigin }[]): void {
  const copies = new Map<string, VendoredOrigin>();
  for (const r of resources) if (r.vendored) copies.set(r.vendored.dirs.join('\u0000'), r.vendored);
  if (!copies.size) return;
  for (const p of problems) {
    const file = p.location.file;
    const into = [...copies.values()].find((v) => v.dirs.some((d) => file.startsWith(d + path.sep))) ?? [...copies.values()].find((v) => isVendoredFile(file, v));
    if (into) p.location = into.call;
  }
}
