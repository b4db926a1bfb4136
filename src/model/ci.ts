/**
 * The CI model as rules read it: GitHub Actions workflows and composite actions, Azure
 * Pipelines files and templates, and shell/PowerShell scripts as files → (stages →) jobs →
 * steps → scripts → commands → words, with triggers, inputs, permissions, variables,
 * environments and comments, every part with its exact position.
 *
 * The types live with the CI evaluator that builds them (src/eval/ci/types.ts,
 * `buildCiModel` in src/eval/ci/build.ts), like the other evaluators' outputs; this module
 * is the rules' door to them, plus the few questions about the model that several rules
 * ask. It does not re-export the builder: the builder's types reach the parser and the
 * `yaml` package, which the public type declarations (engine → model) must not.
 */
import type { CiPermissions, CiUses } from '../eval/ci/types.js';

export type * from '../eval/ci/types.js';
export { joinExpressions, programIndices, redirection } from '../eval/ci-words.js';

/** Does a permissions block grant `id-token: write` (the right to request an OIDC token)? */
export function grantsIdTokenWrite(p: CiPermissions | undefined): boolean {
  if (!p) return false;
  if (p.kind === 'write-all') return true;
  return p.kind === 'map' && p.scopes['id-token'] === 'write';
}

/**
 * Is `uses` the action `name` (`owner/repo[/path]`, case-insensitive) at any ref?
 * `azure/login` matches `Azure/login@v2`, not `azure/login/sub@v2`.
 */
export function isAction(uses: CiUses | undefined, name: string): boolean {
  return uses?.kind === 'action' && uses.name === name.toLowerCase();
}
