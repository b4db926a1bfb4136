import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine for every file that cannot be parsed; this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'PARSE001',
    name: 'parse-error',
    shortDescription: 'A file could not be parsed.',
    fullDescription: 'The file has a syntax error (or cannot be read as text), so none of its content was linted. Every other file was still linted.',
    help: 'Fix the syntax error at the reported position (terraform fmt, az bicep build or a JSON/YAML validator show the same problem).',
    level: 'error',
    tags: ['correctness'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'arm', 'bicep', 'github-actions', 'azure-pipelines', 'k8s', 'azureml-yaml', 'terraform-plan'],
  },
  create() {
    return {};
  },
});
