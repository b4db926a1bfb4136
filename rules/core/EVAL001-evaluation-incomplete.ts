import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine when an evaluation had to stop (expansion cap); this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'EVAL001',
    name: 'evaluation-incomplete',
    shortDescription: 'Evaluation stopped early; part of the code was not linted.',
    fullDescription: 'A count, for_each or copy loop expanded to more instances than the linter evaluates, so the instances past the cap were not checked.',
    help: 'Nothing to fix in most cases; lint a smaller variant or raise the cap if the remaining instances matter.',
    level: 'warning',
    tags: ['correctness'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'arm', 'bicep'],
  },
  create() {
    return {};
  },
});
