/**
 * The whole corpus through lint(): no crash, PARSE001 only where the files really are
 * broken (the 2 .tf files HashiCorp's parser also rejects and the 10 invalid YAML files),
 * none on the 433 ARM templates and parameter files. Prints per-rule counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { CORPUS } from '../support/fixtures.js';
import { expectCorpusSnapshot } from '../support/corpus-snapshot.js';

const present = fs.existsSync(CORPUS);
if (!present) console.warn('!!! ../shared/corpus is absent: corpus tests are SKIPPED');

const EXPECTED_PARSE_ERRORS = [
  'Azure__actions-workflow-samples/Database/PostgreSQL-on-Azure.yml',
  'Azure__caf-terraform-landingzones/caf_solution/add-ons/azure_devops/scenario/200-contoso_demo/pipeline/rover.yaml',
  'Azure__caf-terraform-landingzones/caf_solution/add-ons/azure_devops_v1/scenario/200-contoso_demo/pipeline/rover.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/bootstrap.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/end-to-end-deploy.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/generate-configuration-files.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/generate-definition-files.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/level0-credentials.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/rover.yaml',
  'Azure__mlops-project-template/nlp/aml-cli-v2/mlops/github-actions/deploy-model-training-pipeline.yml',
  'Azure__terraform-azurerm-aks/unit-test-fixture/locals.tf',
  'Azure__terraform-azurerm-aks/unit-test-fixture/variables.tf',
].sort();

describe.skipIf(!present)('corpus', () => {
  it('lints every file without a crash; PARSE001 only on the broken files', async () => {
    const result = await lint({ paths: [CORPUS], root: CORPUS });
    const parseFiles = [...new Set(result.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => path.relative(CORPUS, f.location.file).split(path.sep).join('/')))].sort();
    expect(parseFiles).toEqual(EXPECTED_PARSE_ERRORS);
    // One PARSE001 per broken file, and the tf ones at line 1 (as HashiCorp's parser).
    expect(result.findings.filter((f) => f.ruleId === 'PARSE001')).toHaveLength(EXPECTED_PARSE_ERRORS.length);
    for (const f of result.findings.filter((x) => x.ruleId === 'PARSE001' && x.location.file.endsWith('.tf'))) expect(f.location.range.start.line).toBe(1);
    const counts: Record<string, number> = {};
    for (const f of result.findings) counts[`${f.ruleId} ${f.level}`] = (counts[`${f.ruleId} ${f.level}`] ?? 0) + 1;
    // Per-rule counts against the committed snapshot: a change shows as a diff of these lines.
    await expectCorpusSnapshot('findings-per-rule', { files: result.files.length, findings: counts });
    // Every finding has an exact, 1-based location in a scanned file.
    for (const f of result.findings) {
      expect(f.location.range.start.line).toBeGreaterThanOrEqual(1);
      expect(f.location.range.start.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('ARM templates and parameter files: no PARSE001 at all', async () => {
    const result = await lint({ paths: [CORPUS], root: CORPUS, families: ['arm'] });
    expect(result.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
    expect(result.files.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(433);
  });
});
