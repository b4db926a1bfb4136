/**
 * The words an Azure Pipelines task's arguments input passes its script file
 * (src/eval/azcli/task-arguments.ts): each task's splitting, what is not read, and where each
 * word is placed.
 */
import { describe, expect, it } from 'vitest';
import { str, unknown, type Value } from '../../src/core/value.js';
import type { Location } from '../../src/core/source.js';
import { MAX_ARGUMENT_CHARS, passedArguments, type PassedArguments } from '../../src/eval/azcli/task-arguments.js';
import type { ArgumentSyntax } from '../../src/parse/yaml/pipeline-tasks.js';

const AT: Location = { file: '/p/azure-pipelines.yml', range: { start: { line: 5, column: 16, offset: 100 }, end: { line: 5, column: 16, offset: 100 } } };
const VARIABLE: Location = { file: '/p/azure-pipelines.yml', range: { start: { line: 2, column: 12, offset: 20 }, end: { line: 2, column: 24, offset: 32 } } };

/** Macros: `size` is a known variable written at VARIABLE, `env` holds two words, anything else is not set. */
function reference(macro: string | undefined, expression: string | undefined): Value {
  if (macro === 'size') return str('Standard_NC6', VARIABLE);
  if (macro === 'env') return str('prod eastus');
  if (expression?.trim() === 'parameters.rg') return str('rg-ml');
  return unknown(`${macro ?? expression} is not set`);
}

function read(text: string, syntax: ArgumentSyntax, verbatim = true): PassedArguments {
  const at: Location = { ...AT, range: { start: AT.range.start, end: { ...AT.range.start, column: AT.range.start.column + text.length, offset: AT.range.start.offset + text.length } } };
  return passedArguments(text, at, verbatim, syntax, reference);
}
const texts = (p: PassedArguments): (string | undefined)[] => p.words.map((w) => (w.kind === 'string' ? w.value : undefined));

describe('task arguments', () => {
  it.each<[string, ArgumentSyntax, (string | undefined)[], number | undefined]>([
    // task-lib: double quotes group, single quotes are characters, spaces split.
    ['prod "rg ml"  x', 'task-lib', ['prod', 'rg ml', 'x'], undefined],
    ["'dev' a", 'task-lib', ["'dev'", 'a'], undefined],
    ['"a\\"b" c', 'task-lib', ['a"b', 'c'], undefined],
    // An empty "" word and a backslash pair: task-lib versions differ, so not read from there.
    ['a "" b', 'task-lib', ['a'], 1],
    ['a "x\\\\y"', 'task-lib', ['a'], 1],
    // A macro's value is text: split where it has a space.
    ['$(env) $(size)', 'task-lib', ['prod', 'eastus', 'Standard_NC6'], undefined],
    ['${{ parameters.rg }}', 'task-lib', ['rg-ml'], undefined],
    // An unknown macro: its word and every later one are unknown.
    ['a $(nope) b', 'task-lib', ['a'], 1],
    // bash: quotes of both kinds, but any expansion or operator stops the reading.
    ["'kv two' \"x y\" z", 'shell', ['kv two', 'x y', 'z'], undefined],
    ['a $HOME b', 'shell', ['a'], 1],
    ['a; rm x', 'shell', [], 0],
    ['a "$x"', 'shell', ['a'], 1],
    // PowerShell: '' in single quotes is a quote; $ and @ are not read; "" in double quotes is not read.
    ["-Name 'it''s' -Size:x", 'powershell', ['-Name', "it's", '-Size:x'], undefined],
    ['-Name @args', 'powershell', ['-Name'], 1],
    ['-Name "a""b"', 'powershell', ['-Name'], 1],
    // An unclosed ${{ is plain text (one pass, not a scan to the end from each).
    ['a${{b c', 'shell', [], 0],
    ['a${{b c', 'task-lib', ['a${{b', 'c'], undefined],
  ])('%j (%s)', (text, syntax, words, unknownFrom) => {
    const p = read(text, syntax);
    expect(texts(p)).toEqual(words);
    expect(p.unknownFrom?.index).toBe(unknownFrom);
  });

  it('places a word written in the input exactly, a macro alone at its variable, a mixed one at the input', () => {
    const p = read('gpu $(size) x$(size)', 'task-lib');
    expect(p.words.map((w) => w.origin?.range.start.column)).toEqual([16, 12, 16]);
    expect(p.words[0]!.origin!.range.end.column).toBe(19);
    // A word's tail: `-Size:$(size)`'s value is the variable's; `-Size:'x'`'s starts after the quote.
    const q = read("-Size:$(size) -Size:'Standard_NC6'", 'powershell');
    expect(q.tail!(0, 6).origin).toEqual(VARIABLE);
    expect(q.tail!(1, 6).origin!.range.start.column).toBe(16 + "-Size:$(size) -Size:'".length);
    expect(q.quoteStart).toEqual([undefined, 6]);
  });

  it('reads no further than MAX_ARGUMENT_CHARS with macros put in', () => {
    const big = (macro: string | undefined): Value => (macro === 'big' ? str('x'.repeat(MAX_ARGUMENT_CHARS / 10)) : unknown('no'));
    const p = passedArguments('$(big) '.repeat(20), AT, false, 'task-lib', big);
    expect(p.words).toEqual([]);
    expect(p.unknownFrom?.reason).toContain('longer than 100,000 characters');
  });
});
