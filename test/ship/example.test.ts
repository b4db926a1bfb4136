/**
 * examples/mlops-platform: every headline rule fires at least once, and the README's table
 * lists exactly the rules the example produces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { LintResult } from '../../src/engine/result.js';
import { EXAMPLE } from './helpers.js';

const HEADLINE = ['AML001', 'AML002', 'KV001', 'GPU001', 'AKS001', 'TAG002', 'TF001', 'TF002', 'CI001', 'CI002', 'K8S001'];
const EXPECTED = [...HEADLINE, 'CI005', 'GPU002', 'GPU004'].sort();

describe('examples/mlops-platform', () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lint({ paths: [EXAMPLE], root: EXAMPLE });
  });

  it('produces exactly the expected set of rule IDs', () => {
    expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual(EXPECTED);
  });

  it('fires every headline rule at least once, with no parse or evaluation problems', () => {
    for (const id of HEADLINE) expect(result.findings.some((f) => f.ruleId === id), id).toBe(true);
    expect(result.notifications).toEqual([]);
  });

  it('covers Terraform, compiled Bicep, Azure ML YAML, the GitHub workflow and the Kubernetes Job', () => {
    const files = new Set(result.findings.map((f) => path.relative(EXAMPLE, f.location.file).split(path.sep).join('/')));
    for (const f of ['infra/terraform/main.tf', 'infra/terraform/variables.tf', 'infra/terraform/terraform.tfstate', 'infra/bicep/main.json', '.github/workflows/deploy.yml', 'infra/aml/compute.yml', 'k8s/train-job.yaml']) {
      expect(files.has(f) || [...files].some((x) => x.startsWith(f.replace(/main\.json$/, 'main.'))), f).toBe(true);
    }
  });

  it('the README table names every rule the example produces', () => {
    const readme = fs.readFileSync(path.join(EXAMPLE, 'README.md'), 'utf8');
    const inTable = new Set([...readme.matchAll(/^\| \*\*([A-Z][A-Z0-9]*\d{3})\*\* \|/gm)].map((m) => m[1]!));
    expect([...inTable].sort()).toEqual(EXPECTED);
  });
});
