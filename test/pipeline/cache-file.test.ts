/**
 * The `--cache` file itself (pipeline/cache.ts): lines of JSON after a head that holds the
 * checksum of the rest. A file whose bytes are not those written is ignored with one warning; a
 * part read only when used (an entry's result) that turns out malformed is said when used, and
 * nothing more of the file is used; what a run did not ask for is written back as it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileText, inspectCacheFile, UnitCache } from '../../src/pipeline/cache.js';
import { createHost } from '../../src/core/host.js';
import { summarizeScan } from '../../src/engine/scan.js';
import type { UnitResult } from '../../src/pipeline/unit.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-cache-file-');
const VERSION = 'v1';

function result(message: string): UnitResult {
  const finding = { ruleId: 'KV001', level: 'error', messageId: 'm', message, location: { file: '/x/main.tf', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } } };
  return { findings: [finding] as unknown as UnitResult['findings'], problems: [], undecided: [], directives: [], supProblems: [], evidence: {}, frames: {}, readProblems: [], skipped: [], evaluatedElsewhere: [], summary: summarizeScan([]) };
}

/** A cache file holding the results of units `a` and `b` (keys `ka`, `kb`; no reads: they always hold), and the warnings of opening it again. */
function cacheWithTwo(): { file: string; root: string; warnings: string[]; reopen: () => UnitCache } {
  const root = fs.realpathSync(tempDir());
  const file = path.join(root, 'cache');
  const warnings: string[] = [];
  const first = UnitCache.open(file, VERSION, (m) => warnings.push(m));
  first.set('ka', 'a', [], result('of a — “quoted”'));
  first.set('kb', 'b', [], result('of b'));
  first.save({ plannedUnits: new Set(['a', 'b']) });
  expect(warnings).toEqual([]);
  return { file, root, warnings, reopen: () => UnitCache.open(file, VERSION, (m) => warnings.push(m)) };
}

const lines = (file: string): string[] => fs.readFileSync(file, 'latin1').split('\n');

describe('the --cache file', () => {
  it('is a head, the table of reads, a line per entry and a line per file record, all ASCII', () => {
    const { file } = cacheWithTwo();
    const bytes = fs.readFileSync(file);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const [head, deps, ...rest] = lines(file);
    expect(JSON.parse(head!)).toEqual({ tool: 'mlops-iac-lint', format: 9, version: VERSION, sha256: expect.stringMatching(/^[\w-]{43}$/) });
    expect(deps).toBe('D\t[]');
    expect(rest.map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual(['E "ka" "a" [] 0', 'E "kb" "b" [] 0', '']);
    expect(inspectCacheFile(bytes, VERSION).entries.ka!.result!.findings[0]!.message).toBe('of a — “quoted”');
  });

  it.each([
    ['a byte changed', (t: string) => t.replace('of b', 'of c')],
    ['cut short', (t: string) => t.slice(0, t.length - 20)],
    ['a line added', (t: string) => `${t}E\t"kc"\t"c"\t[]\t0\t{}\n`],
    ['trailing blank lines', (t: string) => `${t}\n\n`],
  ])('%s: does not match its checksum, and is ignored with one warning', (_what, edit) => {
    const { file, root, warnings, reopen } = cacheWithTwo();
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'latin1')), 'latin1');
    const c = reopen();
    expect(warnings).toEqual([`the cache ${file} does not match its checksum (corrupt); it is ignored and rewritten`]);
    expect(c.get('ka', 'a', createHost(root))).toBeUndefined();
  });

  it.each([
    ['not JSON', 'nonsense', 'is not valid JSON (corrupt)'],
    ["another tool's", '{"tool":"eslint"}\n', 'is not a mlops-iac-lint cache'],
    ['the one-JSON layout of format 8, of this version', JSON.stringify({ tool: 'mlops-iac-lint', format: 8, version: VERSION, deps: [], entries: {}, files: {} }), 'has a layout this version does not read'],
    ["another version's, of format 8 (an upgrade)", JSON.stringify({ tool: 'mlops-iac-lint', format: 8, version: 'v0', deps: [], entries: {}, files: {} }), undefined],
  ])('%s: ignored, with one warning unless it is an upgrade', (_what, text, why) => {
    const { file, root, warnings, reopen } = cacheWithTwo();
    fs.writeFileSync(file, text);
    expect(reopen().get('ka', 'a', createHost(root))).toBeUndefined();
    expect(warnings).toEqual(why === undefined ? [] : [`the cache ${file} ${why}; it is ignored and rewritten`]);
  });

  it('a line of the wrong shape, with its checksum: ignored with one warning when opened (entries\' reads, the table) or when used (a result)', () => {
    const { file, root, warnings, reopen } = cacheWithTwo();
    const content = inspectCacheFile(fs.readFileSync(file), VERSION);
    // A result is parsed only when a run uses it: the run that asks for `a` is told, and gets nothing from the file.
    fs.writeFileSync(file, cacheFileText(VERSION, { ...content, entries: { ...content.entries, ka: { ...content.entries.ka!, result: { findings: 'no' } } } }));
    const c = reopen();
    expect(warnings).toEqual([]);
    expect(c.get('ka', 'a', createHost(root))).toBeUndefined();
    expect(c.get('kb', 'b', createHost(root))).toBeUndefined();
    expect(warnings).toEqual([`the cache ${file} has a malformed entry (corrupt); it is ignored and rewritten`]);
    // Rewritten with what the run decided: neither entry (it asked for both, and linted neither).
    c.save({ plannedUnits: new Set(['a', 'b']) });
    expect(Object.keys(inspectCacheFile(fs.readFileSync(file), VERSION).entries)).toEqual([]);
    // An entry's reads are checked when the file is opened.
    warnings.length = 0;
    fs.writeFileSync(file, cacheFileText(VERSION, { ...content, entries: { ...content.entries, kb: { ...content.entries.kb!, deps: [0] } } }));
    reopen();
    expect(warnings).toEqual([`the cache ${file} has a malformed entry (corrupt); it is ignored and rewritten`]);
  });

  it('writes back the lines of the entries a run did not ask for as they were read, and those it used', () => {
    const { file, root, warnings, reopen } = cacheWithTwo();
    const before = lines(file).filter((l) => l.startsWith('E\t'));
    const c = reopen();
    // `a` is used; `b` is neither planned nor asked for (another staged file's unit): carried over.
    expect(c.get('ka', 'a', createHost(root))!.findings[0]!.message).toBe('of a — “quoted”');
    c.set('kc', 'c', [], result('of c'));
    c.save({ plannedUnits: new Set(['a', 'c']) });
    const after = lines(file).filter((l) => l.startsWith('E\t'));
    // (This run's entries first, in the order it met them, then those carried over.)
    expect(after).toEqual([before[0], expect.stringMatching(/^E\t"kc"\t"c"\t\[\]\t0\t/), before[1]]);
    expect(warnings).toEqual([]);
    expect(inspectCacheFile(fs.readFileSync(file), VERSION).entries.kc!.result!.findings[0]!.message).toBe('of c');
  });
});
