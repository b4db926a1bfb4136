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
    // (Parsed here, not through a unit's parse cache: the source may be another unit's, whose syntax errors are its own.)
    const text = host.readText(source);
    const bicep = text === undefined ? undefined : parseBicep(text, source);
    const given = parseJson(paramFile)?.root;
    if (!bicep || !given) return undefined;
    const declared = new Set(bicep.statements.flatMap((st) => (st.kind === 'ParamDecl' ? [st.name.name.toLowerCase()] : [])));
    return members(parametersObject(given)).map(([k]) => k).filter((k) => !declared.has(k.toLowerCase()));
  };
}
