/**
 * What a files-only run (pre-commit) must walk for `policies.fromScannedCode`: the policy
 * definitions written in the scanned code apply to every resource of the run (README "Azure
 * Policy"), and a run over the repository reads them wherever they are (`governance/policy.tf`
 * for a staged `infra/main.tf`). So the files of the repository that may write a definition are
 * walked with the given files, as if given too: their folders, and through each front end's
 * `filesOnlyFolders` their callers (a module evaluated with its caller's arguments, as the
 * folder run evaluates it). Only these, not the whole repository: the rest cannot change what
 * the policy set holds. Read with a pattern before any front end runs: a superset.
 */
import path from 'node:path';
import type { FileKind } from '../core/file-kind.js';
import { manifestFile } from '../eval/terraform/manifest.js';
import { POLICY_DEFINITION_ARM_TYPE, POLICY_DEFINITION_AZURERM_TYPE } from '../model/facts/policy.js';
import { planningFact } from './shared.js';
import type { FilesOnlyView } from './types.js';

/** The types that write a definition (model/facts/policy.ts), in any case: `Microsoft.Authorization/policyDefinitions@2023-04-01`. */
const WRITES_DEFINITION = new RegExp([POLICY_DEFINITION_ARM_TYPE, POLICY_DEFINITION_AZURERM_TYPE].map((t) => t.replace(/[.]/g, '\\.')).join('|'), 'i');

/** Whether a file's text names a definition type: it may write a policy definition (its PARSE001 may hide one). */
export function namesPolicyDefinitionType(text: string): boolean {
  return WRITES_DEFINITION.test(text);
}
/** Names of the formats that may write one: Terraform (`.tf`, `.tf.json`), Bicep, ARM templates. */
const CANDIDATE_NAME = /\.(?:tf|bicep|json)$/i;
/** The kinds whose resources `definitionsInCode` reads (a plan's are its `.tf` files', which are searched themselves). */
const DEFINING_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'arm', 'bicep']);

/**
 * The files under the view's root that may write a policy definition: those whose text names a
 * definition type, and one `.tf` file of each Terraform folder that `terraform init` gave a
 * module manifest (a registry or Git module's copy, read through it, may write one). `kindOf`
 * classifies a file as the run does (a JSON file by its content: a plan is never read whole).
 */
export async function policyDefinitionFiles(wide: FilesOnlyView, kindOf: (file: string) => Promise<FileKind | undefined>, tfDataDir: string | undefined): Promise<string[]> {
  const out: string[] = [];
  const initialized = new Set<string>();
  for (const file of await wide.list((f) => CANDIDATE_NAME.test(f))) {
    const kind = await kindOf(file);
    if (kind === undefined || !DEFINING_KINDS.has(kind)) continue;
    if (planningFact(wide, 'policy-definition-marker', file, isBoolean, namesPolicyDefinitionType) === true) out.push(file);
    else if (kind === 'terraform') {
      const dir = path.dirname(file);
      if (!initialized.has(dir) && wide.host.isFile(manifestFile(dir, tfDataDir))) {
        initialized.add(dir);
        out.push(file);
      }
    }
  }
  return out;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
