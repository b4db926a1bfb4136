/**
 * The Host: the only module that reads the disk. Confined to the scan root (also through
 * symbolic links), regular files only, text decoded, each file read once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { createHost, decodeText } from '../../src/core/host.js';
import { lint } from '../../src/api.js';
import { MAX_TEXT_BYTES } from '../../src/core/limits.js';

function scratch(): { root: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-host-'));
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(root);
  fs.mkdirSync(outside);
  return { root, outside };
}

describe('Host', () => {
  it('signatures (--cache): taken before the first read, none when off, for a file changed just now, outside the root or not a file', async () => {
    const { root, outside } = scratch();
    const file = path.join(root, 'a.tf');
    fs.writeFileSync(file, 'x = 1\n');
    fs.writeFileSync(path.join(outside, 'o.tf'), 'y = 2\n');
    fs.symlinkSync(path.join(outside, 'o.tf'), path.join(root, 'link.tf'));
    expect(createHost(root).signature(file)).toBeUndefined(); // off
    // Written just now: within two seconds, no signature (a write in the same clock tick could keep every field).
    expect(createHost(root, { signatures: { freshMs: 2000 } }).signature(file)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const host = createHost(root, { signatures: { freshMs: 0 } });
    expect(host.knownSignature(file)).toBeUndefined();
    expect(host.readText(file)).toBe('x = 1\n');
    // Taken at the read, before it: the same all run, whatever happens to the file after.
    const sig = host.knownSignature(file);
    expect(sig).toMatch(/^\d+:\d+:6:[\d.]+:[\d.]+$/);
    fs.writeFileSync(file, 'x = 2\n');
    expect(host.signature(file)).toBe(sig);
    // The next run sees another signature for the changed file (same size, new change time).
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(createHost(root, { signatures: { freshMs: 0 } }).signature(file)).not.toBe(sig);
    expect(host.signature(path.join(root, 'link.tf'))).toBeUndefined(); // leaves the root
    expect(host.signature(path.join(outside, 'o.tf'))).toBeUndefined();
    expect(host.signature(root)).toBeUndefined(); // a folder
    expect(host.signature(path.join(root, 'missing.tf'))).toBeUndefined();
  });

  it('reads a file inside the root once, and refuses one reached through a link that leaves the root', () => {
    const { root, outside } = scratch();
    fs.writeFileSync(path.join(root, 'a.tf'), 'x = 1\n');
    fs.writeFileSync(path.join(outside, 'secret.tf'), 'y = 2\n');
    fs.symlinkSync(path.join(outside, 'secret.tf'), path.join(root, 'link.tf'));
    fs.symlinkSync(outside, path.join(root, 'linked-dir'));
    const host = createHost(root);
    expect(host.readText(path.join(root, 'a.tf'))).toBe('x = 1\n');
    fs.writeFileSync(path.join(root, 'a.tf'), 'changed\n');
    expect(host.readText(path.join(root, 'a.tf'))).toBe('x = 1\n'); // cached: one read per file
    expect(host.readText(path.join(root, 'link.tf'))).toBeUndefined();
    expect(host.problemOf(path.join(root, 'link.tf'))?.kind).toBe('outside');
    expect(host.readText(path.join(root, 'linked-dir', 'secret.tf'))).toBeUndefined();
    expect(host.list(path.join(root, 'linked-dir'))).toBeUndefined();
    expect(host.readText(path.join(outside, 'secret.tf'))).toBeUndefined();
    expect(host.isInside(path.join(root, 'a.tf'))).toBe(true);
    expect(host.isInside(path.join(root, '..', 'outside'))).toBe(false);
  });

  it('answers presence checks from the folder listings as the file system would, without a syscall per file (issue 15)', () => {
    const { root, outside } = scratch();
    fs.mkdirSync(path.join(root, 'mod', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'mod', 'main.tf'), 'x = 1\n');
    fs.writeFileSync(path.join(root, 'mod', 'sub', 'k.yaml'), 'a: 1\n');
    fs.writeFileSync(path.join(root, '..odd'), 'z\n');
    fs.writeFileSync(path.join(outside, 'Chart.yaml'), 'x\n');
    fs.symlinkSync(outside, path.join(root, 'mod', 'out'));
    fs.symlinkSync(path.join(root, 'mod', 'sub'), path.join(root, 'mod', 'in'));
    const probes = [
      'mod', 'mod/main.tf', 'mod/missing.tf', 'mod/sub', 'mod/sub/k.yaml', 'mod/sub/Chart.yaml', 'mod/main.tf/x',
      'mod/.terraform/modules/modules.json', 'mod/out', 'mod/out/Chart.yaml', 'mod/in', 'mod/in/k.yaml', '..odd', 'mod/sub/../main.tf', '.',
    ].map((p) => path.join(root, p));
    const answers = (h: ReturnType<typeof createHost>): unknown[] => probes.map((p) => [p, h.isInside(p), h.isFile(p), h.isDirectory(p)]);
    // A Host that never listed a folder asks the file system; one that walked the tree first must say the same.
    const fresh = answers(createHost(root));
    const walked = createHost(root);
    for (const d of ['', 'mod', 'mod/sub']) walked.list(path.join(root, d));
    const lstat = vi.spyOn(fs, 'lstatSync');
    const stat = vi.spyOn(fs, 'statSync');
    const realpath = vi.spyOn(fs, 'realpathSync');
    try {
      expect(answers(walked)).toEqual(fresh);
      // Only the links (and the folders behind them, which no listing vouches for) need the file system.
      const asked = [...lstat.mock.calls, ...stat.mock.calls, ...realpath.mock.calls].map((c) => path.relative(root, String(c[0])));
      expect(asked.filter((p) => !(p.startsWith(path.join('mod', 'out')) || p.startsWith(path.join('mod', 'in'))))).toEqual([]);
    } finally {
      lstat.mockRestore();
      stat.mockRestore();
      realpath.mockRestore();
    }
    expect(fresh).toContainEqual([path.join(root, 'mod', 'out', 'Chart.yaml'), false, false, false]);
    expect(fresh).toContainEqual([path.join(root, 'mod', 'in', 'k.yaml'), true, true, false]);
  });


  it('says what its listings decide of a path, and only that (listedPresence: the --cache carry-over asks it before the file system)', () => {
    const { root } = scratch();
    fs.mkdirSync(path.join(root, 'mod', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(root, 'unlisted'));
    fs.writeFileSync(path.join(root, 'mod', 'main.tf'), 'x = 1\n');
    fs.writeFileSync(path.join(root, 'unlisted', 'a.tf'), 'x = 1\n');
    const h = createHost(root);
    // Nothing listed yet: nothing decided.
    expect(h.listedPresence(path.join(root, 'mod', 'main.tf'))).toBeUndefined();
    for (const d of ['', 'mod']) h.list(path.join(root, d));
    const stat = vi.spyOn(fs, 'statSync');
    const exists = vi.spyOn(fs, 'existsSync');
    try {
      const table: [string, boolean | undefined][] = [
        ['mod/main.tf', true],
        ['mod/sub', true],
        ['mod/gone.tf', false],
        // Below a listed folder that has no such entry, or below a file: certainly absent.
        ['gone/x.tf', false],
        ['mod/main.tf/x', false],
        // A folder never listed (nor any listed folder without it): the file system decides.
        ['mod/sub/k.yaml', undefined],
        ['unlisted/a.tf', undefined],
      ];
      for (const [p, presence] of table) expect([p, h.listedPresence(path.join(root, p))]).toEqual([p, presence]);
      expect([...stat.mock.calls, ...exists.mock.calls]).toEqual([]);
    } finally {
      stat.mockRestore();
      exists.mockRestore();
    }
  });
  it('a peeked head that is the whole file is the text of the next readText of it, without a second read', () => {
    const { root } = scratch();
    const small = path.join(root, 'small.json');
    const big = path.join(root, 'big.json');
    fs.writeFileSync(small, '\ufeff{"a": 1}\n');
    fs.writeFileSync(big, `{"b": "${'x'.repeat(100)}"}\n`);
    const host = createHost(root);
    host.list(root);
    expect(host.readHead(small, 64)?.toString('utf8')).toBe('\ufeff{"a": 1}\n');
    const reads = vi.spyOn(fs, 'readFileSync');
    try {
      expect(host.readText(small)).toBe('{"a": 1}\n'); // decoded as a read would (BOM dropped)
      expect(reads).not.toHaveBeenCalled();
      expect(host.readHead(big, 64)?.length).toBe(64); // not the whole file: read again
      expect(host.readText(big)).toBe(`{"b": "${'x'.repeat(100)}"}\n`);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
    // Peeks share one scratch buffer: each caller still gets bytes of its own.
    const first = host.readHead(small, 64);
    const second = host.readHead(big, 64);
    expect(first?.toString('utf8')).toBe('\ufeff{"a": 1}\n');
    expect(second?.toString('utf8')).toBe(`{"b": "${'x'.repeat(57)}`);
    expect(host.readHead(big, 100_000)?.length).toBe(110); // larger than the scratch buffer
  });

  it('a file refused by one readBytes cap (Bicep loadFileAsBase64) is still read as text, with or without set-aside texts', () => {
    const { root } = scratch();
    const file = path.join(root, 'azuredeploy.json');
    fs.writeFileSync(file, `{"pad": "${'x'.repeat(200)}"}\n`);
    for (const options of [{}, { setAsideChars: 1_000_000 }]) {
      const host = createHost(root, options);
      // Planning reads it (an ARM template is classified from its whole text) and lets it go.
      expect(host.readText(file)).toContain('"pad"');
      host.forget(file);
      host.planned(new Set());
      // A Bicep unit loads it with a cap it exceeds: that read is refused, and says why...
      expect(host.readBytes(file, 100)).toBeUndefined();
      expect(host.problemOf(file)?.message).toBe('the file is larger than 100 bytes');
      // ...but the template's own unit still reads its text: the cap was that read's.
      expect(host.readText(file), JSON.stringify(options)).toContain('"pad"');
    }
  });

  it('sets aside what planning forgets, within the bound, for one later read; keeps a kept text for the run (issue 15)', () => {
    const { root } = scratch();
    const file = (n: string): string => path.join(root, n);
    for (const [n, t] of [['a.tf', 'a = 1\n'], ['b.tf', 'b = 22222222\n'], ['c.tf', 'c = 3\n'], ['p.json', '{}\n']]) fs.writeFileSync(file(n!), t!);
    const host = createHost(root, { setAsideChars: 16 });
    const read = vi.spyOn(fs, 'readFileSync');
    // Planning: a and c fit the 16 characters, b (13) does not once a (6) is set aside.
    for (const n of ['a.tf', 'b.tf', 'c.tf']) {
      host.readText(file(n));
      host.forget(file(n));
    }
    expect(host.texts().size).toBe(0); // set aside, not in the unit's texts
    host.planned(new Set([file('a.tf'), file('b.tf')])); // c is no unit's file: its text goes
    for (const n of ['a.tf', 'b.tf', 'c.tf', 'p.json']) fs.writeFileSync(file(n), 'changed\n');
    read.mockClear();
    expect(host.readText(file('a.tf'))).toBe('a = 1\n'); // from planning, not opened again
    expect(read).not.toHaveBeenCalled();
    expect(host.texts().get(file('a.tf'))).toBe('a = 1\n'); // a unit's code frames see what it read
    expect(host.readText(file('b.tf'))).toBe('changed\n');
    expect(host.readText(file('c.tf'))).toBe('changed\n');
    // Taken back once: after the unit releases it, the next read opens the file.
    host.forget(file('a.tf'));
    expect(host.readText(file('a.tf'))).toBe('changed\n');
    // A kept text outlives forget: read once for every unit.
    host.keep(file('p.json'));
    expect(host.readText(file('p.json'))).toBe('changed\n');
    fs.writeFileSync(file('p.json'), '{"again": 1}\n');
    host.forget(file('p.json'));
    expect(host.readText(file('p.json'))).toBe('changed\n');
    read.mockRestore();
    // Without the option nothing is set aside or kept.
    const plain = createHost(root);
    plain.keep(file('p.json'));
    plain.readText(file('p.json'));
    plain.forget(file('p.json'));
    fs.writeFileSync(file('p.json'), '[]\n');
    expect(plain.readText(file('p.json'))).toBe('[]\n');
  });

  it('a link inside the root to a file inside the root is read', () => {
    const { root } = scratch();
    fs.writeFileSync(path.join(root, 'a.tf'), 'x = 1\n');
    fs.symlinkSync(path.join(root, 'a.tf'), path.join(root, 'b.tf'));
    expect(createHost(root).readText(path.join(root, 'b.tf'))).toBe('x = 1\n');
  });

  it.skipIf(process.platform === 'win32')('never opens a FIFO (it would block forever)', () => {
    const { root } = scratch();
    execFileSync('mkfifo', [path.join(root, 'x.tf')]);
    const host = createHost(root);
    expect(host.readText(path.join(root, 'x.tf'))).toBeUndefined();
    expect(host.problemOf(path.join(root, 'x.tf'))?.kind).toBe('not-regular');
    expect(host.list(root)?.find((e) => e.name === 'x.tf')?.isFile).toBe(false);
  });

  it('refuses binary files, drops a UTF-8 BOM and decodes UTF-16 with a BOM', () => {
    const { root } = scratch();
    fs.writeFileSync(path.join(root, 'bin.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    const host = createHost(root);
    expect(host.readText(path.join(root, 'bin.json'))).toBeUndefined();
    expect(host.problemOf(path.join(root, 'bin.json'))?.kind).toBe('binary');
    expect(decodeText(Buffer.from('\uFEFFabc', 'utf8'))).toBe('abc');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a=1', 'utf16le')]))).toBe('a=1');
  });

  it('streams UTF-16 with a BOM (LE and BE) as decodeText reads it whole, a character split between reads held back', () => {
    const { root } = scratch();
    const text = '{"a": "b\u00e9\u{1F600}c"}\r\n\uFEFF';
    const files: [string, Buffer][] = [
      ['le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['utf8.json', Buffer.from(`\uFEFF${text}`, 'utf8')],
    ];
    const host = createHost(root);
    for (const [name, bytes] of files) {
      fs.writeFileSync(path.join(root, name), bytes);
      expect(decodeText(bytes)).toBe(text);
      // Odd chunk sizes split the BOM, code units and the surrogate pair.
      for (const size of [1, 3, 5, 64]) expect([...{ [Symbol.iterator]: () => host.readChunks(path.join(root, name), size)! }].join(''), `${name} ${size}`).toBe(text);
    }
  });

  it('a text file beyond the size cap is PARSE001 (too large), and the other files are still linted', async () => {
    const { root } = scratch();
    const line = 'az acr create -n x -g rg --sku Basic --admin-enabled true\n';
    fs.writeFileSync(path.join(root, 'huge.sh'), line.repeat(Math.ceil((MAX_TEXT_BYTES + 1) / line.length)));
    fs.writeFileSync(path.join(root, 'small.sh'), line);
    const r = await lint({ paths: [root], root, noConfig: true });
    expect(r.findings.map((f) => [f.ruleId, path.basename(f.location.file), f.location.range.start.line])).toEqual([
      ['PARSE001', 'huge.sh', 1],
      ['ACR001', 'small.sh', 1],
    ]);
    expect(r.findings[0]!.message).toMatch(/^The file is 8\.0 MB, more than the 8 MB mlops-iac-lint reads; split it, or leave it out of the scan with --ignore-pattern\.$/);
  });

  it('a Terraform module folder linked from outside the root is not read (no finding from outside)', async () => {
    const { root, outside } = scratch();
    fs.writeFileSync(path.join(outside, 'main.tf'), 'resource "azurerm_container_registry" "acr" {\n  admin_enabled = true\n}\n');
    fs.mkdirSync(path.join(root, 'env'));
    fs.writeFileSync(path.join(root, 'env', 'main.tf'), 'module "acr" {\n  source = "../modules/acr"\n}\n');
    fs.mkdirSync(path.join(root, 'modules'));
    fs.symlinkSync(outside, path.join(root, 'modules', 'acr'));
    const r = await lint({ paths: [path.join(root, 'env')], root, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'ACR001')).toEqual([]);
    for (const f of r.findings) expect(f.location.file.startsWith(root)).toBe(true);
  });
});
