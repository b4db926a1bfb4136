/** Shared helpers for the Bicep parser tests. */
import { expect } from 'vitest';
import type { Range } from '../../src/core/source.js';
import { parseBicep, parseBicepParam } from '../../src/parse/bicep/index.js';
import type { BicepFile, BicepNode, BicepParamFile } from '../../src/parse/bicep/index.js';

export function parse(src: string): BicepFile {
  return parseBicep(src, '/virtual/main.bicep');
}

/** Parses and asserts there are no syntax errors. */
export function ok(src: string): BicepFile {
  const r = parse(src);
  expect(r.errors.map((e) => `${at(e.range)} ${e.message}`)).toEqual([]);
  return r;
}

export function okParams(src: string): BicepParamFile {
  const r = parseBicepParam(src, '/virtual/main.bicepparam');
  expect(r.errors.map((e) => `${at(e.range)} ${e.message}`)).toEqual([]);
  return r;
}

/** `line:column` of a range start. */
export function at(r: Range): string {
  return `${r.start.line}:${r.start.column}`;
}

/** `line:column-line:column`. */
export function span(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

/** Errors as `line:col CODE` (CODE `-` when there is none). */
export function errors(src: string): string[] {
  return parse(src).errors.map((e) => `${at(e.range)} ${e.code ?? '-'}`);
}

/** Asserts the node kind and narrows its type. */
export function as<K extends BicepNode['kind']>(n: unknown, kind: K): Extract<BicepNode, { kind: K }> {
  expect((n as { kind?: string } | undefined)?.kind).toBe(kind);
  return n as Extract<BicepNode, { kind: K }>;
}

/** The value of property `key` in an object expression. */
export function prop(obj: unknown, key: string): BicepNode {
  const o = as(obj, 'Object');
  const m = o.members.find((x) => x.kind === 'ObjectProperty' && x.keyName === key);
  expect(m, `property ${key}`).toBeDefined();
  return (m as Extract<BicepNode, { kind: 'ObjectProperty' }>).value;
}
