/**
 * The Azure ML quickstarts: evaluation resolves the workspace → key vault / registry /
 * storage links of the graph (issue #3 real-world check). The two end-to-end-secure
 * quickstarts pass these ids between nested deployments through `reference(...).outputs`,
 * which the evaluator does not fold yet: their links stay unresolved (never wrong).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/parse/json/index.js';
import { evaluateArmTemplate } from '../../src/eval/arm/template.js';
import { buildGraph } from '../../src/engine/graph.js';
import { armRefKeys, fromArm } from '../../src/model/from-arm.js';
import type { Evaluation } from '../../src/model/resource.js';
import { CORPUS } from '../support/fixtures.js';

const QS = path.join(CORPUS, 'Azure__azure-quickstart-templates/quickstarts/microsoft.machinelearningservices');
const present = fs.existsSync(QS);
if (!present) console.warn('!!! ../shared/corpus is absent: quickstart tests are SKIPPED');

function graphOf(dir: string) {
  const file = path.join(QS, dir, 'azuredeploy.json');
  const parsed = parseJsonc(fs.readFileSync(file, 'utf8'), file);
  const result = evaluateArmTemplate({ file, parsed });
  const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: file, inputs: result.inputs };
  return buildGraph(result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, evaluation)), evaluation, armRefKeys);
}

describe.skipIf(!present)('Azure ML quickstarts', () => {
  const dirs = present ? fs.readdirSync(QS).filter((d) => fs.existsSync(path.join(QS, d, 'azuredeploy.json'))).sort() : [];

  it('has the 38 quickstarts', () => {
    expect(fs.readdirSync(QS).length).toBeGreaterThanOrEqual(38);
  });

  it.each(['machine-learning-workspace', 'machine-learning-workspace-vnet', 'machine-learning-workspace-cmk', 'machine-learning-private-ip', 'machine-learning-dataset-create-workspace-multiple-dataset-datastore'])(
    '%s: workspace links to its key vault, registry and storage',
    (dir) => {
      const g = graphOf(dir);
      const ws = g.ofKind('ml.workspace');
      expect(ws.length).toBeGreaterThanOrEqual(1);
      const w = ws[0]!;
      expect(g.target(w, 'keyVault')?.kind).toBe('keyvault');
      expect(g.target(w, 'storage')?.kind).toBe('storage');
      if (w.refs.has('containerRegistry')) expect(g.target(w, 'containerRegistry')?.kind).toBe('acr');
    },
  );

  it('counts resolved links over all quickstarts', () => {
    let workspaces = 0;
    let kv = 0;
    for (const d of dirs) {
      const g = graphOf(d);
      for (const w of g.ofKind('ml.workspace')) {
        workspaces++;
        if (g.target(w, 'keyVault')) kv++;
      }
    }
    console.log(`quickstarts: ${workspaces} workspaces, ${kv} with their key vault resolved in the template`);
    expect(workspaces).toBeGreaterThanOrEqual(8);
    expect(kv).toBeGreaterThanOrEqual(6);
  });
});
