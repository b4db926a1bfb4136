/**
 * `FrontEnd.filesOnlyFolders` for ARM: a parameter file in a parameter folder pairs with a template
 * one folder up or in a sibling folder (`infra/parameters/x.dev.parameters.json` and
 * `infra/templates/x.json`, eval/arm/detect.ts), so a files-only run given either one walks the
 * other's folder too: the parameter folder's parent for a parameter file (its templates, and the
 * `.bicep` its values may go to), the sibling parameter folders for a template; and a parameter
 * file's `metadata.template`, wherever it points, both ways. Kept apart from
 * the ARM front end, which is imported only when a run has ARM files.
 */
import path from 'node:path';
import { PARAMETER_FOLDER } from '../core/parameter-names.js';
import { besideOwnLink, relativeLinkPath } from '../core/arm-link-path.js';
import { addCaller, isStringList, planningFact, upstreamOf } from './shared.js';
import type { FileFacts, FilesOnlyView, FrontEndContext } from './types.js';

const TEMPLATE_OR_PARAMETERS = /\.(?:jsonc?|bicep)$/i;

const inside = (dir: string, root: string): boolean => dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

export async function armPairingFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const out = new Set<string>();
  const parents = new Set<string>();
  for (const f of given) {
    if (!TEMPLATE_OR_PARAMETERS.test(f)) continue;
    const dir = path.dirname(path.resolve(f));
    const parent = path.dirname(dir);
    if (parent === dir || !inside(parent, wide.root)) continue;
    if (PARAMETER_FOLDER.test(path.basename(dir))) out.add(parent);
    else parents.add(parent);
  }
  // A template's sibling parameter folders: the parent's child folders whose name says so (one
  // listing of each parent, not a walk of the repository: a staged package.json is a .json too).
  for (const parent of parents) {
    for (const e of wide.host.list(parent) ?? []) if (e.isDirectory && PARAMETER_FOLDER.test(e.name)) out.add(e.path);
  }
  return [...out].sort();
}

/** A literal `"relativePath": "…"` in a template's text (a cheap look before the parse of `relativeLinks`). */
const RELATIVE_PATH = /"relativePath"\s*:\s*"((?:[^"\\]|\\.)*)"/gi;

/**
 * A link built on the template's own URL in a template's text (`uri(deployment().properties.templateLink.uri,
 * 'nested/x.json')`, `uri(parameters('_artifactsLocation'), concat('nested/x.json', …))`). A cheap
 * look for planning, wider than what the evaluator follows (eval/arm/own-folder-link.ts: the
 * parameter must default to that link and be given no value; the relative part may be a
 * variable's or a parameter's value): with one, every relative `.json` path the text writes.
 */
const OWN_FOLDER_LINK = /uri\(\s*(?:deployment\(\s*\)\s*\.\s*properties\s*\.\s*templateLink\s*\.\s*uri|parameters\(\s*'[^']*'\s*\))\s*,/i;
const QUOTED_JSON_PATH = /'((?:[^':?#]|'')+\.json)'|"([^":?#\\[]+\.json)"/gi;

/**
 * A parameter file's `metadata.template` (the template it is written for, a path relative to it:
 * eval/arm/detect.ts pairs them by it) in its text: a cheap look, the `metadata` object's
 * `template` string when it comes before any nested object there.
 */
const METADATA_TEMPLATE = /"metadata"\s*:\s*\{[^{}]*?"template"\s*:\s*"((?:[^"\\]|\\.)*)"/i;

/**
 * What a JSON file's text says it links: a template's `relativePath` values, decoded, and the
 * relative `.json` paths of its links built on its own URL; a parameter file's `metadata.template` ('' when none).
 */
interface LinksWritten {
  relative: string[];
  ownFolder: string[];
  template: string;
}

const isLinksWritten = (v: unknown): v is LinksWritten =>
  typeof v === 'object' && v !== null && isStringList((v as LinksWritten).relative) && isStringList((v as LinksWritten).ownFolder) && typeof (v as LinksWritten).template === 'string';

/** What a JSON file's text says it links (planning's fact about the file: from the `--cache` while it is unchanged). */
function linksWritten(ctx: Pick<FrontEndContext, 'host'> & { facts?: FileFacts | undefined }, file: string): LinksWritten | undefined {
  return planningFact(ctx, 'arm-links-4', file, isLinksWritten, (text) => {
    const out: LinksWritten = { relative: [], ownFolder: [], template: '' };
    const meta = /"template"/i.test(text) ? METADATA_TEMPLATE.exec(text) : null;
    if (meta) {
      try {
        out.template = JSON.parse(`"${meta[1]!}"`) as string;
      } catch {
        // An escape JSON refuses: the file's PARSE001 says so.
      }
    }
    // ARM property names ignore case (`"RelativePath"`), as the evaluator reads them (self-review 68).
    if (/relativepath/i.test(text)) {
      for (const m of text.matchAll(RELATIVE_PATH)) {
        try {
          out.relative.push(JSON.parse(`"${m[1]!}"`) as string);
        } catch {
          // An escape JSON refuses: the file's PARSE001 says so.
        }
      }
    }
    if (/templatelink/i.test(text) && OWN_FOLDER_LINK.test(text)) {
      out.ownFolder = [...new Set([...text.matchAll(QUOTED_JSON_PATH)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!)))];
    }
    return out;
  });
}

/**
 * The files a template may link and evaluate with its values, resolved: its `relativePath` links
 * and its links built on its own URL (planning: the linking and the linked templates are one unit).
 */
export function linkedFilesWritten(ctx: Pick<FrontEndContext, 'host'> & { facts?: FileFacts | undefined }, file: string): string[] {
  const abs = path.resolve(file);
  const written = linksWritten(ctx, file);
  const out: string[] = [];
  for (const rel of written?.relative ?? []) {
    const target = relativeLinkPath(abs, rel);
    if (target !== undefined) out.push(target);
  }
  for (const rel of written?.ownFolder ?? []) {
    const target = besideOwnLink(abs, rel);
    if (target !== undefined) out.push(target);
  }
  return out;
}

/**
 * `FrontEnd.filesOnlyFolders` for ARM, the other half: the folders of the templates that link a
 * given template by `relativePath` or a URL built on their own, directly or through other linked templates. A linked template
 * is evaluated through them with the parameters they pass, never alone with its defaults, so a
 * staged child alone would be judged by defaults no deployment uses (self-review 67). Then the
 * folders of the templates those and the given ones link, down the links: the linking and the
 * linked templates are one unit, which a files-only run reads whole (audit 54: a template linked
 * from another folder was "not an ARM template of the scanned files"). Also the folders of the
 * parameter files written for a given template (`metadata.template`), wherever they are: it is
 * evaluated with each. Lists the repository's `.json` files and reads their links (planning
 * facts) once, only when a template is given.
 */
export async function armLinkingFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const templates = given.filter((f) => wide.givenKinds.get(f) === 'arm');
  if (templates.length === 0) return [];
  const json = await wide.list((file) => /\.jsonc?$/i.test(file));
  const listed = new Set(json.map((f) => path.resolve(f)));
  const linkers = new Map<string, string[]>();
  /** The other way: each template → the scanned templates it links. */
  const links = new Map<string, string[]>();
  // The parameter files written for a given template (`metadata.template`), wherever they are: it is evaluated with each.
  const pairedFolders = new Set<string>();
  const wanted = new Set(templates.map((f) => path.resolve(f)));
  for (const f of json) {
    const from = path.resolve(f);
    for (const target of linkedFilesWritten(wide, f)) {
      if (target === from) continue;
      addCaller(linkers, target, from);
      if (listed.has(target)) addCaller(links, from, target);
    }
    const forTemplate = metadataTemplateOf(wide, f);
    if (forTemplate !== undefined && wanted.has(forTemplate)) pairedFolders.add(path.dirname(from));
  }
  const linking = upstreamOf(wanted, linkers);
  const linked = upstreamOf([...wanted, ...linking], links);
  return [...new Set([...linking, ...linked].map((f) => path.dirname(f)).concat([...pairedFolders]))].sort();
}

/** The template a parameter file names in its `metadata.template`, resolved from its folder (undefined: none). */
function metadataTemplateOf(ctx: Pick<FrontEndContext, 'host'> & { facts?: FileFacts | undefined }, file: string): string | undefined {
  const t = linksWritten(ctx, file)?.template;
  return t ? path.resolve(path.dirname(path.resolve(file)), t) : undefined;
}

/**
 * `FrontEnd.filesOnlyFolders` for ARM: the folder of the template a given parameter file names in
 * its `metadata.template` (a template in another folder: `y/p.json` written for `../x/t.json`).
 */
function metadataTemplateFolders(given: readonly string[], wide: FilesOnlyView): string[] {
  const out = new Set<string>();
  for (const f of given) {
    // (Only a parameter file: a staged plan JSON is never read whole here.)
    if (wide.givenKinds.get(f) !== 'arm-params') continue;
    const t = metadataTemplateOf(wide, f);
    if (t !== undefined && inside(path.dirname(t), wide.root)) out.add(path.dirname(t));
  }
  return [...out];
}

/** `FrontEnd.filesOnlyFolders` for ARM: the pairing folders, the linking and linked templates' and paired parameter files' folders, and given parameter files' `metadata.template` folders. */
export async function armFilesOnlyFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  return [...new Set([...(await armPairingFolders(given, wide)), ...(await armLinkingFolders(given, wide)), ...metadataTemplateFolders(given, wide)])].sort();
}
