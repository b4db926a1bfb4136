/** src/core/jit.ts: which V8 flags a long run sets (the measurements are in the module's comment). */
import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { jitFlagsFor, SHORT_RUN_JIT_FLAGS, tuneJitForLongRun } from '../../src/core/jit.js';

describe('jitFlagsFor', () => {
  it('sets the measured flags on V8 11.3 (Node 20)', () => {
    expect(jitFlagsFor('11.3.244.8-node.33', [])).toEqual(['--no-turbo-inlining', '--interrupt-budget=400000']);
    expect(SHORT_RUN_JIT_FLAGS).toEqual(['--no-turbo-inlining', '--interrupt-budget=400000']);
  });

  it.each([
    ['Node 22 (V8 12.4, with Maglev)', '12.4.254.21-node.33'],
    ['Node 24 (V8 13.6)', '13.6.233.10-node.18'],
    ['an older line', '10.2.154.26-node.26'],
    ['a version that only begins alike', '11.30.1'],
  ])('leaves V8 alone on %s', (_what, version) => {
    expect(jitFlagsFor(version, [])).toEqual([]);
  });

  it.each([
    ['--turbo-inlining', ['--interrupt-budget=400000']],
    ['--no-turbo-inlining', ['--interrupt-budget=400000']],
    ['--turbo_inlining', ['--interrupt-budget=400000']],
    ['--interrupt-budget=100000', ['--no-turbo-inlining']],
    ['--interrupt_budget=100000', ['--no-turbo-inlining']],
    ['--max-old-space-size=4096', ['--no-turbo-inlining', '--interrupt-budget=400000']],
  ])('never overrides a flag the user gave node: %s', (given, expected) => {
    expect(jitFlagsFor('11.3.244.8-node.33', ['', given, 'foo.js'])).toEqual(expected);
  });
});

describe('tuneJitForLongRun', () => {
  it('sets the flags on a Node 20 older than 20.16 too (no process.getBuiltinModule; package.json engines: >=20)', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    const proc = process as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      tuneJitForLongRun();
      expect(set.mock.calls.map((c) => c[0])).toEqual(jitFlagsFor(process.versions.v8, process.execArgv));
    } finally {
      proc.getBuiltinModule = saved;
      set.mockRestore();
    }
  });
});
