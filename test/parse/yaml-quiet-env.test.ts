/**
 * `withYamlEnv` (issue 15): yaml's parser runs against a plain stand-in for `process.env`
 * holding only its debug switches, and the real environment is back afterwards, whatever
 * happened inside.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'yaml';
import { withYamlEnv } from '../../src/parse/yaml/quiet-env.js';

describe('withYamlEnv', () => {
  const realEnv = process.env;
  afterEach(() => {
    process.env = realEnv;
    vi.restoreAllMocks();
  });

  it('hides every other variable while the callback runs and restores the environment', () => {
    process.env.MLOPS_QUIET_ENV_PROBE = 'x';
    try {
      const seen = withYamlEnv(() => ({ probe: process.env.MLOPS_QUIET_ENV_PROBE, keys: Object.keys(process.env) }));
      expect(seen.probe).toBeUndefined();
      expect(seen.keys.every((k) => k === 'LOG_TOKENS' || k === 'LOG_STREAM')).toBe(true);
      expect(process.env).toBe(realEnv);
      expect(process.env.MLOPS_QUIET_ENV_PROBE).toBe('x');
    } finally {
      delete process.env.MLOPS_QUIET_ENV_PROBE;
    }
  });

  it('restores the environment when the callback throws', () => {
    expect(() =>
      withYamlEnv(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(realEnv);
  });

  it("keeps yaml's LOG_TOKENS switch working as set", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const tokens = (): number => withYamlEnv(() => [...new Parser().parse('a: 1\n')].length);
    expect(tokens()).toBeGreaterThan(0);
    expect(log).not.toHaveBeenCalled();
    process.env.LOG_TOKENS = '1';
    try {
      tokens();
    } finally {
      delete process.env.LOG_TOKENS;
    }
    expect(log).toHaveBeenCalled();
  });

  it('returns what the callback returns', () => {
    expect(withYamlEnv(() => 42)).toBe(42);
  });
});
