/**
 * What a JSON parameter file gives that its candidate template does not declare, for the
 * pairing of a file whose name says only an environment (`parameters-prod.json`: eval/arm/detect.ts
 * `environmentFileTemplate`), when the candidate may be a `.bicep` file's stand-in `X.json`:
 * both the ARM front end (its `--verbose` list of files that pair with no template) and the
 * Bicep front end (the files it evaluates a `.bicep` with) must answer alike (review 126).
 */
import type { Host } from '../core/host.js';
import { members, type ParsedJson } from '../parse/json/index.js';
import { parseBicep } from '../parse/bicep/index.js';
import { undeclaredParameters } from '../eval/arm/project.js';
import { parametersObject } from '../eval/arm/template.js';
import type { UndeclaredParameters } from '../eval/arm/detect.js';

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
