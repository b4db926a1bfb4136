/**
 * Inline deployment scripts (src/frontends/deployment-script-units.ts): the script a deployment
 * runs, and where each of its characters is written in the template, through each string
 * syntax's escapes and holes.
 */
import { describe, expect, it } from 'vitest';
import { scriptText } from '../../src/frontends/deployment-script-units.js';

/** The script of a literal that is the whole source, and the source text each character came from. */
function read(source: string, known: string | undefined): { script: string; from: string[]; exact: boolean; holes: { name: string; value?: string }[] } | undefined {
  const t = scriptText(source, 0, source.length, known);
  if (!t) return undefined;
  const m = t.mapped;
  return { script: m.value, from: [...m.starts].map((s, i) => source.slice(s, m.ends[i])), exact: m.exact, holes: t.holes.map((h) => ({ name: h.name, ...(h.value === undefined ? {} : { value: h.value }) })) };
}

describe('scriptText', () => {
  it('reads a Bicep multi-line string verbatim, after the line break that follows the opening quotes (LF or CRLF)', () => {
    for (const nl of ['\n', '\r\n']) {
      const source = `'''${nl}az x${nl}'''`;
      const r = read(source, `az x${nl}`)!;
      expect(r.exact).toBe(true);
      expect(r.from.slice(0, 4).join('')).toBe('az x');
    }
    expect(read("'''az x'''", 'az x')!.from.join('')).toBe('az x');
  });

  it("reads a one-line Bicep string through its escapes (\\', \\n, \\$, \\u{…})", () => {
    const r = read("'a\\'b\\n\\$\\u{1F600}c'", "a'b\n$\u{1F600}c")!;
    expect(r.exact).toBe(true);
    expect(r.from).toEqual(['a', "\\'", 'b', '\\n', '\\$', '\\u{1F600}', '\\u{1F600}', 'c']);
  });

  it('reads a JSON string through its escapes (\\", \\n, \\uXXXX)', () => {
    const r = read('"x=\\"kv\\"\\n\\u00e9"', 'x="kv"\né')!;
    expect(r.from).toEqual(['x', '=', '\\"', 'k', 'v', '\\"', '\\n', '\\u00e9']);
  });

  it('puts the text of a Bicep interpolation in its place when the value is known, located at the interpolation', () => {
    const r = read("'az aks nodepool add -n gpu --node-vm-size ${gpuSize} -g rg'", 'az aks nodepool add -n gpu --node-vm-size Standard_NC6 -g rg')!;
    expect(r.script).toBe('az aks nodepool add -n gpu --node-vm-size Standard_NC6 -g rg');
    expect(r.holes).toEqual([{ name: 'BICEP_gpuSize', value: 'Standard_NC6' }]);
    expect(new Set(r.from.slice(42, 54))).toEqual(new Set(['${gpuSize}']));
  });

  it('reads an interpolation not known as a variable that is not known (review 89: the whole script was dropped)', () => {
    const r = read("'az aks nodepool add --cluster-name ${clusterName} --node-vm-size Standard_NC6s_v3 ${resourceGroup().name}'", undefined)!;
    expect(r.script).toBe('az aks nodepool add --cluster-name ${BICEP_clusterName} --node-vm-size Standard_NC6s_v3 ${BICEP_EXPRESSION_1}');
    expect(r.holes.map((h) => h.name)).toEqual(['BICEP_clusterName', 'BICEP_EXPRESSION_1']);
  });

  it('reads an ARM format() and concat() with their holes; the literals through JSON and ARM escapes', () => {
    const format = read(`"[format('az keyvault create --name {0} --location ''{1}''', parameters('name'), 'westeurope')]"`, undefined)!;
    expect(format.script).toBe("az keyvault create --name ${ARM_FORMAT_ARGUMENT_0} --location '${ARM_FORMAT_ARGUMENT_1}'");
    const known = read(`"[format('az keyvault create --name {0}\\n', parameters('name'))]"`, 'az keyvault create --name kv1\n')!;
    expect(known.script).toBe('az keyvault create --name kv1\n');
    expect(known.from.slice(26, 29)).toEqual(['{0}', '{0}', '{0}']);
    expect(known.from[29]).toBe('\\n');
    const concat = read(`"[concat('az keyvault create --name ', variables('kv'), ' -g rg')]"`, undefined)!;
    expect(concat.script).toBe('az keyvault create --name ${ARM_CONCAT_ARGUMENT_2} -g rg');
  });

  it('reads a long script of many braces and holes whole (hostile input: no quadratic scan, no stack overflow)', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `echo \${X${i}}\\n`).join('');
    const source = `"[format('${lines}az acr create -n {0}', parameters('n'))]"`;
    const r = scriptText(source, 0, source.length, undefined)!;
    expect(r.holes.map((h) => h.name)).toEqual(['ARM_FORMAT_ARGUMENT_0']);
    expect(r.mapped.value.endsWith('az acr create -n ${ARM_FORMAT_ARGUMENT_0}')).toBe(true);
  });

  it('another expression: read when its value is known, every character at the string (not exact); else not read', () => {
    const source = `"[parameters('script')]"`;
    const r = read(source, 'az x')!;
    expect([r.script, r.exact, new Set(r.from).size]).toEqual(['az x', false, 1]);
    expect(read(source, undefined)).toBeUndefined();
  });
});
