/**
 * Validates a SARIF document against the OASIS SARIF 2.1.0 JSON Schema. The schema is
 * vendored in test/support/ (a copy of ../shared/schemas/sarif-schema-2.1.0.json, which a
 * test keeps identical), so SARIF is validated in a fresh clone too. Reusable by any test:
 *
 *     import { validateSarif } from '../report/sarif-validate.js';
 *     expect(validateSarif(JSON.parse(output))).toEqual([]);
 *
 * The shared schema is draft-04 (`"id"`, `$schema` draft-04), which Ajv 8 does not
 * support; its keywords used here are the same in draft-07, so it is compiled as a
 * draft-07 schema with `id` renamed `$id` (the schema uses no boolean `exclusiveMinimum`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

export const SARIF_SCHEMA_PATH = fileURLToPath(new URL('../support/sarif-schema-2.1.0.json', import.meta.url));
export const SHARED_SARIF_SCHEMA_PATH = fileURLToPath(new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url));

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  const draft07: SchemaObject = { $schema: 'http://json-schema.org/draft-07/schema#', $id: id as string, ...rest };
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  validator = ajv.compile(draft07);
  return validator;
}

/** Schema errors of a SARIF document (`[]` when valid), as "instancePath: message" strings. */
export function validateSarif(doc: unknown): string[] {
  const validate = compile();
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
  );
}
