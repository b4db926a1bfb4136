import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine (src/engine/suppressions.ts) for malformed or expired suppressions; this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'SUP001',
    name: 'suppression-invalid',
    shortDescription: 'An inline suppression is malformed, names an unknown rule or has expired.',
    fullDescription:
      'A `mlops-iac-lint-ignore` comment (or ARM `metadata` entry) without a ` -- reason`, with a malformed `until=` date, without a rule ID or with an unknown rule ID. A malformed suppression suppresses nothing, so the finding it meant to hide is still reported. An expired suppression (its `until` date has passed) also suppresses nothing and is reported at note.',
    help: 'Write `mlops-iac-lint-ignore AML001 [until=YYYY-MM-DD] -- reason`: a known rule ID, a real date, and a reason after ` -- `. Renew or remove expired suppressions.',
    level: 'warning',
    tags: ['suppression'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'arm', 'bicep', 'github-actions', 'azure-pipelines', 'k8s', 'azureml-yaml', 'script', 'azure-cli'],
  },
  create() {
    return {};
  },
});
