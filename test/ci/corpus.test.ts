/**
 * Every workflow, pipeline and script of ../shared/corpus parses and runs all five CI rules
 * without a throw; YAML errors appear only on the files that are not valid YAML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiKind } from '../../src/parse/yaml/ci.js';
import { CI_RULES, CORPUS, HAVE_CORPUS, buildCiModel, corpusCiFiles, runRule } from './helpers.js';

const RULES = CI_RULES;

/** The corpus YAML files that are not valid YAML: Jinja/cookiecutter templates and broken files. */
const INVALID_YAML: string[] = [
  // broken indentation
  'Azure__actions-workflow-samples/Database/PostgreSQL-on-Azure.yml',
  'Azure__caf-terraform-landingzones/caf_solution/add-ons/azure_devops/scenario/200-contoso_demo/pipeline/rover.yaml',
  'Azure__caf-terraform-landingzones/caf_solution/add-ons/azure_devops_v1/scenario/200-contoso_demo/pipeline/rover.yaml',
  'Azure__mlops-project-template/nlp/aml-cli-v2/mlops/github-actions/deploy-model-training-pipeline.yml',
  // Jinja templates ({% … %})
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/bootstrap.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/end-to-end-deploy.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/generate-configuration-files.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/generate-definition-files.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/level0-credentials.yaml',
  'Azure__caf-terraform-landingzones/templates/pipelines/.github/workflows/rover.yaml',
];

if (!HAVE_CORPUS) console.warn(`CI corpus test SKIPPED: ${CORPUS}/INDEX.tsv not found`);

describe.skipIf(!HAVE_CORPUS)('CI corpus', () => {
  test('parses and lints every CI file', () => {
    const rows = corpusCiFiles();
    expect(rows.length).toBeGreaterThan(200);
    const withErrors: string[] = [];
    const counts: Record<string, number> = {};
    const findings: string[] = [];
    const inexact: string[] = [];
    const mismatches: string[] = [];
    let scripts = 0;
    let words = 0;
    const unowned: string[] = [];
    const wordMismatches: string[] = [];
    for (const [path, indexKind] of rows) {
      const text = readFileSync(join(CORPUS, path), 'utf8');
      const rel = path.slice(path.indexOf('/') + 1);
      const kind: CiKind = classifyCiFile(rel, text) ?? indexKind;
      const doc = parseCiDocument(join(CORPUS, path), text, kind);
      if (doc.errors.length) withErrors.push(path);
      // the script mapping is exact, and every one-to-one character maps onto itself in the file
      for (const sn of doc.scripts) {
        if (!sn.exact) inexact.push(`${path} ${sn.subject}`);
        for (let i = 0; i < sn.value.length; i++) {
          const ch = sn.value[i]!;
          if (ch === ' ' || ch === '\n' || sn.ends[i]! - sn.starts[i]! !== 1) continue;
          if (text[sn.starts[i]!] !== ch) {
            mismatches.push(`${path} ${sn.subject} value[${i}]`);
            break;
          }
        }
      }
      scripts += doc.scripts.length;
      const model = buildCiModel(doc);
      // the CI model: every script of a workflow or pipeline belongs to exactly one step,
      // steps have distinct addresses, and a word's own slice is its range
      if (kind !== 'script') {
        const owned = model.steps.flatMap((st) => st.scripts);
        if (owned.length !== model.scripts.length || new Set(owned).size !== owned.length) unowned.push(path);
      }
      if (new Set(model.steps.map((st) => st.subject)).size !== model.steps.length) unowned.push(`${path} (duplicate step address)`);
      for (const sn of model.scripts)
        for (const c of sn.commands)
          for (const w of c.argv) if (JSON.stringify(w.rangeOf(0, w.raw.length)) !== JSON.stringify(w.range)) wordMismatches.push(`${path} ${w.raw}`);
      words += model.scripts.reduce((n, sn) => n + sn.commands.reduce((k, c) => k + c.argv.length, 0), 0);
      for (const rule of RULES) {
        const reports = runRule(rule, model, CORPUS);
        counts[rule.meta.id] = (counts[rule.meta.id] ?? 0) + reports.length;
        for (const r of reports)
          findings.push(`${rule.meta.id} ${r.level} ${path}:${r.location.range.start.line}:${r.location.range.start.column} ${r.message}`);
      }
    }
    console.log(`CI corpus: ${rows.length} files, ${scripts} script snippets, ${words} words; findings per rule: ${JSON.stringify(counts)}`);
    console.log(findings.join('\n'));
    console.log(`files with YAML errors:\n${withErrors.join('\n')}`);
    expect(withErrors.sort()).toEqual([...INVALID_YAML].sort());
    expect(mismatches).toEqual([]);
    expect(unowned).toEqual([]);
    expect(wordMismatches).toEqual([]);
    expect(words).toBeGreaterThan(10_000);
    expect(inexact).toEqual([]);
    expect(scripts).toBeGreaterThan(500);
    // verified by reading the files (see the report): one finding of each kind
    expect(findings).toContain(
      'CI001 note ' + 'Azure__actions-workflow-samples/ARM/SubscriptionScope-ARM-Deployment.yml:18:111 ' +
        'A commented-out `az ad sp create-for-rbac --sdk-auth` would mint a long-lived client secret as JSON; delete it and use OIDC federated credentials with azure/login (client-id, tenant-id, subscription-id).',
    );
    expect(findings.some((f) => f.startsWith('CI002 error Azure__data-landing-zone/.github/workflows/dataLandingZoneDeployment.yml:38:11 '))).toBe(true);
    expect(findings.some((f) => f.startsWith('CI004 warning Azure__actions-workflow-samples/AzureCLI/Az-cli-Provision-Webapp.yml:22:13 '))).toBe(true);
    // issue 11 (RULES.md v2), items 9–12: the cases the hand audit named
    const has = (prefix: string): boolean => findings.some((f) => f.startsWith(prefix));
    expect(has('CI002 error Azure__aml-workspace/.github/workflows/integration.yml:18:11 ')).toBe(true); // `uses: ./`
    expect(has('CI002 error Azure__actions-workflow-samples/Database/SQL-on-Azure.yml:11:9 ')).toBe(true); // azure/actions/login@v1
    expect(has('CI004 warning Azure-Samples__mlops-enterprise-template/.github/workflows/deploy_model.yml:36:15 ')).toBe(true); // @user/branch
    expect(has('CI005 warning Azure__mlops-templates/templates/infra/run-terraform-apply.yml:9:17 ')).toBe(true); // TerraformTaskV2 apply
    expect(has('CI001 note Azure__actions-workflow-samples/Kubernetes/build-and-deploy-docker-image-aks-using-manifests.yml:8:73 ')).toBe(true); // header comment
    // one finding per reusable workflow and ref per file (lines 30 and 43 call the same one)
    expect(has('CI004 warning Azure__mlops-project-template/cv/aml-cli-v2/mlops/github-actions/deploy-model-training-pipeline.yml:30:11 ')).toBe(true);
    expect(has('CI004 warning Azure__mlops-project-template/cv/aml-cli-v2/mlops/github-actions/deploy-model-training-pipeline.yml:43:11 ')).toBe(false);
  });
});
