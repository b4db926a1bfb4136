/**
 * The CLI's small parts that need a terminal or a clock: the colour decision and the
 * progress line (a fake stream and a fake clock), and argument parsing of the new flags.
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { shouldColor } from '../src/cli/color.js';
import { Progress } from '../src/cli/progress.js';

describe('shouldColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('follows flag, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(shouldColor(undefined, {}, tty)).toBe(true);
    expect(shouldColor(undefined, {}, pipe)).toBe(false);
    expect(shouldColor(undefined, { TERM: 'dumb' }, tty)).toBe(false);
    expect(shouldColor(undefined, { NO_COLOR: '1' }, tty)).toBe(false);
    expect(shouldColor(undefined, { NO_COLOR: '' }, tty)).toBe(true); // empty NO_COLOR is unset (no-color.org)
    expect(shouldColor(undefined, { FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(shouldColor(undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, pipe)).toBe(true);
    expect(shouldColor(undefined, { FORCE_COLOR: '0' }, tty)).toBe(false);
    expect(shouldColor(undefined, { FORCE_COLOR: 'FALSE' }, tty)).toBe(false);
    expect(shouldColor(false, { FORCE_COLOR: '1' }, tty)).toBe(false);
    expect(shouldColor(true, { NO_COLOR: '1' }, pipe)).toBe(true);
  });
});

describe('Progress', () => {
  function setup(isTTY: boolean, columns?: number) {
    let now = 0;
    const writes: string[] = [];
    const stream = { isTTY, columns, write: (s: string) => writes.push(s) };
    const p = new Progress(stream, { now: () => now });
    return { p, writes, tick: (ms: number) => (now += ms) };
  }

  it('says nothing during the first second', () => {
    const { p, writes, tick } = setup(true);
    p.update('reading files', 1, 10);
    tick(999);
    p.update('reading files', 2, 10);
    p.done();
    expect(writes).toEqual([]);
  });

  it('then draws one line in place, at most every 100 ms, and erases it at the end', () => {
    const { p, writes, tick } = setup(true);
    tick(1000);
    p.update('reading files', 3, 10);
    tick(50);
    p.update('reading files', 4, 10); // too soon: skipped
    tick(50);
    p.update('evaluating', 0, 0);
    p.done();
    p.done(); // erasing twice writes nothing more
    expect(writes).toEqual([
      '\rmlops-iac-lint: reading files 3/10 (1.0 s)\u001b[K',
      '\rmlops-iac-lint: evaluating (1.1 s)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('never writes to a stream that is not a terminal', () => {
    const { p, writes, tick } = setup(false);
    tick(5000);
    p.update('parsing', 1, 2);
    p.done();
    expect(writes).toEqual([]);
  });

  it('fits the line into the terminal width', () => {
    const { p, writes, tick } = setup(true, 20);
    tick(2000);
    p.update('reading files', 12345, 67890);
    expect(writes[0]).toBe('\rmlops-iac-lint: rea\u001b[K');
  });
});

describe('parseCli: the ESLint-style flags', () => {
  it('has defaults that change nothing', () => {
    const o = parseCli(['infra']);
    expect(o).toMatchObject({ quiet: false, maxWarnings: undefined, color: undefined, gitignore: true, ignorePatterns: [] });
  });
  it('reads each flag', () => {
    const o = parseCli(['--quiet', '--max-warnings', '3', '--no-gitignore', '--ignore-pattern', 'a/', '--ignore-pattern', '*.tfvars', '--format', 'compact']);
    expect(o).toMatchObject({ quiet: true, maxWarnings: 3, gitignore: false, ignorePatterns: ['a/', '*.tfvars'], format: 'compact' });
    expect(parseCli(['--max-warnings=0']).maxWarnings).toBe(0);
    expect(parseCli(['--max-warnings=-1']).maxWarnings).toBeUndefined();
    expect(parseCli(['--color']).color).toBe(true);
    expect(parseCli(['--no-color']).color).toBe(false);
    expect(parseCli(['--no-color', '--color']).color).toBe(true);
  });
  it('lists compact among the formats in its error', () => {
    expect(() => parseCli(['--format', 'xml'])).toThrow('--format must be one of stylish, compact, json, sarif, github, markdown (got "xml")');
  });
});

describe('parseCli: an empty value names nothing (an unset variable), a usage error', () => {
  it.each([
    [['--config', ''], '--config takes a file, not an empty value'],
    [['--baseline', ''], '--baseline takes a file, not an empty value'],
    [['--var-file', 'a.tfvars', '--var-file', ''], '--var-file takes a file, not an empty value'],
    [['--tf-data-dir', ''], '--tf-data-dir takes a folder, not an empty value'],
    [['infra', ''], 'a path to lint is empty (an unset variable?); name a file or folder'],
  ])('%j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe('parseCli: registry module flags (issue 14)', () => {
  it('--tf-data-dir and --bicep-cache are off unless given', () => {
    expect(parseCli(['infra'])).toMatchObject({ tfDataDir: undefined, bicepCache: undefined });
    expect(parseCli(['--tf-data-dir', '.tfdata', '--bicep-cache', '/home/u/.bicep', 'infra'])).toMatchObject({ tfDataDir: '.tfdata', bicepCache: '/home/u/.bicep', paths: ['infra'] });
  });
});
