/**
 * What the ARM and the Bicep front ends must answer alike when they pair JSON parameter files
 * with templates (reviews 126–128: where they differed, a file was evaluated by both, or by
 * neither): which `.bicep` files stand in the pairing as `X.json`, which `.bicep` a template
 * candidate is linted as, and what a parameter file gives that a candidate does not declare — for
 * a file whose name says only an environment (`parameters-prod.json`: eval/arm/detect.ts
 * `environmentCandidates`, `fitting`).
 */
import path from 'node:path';
import type { Host } from '../core/host.js';
import { members, parseJsonc, type ParsedJson } from '../parse/json/index.js';
import { parseBicep } from '../parse/bicep/index.js';
import { bicepSourceCandidates, undeclaredParameters } from '../eval/arm/project.js';
import { parametersObject } from '../eval/arm/template.js';
import type { UndeclaredParameters } from '../eval/arm/detect.js';
import type { ClassifiedFile, FrontEndContext } from './types.js';

/**
 * Every `.bicep` file's stand-in `X.json` in the pairing (its source as the value), where no ARM
 * template `X.json` of the run is there: a parameter file named for it pairs with the `.bicep`.
 */
export function bicepStandIns(allFiles: readonly ClassifiedFile[]): Map<string, string> {
  const arm = new Set(allFiles.flatMap((f) => (f.kind === 'arm' ? [path.resolve(f.path)] : [])));
  const out = new Map<string, string>();
  for (const f of allFiles) {
    const t = f.path.replace(/\.bicep$/i, '.json');
    if (f.kind === 'bicep' && t !== f.path && !arm.has(path.resolve(t))) out.set(t, f.path);
  }
  return out;
}

/**
 * What a template candidate's parameters are read from when it is linted as a `.bicep`: a
 * stand-in (not an ARM template of the run, `armTemplates`) is its `.bicep`; a compiled twin the
 * Bicep front end lints in its place is that source. Undefined for an ARM template linted as itself.
 */
export function bicepSourceOf(template: string, armTemplates: ReadonlySet<string>, ctx: Pick<FrontEndContext, 'host' | 'isSuperseded'>): string | undefined {
  if (!armTemplates.has(template)) return template.replace(/\.json$/i, '.bicep');
  return ctx.isSuperseded(template) ? bicepSourceCandidates(template).find((c) => ctx.host.isFile(c)) : undefined;
}

/** A JSON file parsed through the Host without reporting its syntax errors (another unit's own); `forget`: not kept (planning). */
export function quietJson(host: Host, file: string, forget = false): ParsedJson | undefined {
  const text = host.readText(file);
  if (forget) host.forget(file);
  return text === undefined ? undefined : parseJsonc(text, file);
}

/**
 * `bicepSourceOf(template)`: the `.bicep` file a stand-in template path stands for, else
 * undefined (an ARM template, read with `parseJson`). Undefined (not known) when a file cannot be read.
 */
export function undeclaredWithStandIns(parseJson: (file: string) => ParsedJson | undefined, bicepSourceOf: (template: string) => string | undefined, host: Host): UndeclaredParameters {
  const ofJson = undeclaredParameters(parseJson);
  return (paramFile, template) => {
    const source = bicepSourceOf(template);
    if (source === undefined) return ofJson(paramFile, template);
    // (Read through the unit's Host, so its recorded reads hold the source; parsed once per text.)
    const text = host.readText(source);
    const declared = text === undefined ? undefined : declaredParams(source, text);
    const given = parseJson(paramFile)?.root;
    if (!declared || !given) return undefined;
    return members(parametersObject(given)).map(([k]) => k).filter((k) => !declared.has(k.toLowerCase()));
  };
}

/**
 * The parameters a `.bicep` text declares (lower case), by file and text: every Bicep unit of a run
 * asks about every parameter file named for an environment only, and parsing the same source again
 * for each made a run of 30 folders 15 times slower (review 127). Parsed here, not through a unit's
 * parse cache: the source may be another unit's, whose syntax errors are its own.
 */
const DECLARED = new Map<string, { text: string; declared: ReadonlySet<string> }>();
const MAX_DECLARED = 4096;
function declaredParams(source: string, text: string): ReadonlySet<string> {
  const hit = DECLARED.get(source);
  if (hit && hit.text === text) return hit.declared;
  const declared = new Set(parseBicep(text, source).statements.flatMap((st) => (st.kind === 'ParamDecl' ? [st.name.name.toLowerCase()] : [])));
  if (DECLARED.size >= MAX_DECLARED) DECLARED.clear();
  DECLARED.set(source, { text, declared });
  return declared;
}
