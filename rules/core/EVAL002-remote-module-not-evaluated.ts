import { defineRule } from '../../src/engine/define-rule.js';

/** Reported by the engine for each remote module call it could not read (RULES.md "Parse and evaluation problems"); this module holds its metadata. */
export default defineRule({
  meta: {
    id: 'EVAL002',
    name: 'remote-module-not-evaluated',
    shortDescription: 'A registry or remote module was not evaluated; the resources it creates are not checked.',
    fullDescription:
      'A Terraform module call whose source is not a local path (registry, Git, HTTP) with no usable copy from `terraform init` (no `.terraform/modules/modules.json` entry, or a stale one after a version bump), a Bicep `br:`/`ts:` module with no compiled twin beside the file, or an ARM/Bicep deployment whose template is linked by URL (`templateLink.uri`) or is a template spec (`templateLink.id`). The resources the module creates do not exist for the rules: nothing about them is reported, good or bad. One note per module call, at its source; `--verbose` lists it among what could not be decided.',
    help: 'Run `terraform init` before linting (or pass `--tf-data-dir` when TF_DATA_DIR is set); for Bicep, commit the compiled twin (`az bicep build`) beside the `.bicep` file; for a linked ARM template, keep it in the repository and link it with `templateLink.relativePath`.',
    level: 'note',
    tags: ['correctness'],
    // Reported by the engine, no hook: the formats are those the engine reports it for.
    formats: ['terraform', 'bicep', 'arm'],
  },
  create() {
    return {};
  },
});
