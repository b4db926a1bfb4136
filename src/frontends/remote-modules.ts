/**
 * EVAL002 (RULES.md "Parse and evaluation problems"): a module call whose body no front end
 * read — a Terraform registry/Git module without a `terraform init` copy, a Bicep `br:`/`ts:`
 * module without a compiled twin. One wording for both formats; `api.ts` keeps one note per
 * call and lists it under `--verbose`.
 */
import type { OpaqueModuleCall } from '../model/resource.js';
import type { Problem } from './types.js';

/** The EVAL002 problem of one call (every variant and caller repeats it; api.ts keeps one). */
export function remoteModuleProblem(m: OpaqueModuleCall): Problem {
  const address = m.address.replace(/\[[^\]]*\]/g, '');
  const name = m.name;
  return {
    ruleId: 'EVAL002',
    message: `Module "${name}" ("${m.source}") is not evaluated, so the resources it creates are not checked: ${m.reason}.`,
    location: m.sourceAt,
    address,
  };
}
