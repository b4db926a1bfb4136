import type { Rule } from '../../src/engine/types.js';

/** Reported by the engine for every file that cannot be parsed; this module holds its metadata. */
const rule: Rule = {
  meta: {
    id: 'PARSE001',
    name: 'parse-error',
    shortDescription: 'A file could not be parsed.',
    fullDescription: 'The file has a syntax error (or cannot be read as text), so none of its content was linted. Every other file was still linted.',
    help: 'Fix the syntax error at the reported position (terraform fmt, az bicep build or a JSON/YAML validator show the same problem).',
    level: 'error',
    tags: ['correctness'],
    formats: ['terraform', 'arm', 'bicep', 'github-actions', 'azure-pipelines'],
    docPath: 'rules/core/PARSE001-parse-error.md',
  },
  create() {
    return {};
  },
};
export default rule;
