/**
 * The SARIF produced for every rule fixture validates against the OASIS SARIF 2.1.0 schema,
 * and is byte-identical across two runs (determinism).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { formatSarif } from '../../src/report/sarif.js';
import { FIXTURES } from '../support/fixtures.js';
import { validateSarif } from './sarif-validate.js';

const ruleDirs = fs.readdirSync(FIXTURES).filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory()).sort();

describe('SARIF for every fixture', () => {
  for (const id of ruleDirs) {
    it(`${id}: schema-valid and deterministic`, async () => {
      const dir = path.join(FIXTURES, id);
      const result = await lint({ paths: [dir], root: dir });
      const sarif = formatSarif(result);
      expect(validateSarif(JSON.parse(sarif))).toEqual([]);
      const again = formatSarif(await lint({ paths: [dir], root: dir }));
      expect(again).toBe(sarif);
    });
  }
});
