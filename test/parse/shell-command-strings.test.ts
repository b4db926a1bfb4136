/**
 * The script a shell is started with (`bash -c '…'`) is read as commands of their own
 * (`shellCommandStrings`): hostile sizes must neither throw nor take long.
 */
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/source.js';
import { identityMapping } from '../../src/parse/yaml/scalar.js';
import { buildSnippet, quotedSubstitutions, shellCommandStrings } from '../../src/parse/yaml/script.js';

function strings(text: string) {
  const lineMap = new LineMap(text);
  const sn = buildSnippet({ file: 'x.sh', lineMap, mapped: identityMapping(text), language: 'shell', origin: 'run', subject: 's', attributePath: 'run', fallbackRange: lineMap.range(0, 0) });
  return sn.commands.flatMap((c) => shellCommandStrings(sn, c, lineMap));
}

describe('shellCommandStrings', () => {
  it('a string of 60,000 commands is read (no spread of its tokens: review 46 met a stack overflow)', () => {
    const [one] = strings(`bash -c '${'echo a; '.repeat(60_000)}true'\n`);
    expect(one!.filter((t) => !t.op && t.text === 'echo')).toHaveLength(60_000);
    expect(one![0]!.text).toBe('(');
    expect(one![one!.length - 1]!.text).toBe(')');
  });

  it('the words map to the file: the az word of `bash -c \'az …\'` is where it is written', () => {
    const [one] = strings("x=1\nbash -c 'az acr create -n a'\n");
    const az = one!.find((t) => t.text === 'az')!;
    expect(az.range.start).toMatchObject({ line: 2, column: 10 });
  });

  it('a string inside a string is read too (bash -c "bash -c \'…\'"), its words where they are written', () => {
    const all = strings(`bash -c "bash -c 'az acr create -n a'"\n`);
    expect(all).toHaveLength(2);
    const az = all[1]!.find((t) => t.text === 'az')!;
    expect(az.range.start).toMatchObject({ line: 1, column: 19 });
  });

  it('inside a double-quoted substitution (OUT="$(sh -c \'…\')"): read with the substitution', () => {
    const text = `OUT="$(sh -c 'az acr create -n a')"\n`;
    const lineMap = new LineMap(text);
    const sn = buildSnippet({ file: 'x.sh', lineMap, mapped: identityMapping(text), language: 'shell', origin: 'run', subject: 's', attributePath: 'run', fallbackRange: lineMap.range(0, 0) });
    const groups = sn.commands.flatMap((c) => quotedSubstitutions(sn, c, lineMap));
    const az = groups.flat().find((t) => t.text === 'az')!;
    expect(az.range.start).toMatchObject({ line: 1, column: 15 });
  });

  it('not read: a shell that is an argument, an escaped string, a quote open across lines', () => {
    expect(strings("echo bash -c 'az x'\ndocker run img sh -c 'az x'\necho exec bash -c 'az x'\nbash -c \"a\\\"b\"\nbash -c \"echo 'a\nb'; az x\"\n")).toEqual([]);
  });

  it('a comment in the string is not read (bash -c \'echo hi # az …\')', () => {
    const [one] = strings("bash -c 'echo hi # az ad sp create-for-rbac --sdk-auth'\n");
    expect(one!.map((t) => t.text)).toEqual(['(', 'echo', 'hi', ')']);
  });
});
