/** src/pipeline/memory.ts: collections between units, on every Node 20 (package.json engines: >=20). */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { betweenUnits, shareMemory } from '../../src/pipeline/memory.js';

describe('betweenUnits', () => {
  it('looks at the heap and collects on a Node 20 older than 20.16 too (no process.getBuiltinModule)', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    const proc = process as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      // A share so small that the first look collects.
      shareMemory(1_000_000_000);
      for (let i = 0; i < 40; i++) betweenUnits();
      expect(set).toHaveBeenCalledWith('--expose-gc');
      // The host's flags are its own again: a context made now has no gc (unless node was run with --expose-gc).
      expect(set.mock.calls.at(-1)).toEqual(['--no-expose-gc']);
      if (typeof (globalThis as { gc?: unknown }).gc !== 'function') expect(vm.runInNewContext('typeof gc')).toBe('undefined');
    } finally {
      proc.getBuiltinModule = saved;
      set.mockRestore();
    }
  });
});
