import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine (src/engine/suppressions.ts) for suppressions that matched nothing; this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'SUP002',
    name: 'suppression-unused',
    shortDescription: 'An inline suppression suppresses no finding.',
    fullDescription:
      'A valid `mlops-iac-lint-ignore` comment, Bicep `#disable-next-line` pragma or ARM `metadata` suppression whose rule found nothing in the lines it covers. Usually the problem was fixed, or the code moved away from the comment. A stale suppression would silently hide the problem if it came back.',
    help: 'Remove the suppression (or the unused rule ID from its list), or move it directly above the line or block that has the finding.',
    level: 'note',
    tags: ['suppression'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'arm', 'bicep', 'github-actions', 'azure-pipelines', 'k8s', 'azureml-yaml', 'script', 'azure-cli'],
  },
  create() {
    return {};
  },
});
