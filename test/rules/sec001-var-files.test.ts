/**
 * SEC001 reads var-file values from the scan (`ScannedFile.varValues`, read by lint() through
 * the same gate as every other file), never from the disk itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleById } from '../../rules/index.js';
import { fromJS } from '../../src/core/value.js';
import { fileStart } from '../../src/core/source.js';
import type { ReportDescriptor, ScannedFile } from '../../src/engine/types.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-sec-varfile-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const SECRET = { client_secret: 'Sup3r-S3cret-Value!' };

async function fileHookReports(file: ScannedFile): Promise<ReportDescriptor[]> {
  const rule = ruleById('SEC001')!;
  const out: ReportDescriptor[] = [];
  rule.create({ options: {}, fact: () => { throw new Error('not used'); }, undecided: () => undefined, undecidedAbout: () => undefined, relativePath: (f) => f, repositoryPath: (f) => f, repositoryNames: () => [], scan: { gpuNodePools: () => [] }, today: '2026-06-01', report: (r) => out.push(r) }).file!(file);
  return out;
}

describe('SEC001 var files', () => {
  it('reports a secret in a .tfvars.json that no module reads (lint)', async () => {
    const root = path.join(base, 'lint');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'secrets.auto.tfvars.json'), JSON.stringify(SECRET));
    const result = await lint({ paths: [root], root, rules: ['SEC001'] });
    expect(result.findings.map((f) => f.message)).toEqual([
      '"client_secret" in secrets.auto.tfvars.json holds a literal secret (value not shown); remove it from the file, rotate the secret and pass it at deploy time from Key Vault or a secure parameter.',
    ]);
  });

  it('reads the values the scan passes, not the file on disk', async () => {
    const onDisk = path.join(base, 'on-disk.auto.tfvars.json');
    fs.writeFileSync(onDisk, JSON.stringify(SECRET));
    // The file exists but the scan passed no values (it could not read it): nothing to report.
    expect(await fileHookReports({ path: onDisk, kind: 'tfvars-json' })).toEqual([]);
    // The file does not exist, the scan passed its values: reported at the value's origin.
    const gone = path.join(base, 'gone.auto.tfvars.json');
    const reports = await fileHookReports({ path: gone, kind: 'tfvars-json', varValues: new Map([['client_secret', fromJS(SECRET.client_secret, fileStart(gone))]]) });
    expect(reports.map((r) => [r.messageId, r.location?.file])).toEqual([['varFile', gone]]);
  });
});
