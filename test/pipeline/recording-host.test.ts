/** src/pipeline/recording-host.ts: a unit's recorded reads hold exactly while the files give the same answers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../src/core/host.js';
import { depsHold, recordingHost } from '../../src/pipeline/recording-host.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a capped readBytes (Bicep loadFileAsBase64)', () => {
  it('holds while the file is unchanged, refused or read, and not once it changes', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-rec-'));
    dirs.push(root);
    const big = path.join(root, 'big.json');
    const small = path.join(root, 'small.bin');
    fs.writeFileSync(big, 'x'.repeat(500));
    fs.writeFileSync(small, 'abc');
    const recorder = recordingHost(createHost(root));
    recorder.begin();
    expect(recorder.host.readBytes(big, 100)).toBeUndefined(); // over the cap: refused
    expect(recorder.host.readBytes(small, 100)?.toString()).toBe('abc');
    const { deps } = recorder.end();
    // The next run's check: nothing changed, so the unit's cached result holds (it was
    // re-linted on every run: the check read without the cap and found bytes where the
    // unit had found a refusal).
    expect(depsHold(createHost(root), deps)).toBe(true);
    fs.writeFileSync(big, 'x'.repeat(50)); // now under the cap: the unit would read it
    expect(depsHold(createHost(root), deps)).toBe(false);
    fs.writeFileSync(big, 'x'.repeat(500));
    fs.writeFileSync(small, 'abd');
    expect(depsHold(createHost(root), deps)).toBe(false);
    fs.writeFileSync(small, 'x'.repeat(200)); // over the cap now
    expect(depsHold(createHost(root), deps)).toBe(false);
  });

  it('an answer in the earlier form (no cap) never holds: the unit is linted again', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-rec-'));
    dirs.push(root);
    const missing = path.join(root, 'absent.bin');
    expect(depsHold(createHost(root), [['bytes', missing, '']])).toBe(false);
  });
});

describe('listNames: a unit that looks for one kind of file in a folder (self-review 78)', () => {
  it('holds while the matching names are the same, whatever else the folder gains (the --cache file beside a kustomization)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-rec-'));
    dirs.push(root);
    fs.writeFileSync(path.join(root, 'kustomization.yaml'), 'resources: []\n');
    const recorder = recordingHost(createHost(root));
    recorder.begin();
    expect(recorder.host.listNames!(root, /kustomization.*\.ya?ml$/i)).toEqual(['kustomization.yaml']);
    const { deps } = recorder.end();
    expect(deps.map((d) => d[0])).toEqual(['names']);
    fs.writeFileSync(path.join(root, '.mlops-iac-lint-cache'), '{}');
    expect(depsHold(createHost(root), deps)).toBe(true);
    fs.writeFileSync(path.join(root, 'kustomization-prod.yaml'), 'resources: []\n');
    expect(depsHold(createHost(root), deps)).toBe(false);
  });
});
