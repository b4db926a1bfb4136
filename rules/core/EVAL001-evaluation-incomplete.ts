import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine when an evaluation had to stop (expansion cap); this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'EVAL001',
    name: 'evaluation-incomplete',
    shortDescription: 'Evaluation stopped early; part of the code was not linted.',
    fullDescription: 'An evaluation had to stop before it was complete: a count, for_each or copy loop expanded past 1,024 instances, a local module is missing or forms a cycle, a value could not be evaluated in the time budget, or the linter hit an internal error. What was not evaluated is not checked; one note per file and cause, with the count. It never fails a run at the default --fail-on.',
    help: 'For a missing local module, template, `using` target or linked file: check the path it is named by (a typo, or a folder left out of the scan). For a loop past the cap: nothing to fix, or lint a smaller variant if the remaining instances matter.',
    level: 'note',
    tags: ['correctness'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'arm', 'bicep', 'azure-cli'],
  },
  create() {
    return {};
  },
});
