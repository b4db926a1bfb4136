/**
 * The `k8s` front end: what it takes (manifests with apiVersion + kind, YAML and JSON), what it
 * leaves to others (workflows, pipelines, Azure ML YAML, ARM), what it skips on purpose (Helm
 * templates, Kustomize inputs) and how it reads pod templates (kinds, positions).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { k8sByName } from '../../src/frontends/names.js';
import { looksLikeManifest } from '../../src/frontends/k8s-classify.js';
import { parseYamlFile } from '../../src/parse/yaml/document.js';
import { readPodTemplates } from '../../src/eval/k8s/read.js';
import { selectorAdmits, taintVerdict } from '../../src/model/k8s.js';
import { tolerates } from '../../src/model/facts/k8s.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-fe-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const GPU_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      containers:
        - name: train
          image: trainer
          resources:
            limits:
              nvidia.com/gpu: 1
`;

describe('classification', () => {
  it('asks for a peek only at YAML and JSON', () => {
    expect(k8sByName('main.tf')).toBeUndefined();
    expect(k8sByName('deploy.sh')).toBeUndefined();
    expect(k8sByName('x.tfvars.json')).toBeUndefined();
    expect(k8sByName('job.yaml')).toBe('peek');
    expect(k8sByName('job.json')).toBe('peek');
  });

  it('takes top-level apiVersion + kind only', () => {
    expect(looksLikeManifest('a.yaml', GPU_JOB)).toBe(true);
    expect(looksLikeManifest('a.yaml', '---\n# comment\napiVersion: v1\nkind: List\nitems: []\n')).toBe(true);
    // Azure ML CLI v2 YAML: $schema and type, no apiVersion/kind.
    expect(looksLikeManifest('job.yml', '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ntype: command\ncompute: azureml:gpu-cluster\n')).toBe(false);
    // A manifest inside a workflow's run block is indented: not a top-level key.
    expect(looksLikeManifest('ci.yml', 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          apiVersion: v1\n          kind: Pod\n')).toBe(false);
    // YAML's other ways of writing a top-level key: a flow mapping (`kubectl get -o json > x.yaml`),
    // quoted keys, a document indented as a whole under its `---`.
    expect(looksLikeManifest('a.yaml', '{"apiVersion": "v1", "kind": "Pod", "spec": {}}\n')).toBe(true);
    expect(looksLikeManifest('a.yaml', '# pod\n{apiVersion: v1, kind: Pod}\n')).toBe(true);
    expect(looksLikeManifest('a.yaml', '"apiVersion": v1\n\'kind\': Pod\n')).toBe(true);
    expect(looksLikeManifest('a.yaml', 'a: 1\n---\n  apiVersion: v1\n  kind: Pod\n')).toBe(true);
    // …but not a nested pair, or a flow mapping that only holds one inside.
    expect(looksLikeManifest('a.yaml', 'chart:\n  apiVersion: v1\n  kind: Pod\n')).toBe(false);
    expect(looksLikeManifest('a.yaml', '{"x": "apiVersion kind"}\n')).toBe(false);
    expect(looksLikeManifest('a.json', '{"apiVersion": "v1", "kind": "Pod", "spec": {}}')).toBe(true);
    expect(looksLikeManifest('a.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "apiVersion": "x", "kind": "y"}')).toBe(false);
  });

  it('leaves workflows and Azure Pipelines to the CI front end, AML YAML to nobody', async () => {
    const root = tree({
      '.github/workflows/train.yml': 'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n',
      'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - script: kubectl apply -f k8s/job.yaml\n',
      'pipelines/deploy.yml': 'stages:\n  - stage: deploy\n    jobs:\n      - job: apply\n        steps:\n          - task: Kubernetes@1\n            inputs:\n              command: apply\n',
      'aml/job.yml': '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ntype: command\ncommand: python train.py\ncompute: azureml:gpu\nresources:\n  instance_type: gpu\n',
      'k8s/job.yaml': GPU_JOB,
    });
    const r = await lint({ paths: [root], root, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
    expect(r.files).toEqual(['.github/workflows/train.yml', 'azure-pipelines.yml', 'k8s/job.yaml', 'pipelines/deploy.yml']);
    expect(r.findings.filter((f) => f.ruleId.startsWith('K8S')).map((f) => path.relative(root, f.location.file))).toEqual(['k8s/job.yaml']);
  });

  it('skips Helm charts, template actions and Kustomize inputs with a reason, never PARSE001', async () => {
    const root = tree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: trainer\nversion: 0.1.0\n',
      // Not YAML as written: a Go template action opens a flow mapping.
      'chart/templates/job.yaml': GPU_JOB.replace('name: train', 'name: {{ include "trainer.fullname" . }}\n{{- if .Values.gpu }}') + '{{- end }}\n',
      // YAML as written (nested flow mappings): the action is still seen in the text.
      'raw/job.yaml': GPU_JOB.replace('image: trainer', 'image: {{ .Values.image }}'),
      'kustomize/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [job.yaml]\n',
      'kustomize/base/job.yaml': GPU_JOB,
    });
    const r = await lint({ paths: [root], root, noConfig: true });
    expect(r.findings).toEqual([]);
    const skipped = r.skipped.map((s) => [path.relative(root, s.file).split(path.sep).join('/'), s.reason]);
    expect(skipped).toEqual([
      ['chart/templates/job.yaml', expect.stringContaining('a template of the Helm chart in chart; lint its rendered output instead (helm template')],
      ['kustomize/base/job.yaml', expect.stringContaining('input of the Kustomize build in kustomize/base; lint its output instead (kustomize build')],
      ['raw/job.yaml', expect.stringContaining('contains template actions')],
    ]);
  });

  it('lints what Helm and Kustomize never read, and the documents without template actions (review 74)', async () => {
    const root = tree({
      // A chart's own files other than templates/ are not rendered: `helm template … > chart/rendered.yaml` is a manifest.
      'chart/Chart.yaml': 'apiVersion: v2\nname: trainer\nversion: 0.1.0\n',
      'chart/rendered.yaml': GPU_JOB,
      // A file no kustomization names (jobs/ has none of its own) is never read by kustomize build.
      'k8s/kustomization.yaml': 'resources:\n- web.yaml\npatches:\n- path: patch.yaml\n  target: { kind: Deployment, name: jobs }\n',
      'k8s/web.yaml': GPU_JOB.replace('name: train', 'name: web'),
      'k8s/patch.yaml': GPU_JOB.replace('name: train', 'name: patch'),
      'k8s/jobs/train.yaml': GPU_JOB.replace('name: train', 'name: unlisted'),
      // `{{` in a comment and in a block scalar (a Jinja chat template) is text; in another document's value it skips that document only.
      'raw/vllm.yaml': `# was: replicas: {{ .Values.replicas }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chat\ndata:\n  template.jinja: |-\n    {% for m in messages %}{{ m['content'] }}{% endfor %}\n---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: gpu\nspec:\n  groups:\n  - name: g\n    rules:\n    - alert: GpuDown\n      annotations:\n        summary: "{{ $labels.pod }} lost its GPU"\n---\n${GPU_JOB.replace('name: train', 'name: vllm')}`,
    });
    const r = await lint({ paths: [root], root, noConfig: true });
    const k8s = r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => `${path.relative(root, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}`);
    expect(k8s).toEqual(['chart/rendered.yaml:13', 'k8s/jobs/train.yaml:13', 'raw/vllm.yaml:34']);
    const skipped = r.skipped.map((s) => [path.relative(root, s.file).split(path.sep).join('/'), s.reason]);
    expect(skipped).toEqual([
      ['k8s/patch.yaml', expect.stringContaining('input of the Kustomize build in k8s')],
      ['k8s/web.yaml', expect.stringContaining('input of the Kustomize build in k8s')],
      ['raw/vllm.yaml', 'the document at line 10 contains template actions ({{ … }}); lint the rendered output instead (helm template … > rendered.yaml)'],
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
  });

  it('a folder a kustomization names is read through its own kustomization, and a kustomization variant beside it counts (self-review 75)', async () => {
    const root = tree({
      // gpu/ is a base: its kustomization says which of its files are inputs.
      'k/kustomization.yaml': 'resources: [gpu]\n',
      'k/gpu/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'k/gpu/deploy.yaml': GPU_JOB,
      'k/gpu/rendered-example.yaml': GPU_JOB.replace('name: train', 'name: example'),
      // A variant a deploy script selects (llm-d's kustomization-gpt120b.yaml): the patch it names is no whole manifest.
      'v/kustomization.yaml': 'resources: [job.yaml]\n',
      'v/kustomization-big.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [.]\npatches:\n- path: patch-big.yaml\n',
      'v/job.yaml': GPU_JOB,
      'v/patch-big.yaml': GPU_JOB.replace('name: train', 'name: big'),
      // A variant with no kustomization.yaml beside it names its patch too (self-review 78).
      'w/kustomization-gpu.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n- path: patch-gpu.yaml\n',
      'w/patch-gpu.yaml': GPU_JOB.replace('name: train', 'name: gpu'),
    });
    const r = await lint({ paths: [root], root, noConfig: true });
    const k8s = r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => path.relative(root, f.location.file).split(path.sep).join('/'));
    expect(k8s).toEqual(['k/gpu/rendered-example.yaml']);
    expect(r.skipped.map((x) => path.relative(root, x.file).split(path.sep).join('/'))).toEqual(['k/gpu/deploy.yaml', 'v/job.yaml', 'v/patch-big.yaml', 'w/patch-gpu.yaml']);
  });

  it('k8s.assumeInjectedTolerations turns K8S001 off and says why for --verbose', async () => {
    const root = tree({
      '.mlops-iac-lint.json': '{ "k8s": { "assumeInjectedTolerations": true } }\n',
      'infra/main.tf': 'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name = "gpu"\n  kubernetes_cluster_id = "x"\n  vm_size = "Standard_NC24ads_A100_v4"\n  node_taints = ["sku=gpu:NoSchedule"]\n}\n',
      'k8s/job.yaml': GPU_JOB,
    });
    const r = await lint({ paths: [root], root });
    expect(r.findings.filter((f) => f.ruleId === 'K8S001')).toEqual([]);
    const why = r.undecided.filter((u) => u.ruleId === 'K8S001');
    expect(why).toHaveLength(1);
    expect(why[0]!.reason).toContain('k8s.assumeInjectedTolerations: true');
    expect(why[0]!.location.range.start.line).toBe(13);
  });

  it('reports a broken manifest as PARSE001 at the exact position', async () => {
    const root = tree({ 'k8s/job.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n   image: b\n' });
    const r = await lint({ paths: [root], root, noConfig: true });
    const p = r.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(p).toHaveLength(1);
    expect(p[0]!.location.range.start.line).toBe(6);
  });
});

describe('pod templates', () => {
  it('reads containers, tolerations, selectors and positions', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ml }
spec:
  template:
    spec:
      nodeSelector: { pool: cpu }
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: zone, operator: In, values: [a, b] }
      tolerations:
        - { key: sku, value: gpu }
      initContainers:
        - name: init
          resources: { requests: { cpu: 100m } }
      containers:
        - name: web
          resources:
            limits: { nvidia.com/gpu: 1 }
`;
    const f = parseYamlFile(text);
    const [t] = readPodTemplates('d.yaml', f.documents, f.lineMap);
    expect(t).toMatchObject({ workloadKind: 'Deployment', name: 'web', namespace: 'ml', path: 'spec.template.spec' });
    expect(t!.containers.map((c) => [c.name, c.init])).toEqual([['init', true], ['web', false]]);
    expect(t!.tolerations).toEqual([{ key: 'sku', operator: 'Equal', value: 'gpu', effect: '', at: expect.anything() }]);
    expect(t!.tolerations[0]!.at.range.start).toMatchObject({ line: 15, column: 11 });
    const gpuKey = t!.containers[1]!.resources[0]!.keyAt.range;
    expect([gpuKey.start.line, gpuKey.start.column, gpuKey.end.column]).toEqual([22, 23, 37]);
    expect(t!.nodeSelector.map((r) => [r.key, r.operator, r.values])).toEqual([['pool', 'In', ['cpu']]]);
    expect(t!.requiredNodeTerms).toHaveLength(1);
    expect(selectorAdmits(t!, (k) => ({ pool: 'cpu', zone: 'a' })[k] ?? null)).toBe(true);
    expect(selectorAdmits(t!, (k) => ({ pool: 'gpu', zone: 'a' })[k] ?? null)).toBe(false);
    expect(selectorAdmits(t!, (k) => (k === 'pool' ? 'cpu' : undefined))).toBeUndefined();
  });

  it('matches tolerations as the API does', () => {
    const taint = { key: 'sku', value: 'gpu', effect: 'NoSchedule' };
    expect(tolerates({ key: 'sku', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, taint)).toBe(true);
    expect(tolerates({ key: 'sku', operator: 'Equal', value: 'gpu', effect: '' }, taint)).toBe(true);
    expect(tolerates({ key: 'sku', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }, taint)).toBe(false);
    expect(tolerates({ key: 'sku', operator: 'Exists', value: '', effect: '' }, taint)).toBe(true);
    expect(tolerates({ key: '', operator: 'Exists', value: '', effect: '' }, taint)).toBe(true);
    expect(tolerates({ key: '', operator: 'Equal', value: '', effect: '' }, taint)).toBe(false);
    expect(tolerates({ key: 'sku', operator: 'Equal', value: 'GPU', effect: '' }, taint)).toBe(false);
    expect(tolerates({ key: 'sku', operator: 'Gt', value: '1', effect: '' }, taint)).toBeUndefined();
  });

  it('a PreferNoSchedule taint needs no toleration; a NoExecute one does', () => {
    const f = parseYamlFile('apiVersion: v1\nkind: Pod\nspec:\n  containers: [{ name: a }]\n');
    const [t] = readPodTemplates('p.yaml', f.documents);
    expect(taintVerdict(t!, [{ key: 'a', value: '', effect: 'PreferNoSchedule' }]).missing).toEqual([]);
    expect(taintVerdict(t!, [{ key: 'a', value: '', effect: 'NoExecute' }]).missing).toHaveLength(1);
    expect(taintVerdict(t!, [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }], ['nvidia.com/gpu']).byExtendedResource).toHaveLength(1);
  });
});
