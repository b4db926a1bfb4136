/**
 * How CI files join into units (src/frontends/ci-references.ts `unitsByScriptReference`): a file
 * and the scripts it names, the local actions and reusable workflows it `uses: ./…`, the pipeline
 * templates it includes, transitively; every other file alone. Units keep the files' order.
 */
import { describe, expect, it } from 'vitest';
import { unitsByScriptReference, type CiReferences } from '../../src/frontends/ci-references.js';

/** The units of `files` (paths) when each file references `refs[path]`, as lists of paths. */
function units(files: string[], refs: Record<string, Partial<CiReferences>>): string[][] {
  return unitsByScriptReference(
    files.map((path) => ({ path })),
    (f) => ({ scripts: refs[f]?.scripts ?? [], uses: refs[f]?.uses ?? [] }),
  ).map((u) => u.map((f) => f.path));
}

describe('unitsByScriptReference: `uses: ./…` joins the file it names', () => {
  const action = '/r/.github/actions/setup/action.yml';
  const actionYaml = '/r/.github/actions/other/action.yaml';
  const reusable = '/r/.github/workflows/reusable.yml';
  const lookalike = '/r/x.github/actions/setup/action.yml';
  const ci = '/r/.github/workflows/ci.yml';
  const files = [action, actionYaml, ci, lookalike, reusable];

  it.each([
    ['a composite action (its action.yml)', '.github/actions/setup', [[action, ci], [actionYaml], [lookalike], [reusable]]],
    ['a composite action (its action.yaml)', '.github/actions/other', [[action], [actionYaml, ci], [lookalike], [reusable]]],
    ['a reusable workflow (its file)', '.github/workflows/reusable.yml', [[action], [actionYaml], [ci, reusable], [lookalike]]],
    ['a path that ends no file at a folder boundary', 'github/actions/setup', [[action], [actionYaml], [ci], [lookalike], [reusable]]],
    ['the action beside .github (`uses: ./`)', '.', [[action], [actionYaml], [ci], [lookalike], [reusable]]],
    ['a wildcard', '.github/actions/*', [[action, actionYaml, ci], [lookalike], [reusable]]],
  ])('%s', (_what, use, want) => {
    expect(units(files, { [ci]: { uses: [use] } })).toEqual(want);
  });

  it('`uses: ./` joins the action.yml beside the caller\'s .github/', () => {
    const root = '/r/action.yml';
    expect(units([root, ci, reusable], { [ci]: { uses: ['.'] } })).toEqual([[root, ci], [reusable]]);
  });

  it('joins transitively, in the files\' order, whichever file is named first', () => {
    const script = '/r/scripts/deploy.sh';
    expect(units([script, action, ci, reusable], { [reusable]: { uses: ['.github/actions/setup'] }, [action]: { scripts: ['deploy.sh'] }, [ci]: { uses: ['.github/workflows/reusable.yml'] } })).toEqual([[script, action, ci, reusable]]);
  });

  it('many files naming the same action make one unit (a tree of 2,000 workflows)', () => {
    const workflows = Array.from({ length: 2000 }, (_, i) => `/r/w${i}/.github/workflows/ci.yml`);
    const refs = Object.fromEntries(workflows.map((w) => [w, { uses: ['.github/actions/setup'] }]));
    const got = units([action, ...workflows], refs);
    expect(got).toHaveLength(1);
    expect(got[0]).toEqual([action, ...workflows]);
  });
});
