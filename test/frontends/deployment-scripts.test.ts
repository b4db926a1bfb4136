/**
 * Inline deployment scripts (src/frontends/deployment-scripts.ts): where each character of a
 * script is written in its template, through each string syntax's escapes.
 */
import { describe, expect, it } from 'vitest';
import { literalMapping } from '../../src/frontends/deployment-script-units.js';

/** The source text each character of the mapped value came from (the literal is the whole source). */
function sources(source: string, value: string): string[] {
  const m = literalMapping(source, 0, source.length, value);
  return [...m.starts].map((s, i) => source.slice(s, m.ends[i]));
}

describe('literalMapping', () => {
  it("maps a Bicep multi-line string verbatim, after the line break that follows the opening quotes (LF or CRLF)", () => {
    for (const nl of ['\n', '\r\n']) {
      const source = `'''${nl}az x${nl}'''`;
      const m = literalMapping(source, 0, source.length, `az x${nl}`);
      expect(m.exact).toBe(true);
      expect(source.slice(m.starts[0]!, m.ends[3]!)).toBe('az x');
    }
    const inline = "'''az x'''";
    expect(literalMapping(inline, 0, inline.length, 'az x').starts[0]).toBe(3);
  });

  it("maps a one-line Bicep string through its escapes (\\', \\n, \\$, \\u{…})", () => {
    const source = "'a\\'b\\n\\$\\u{1F600}c'";
    const value = "a'b\n$\u{1F600}c";
    const m = literalMapping(source, 0, source.length, value);
    expect(m.exact).toBe(true);
    expect(sources(source, value)).toEqual(['a', "\\'", 'b', '\\n', '\\$', '\\u{1F600}', '\\u{1F600}', 'c']);
  });

  it('maps a JSON string through its escapes (\\", \\n, \\uXXXX)', () => {
    const source = '"x=\\"kv\\"\\n\\u00e9"';
    const value = 'x="kv"\né';
    const m = literalMapping(source, 0, source.length, value);
    expect(m.exact).toBe(true);
    expect(sources(source, value)).toEqual(['x', '=', '\\"', 'k', 'v', '\\"', '\\n', '\\u00e9']);
  });

  it('points every character at the literal when it does not spell the value (an interpolation, an ARM expression)', () => {
    for (const [source, value] of [
      ["'az x --name ${name}'", 'az x --name kv1'],
      ['"[format(\'az x --name {0}\', parameters(\'n\'))]"', 'az x --name kv1'],
    ] as const) {
      const m = literalMapping(source, 0, source.length, value);
      expect(m.exact).toBe(false);
      expect(new Set(m.starts)).toEqual(new Set([0]));
    }
  });
});
