import type { Rule } from '../../src/engine/types.js';

/** Reported by the engine when an evaluation had to stop (expansion cap); this module holds its metadata. */
const rule: Rule = {
  meta: {
    id: 'EVAL001',
    name: 'evaluation-incomplete',
    shortDescription: 'Evaluation stopped early; part of the code was not linted.',
    fullDescription: 'A count, for_each or copy loop expanded to more instances than the linter evaluates, so the instances past the cap were not checked.',
    help: 'Nothing to fix in most cases; lint a smaller variant or raise the cap if the remaining instances matter.',
    level: 'warning',
    tags: ['correctness'],
    formats: ['terraform', 'arm', 'bicep'],
    docPath: 'rules/core/EVAL001-evaluation-incomplete.md',
  },
  create() {
    return {};
  },
};
export default rule;
