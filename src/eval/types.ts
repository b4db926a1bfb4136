/**
 * What every evaluator produces besides resources: the declared inputs of a module or
 * template and the evaluation (one variant) they were evaluated in. The model re-exports
 * these types; rules read them through the model.
 */
import type { EnvClass } from '../core/env.js';
import type { Location } from '../core/source.js';
import type { Value } from '../core/value.js';

/** A declared input: a Terraform variable, an ARM parameter, a Bicep param. */
export interface InputDecl {
  name: string;
  kind: 'tf-variable' | 'arm-parameter' | 'bicep-param';
  /** The declaration header: `variable "x" {`, the ARM parameter's key, `param x string`. */
  header: Location;
  /** Declared type text (`string`, `securestring`, …) when given. */
  type?: string;
  /** Terraform: where the declared type is written (its `optional(T, default)` defaults are values of the variable). */
  typeAt?: Location;
  /** ARM `securestring`/`secureObject`, Bicep `@secure()`, Terraform `sensitive = true`. */
  secure?: boolean;
  /**
   * The template reads a property or an element of it (`parameters('kv').vaultName`,
   * `kv.vaultName`, `secrets[0]`): it is used as an object or array, whatever its declared
   * type (ARM and Bicep).
   */
  readByMember?: boolean;
  /** The default/defaultValue, with its origin. */
  defaultValue?: Value;
  /** The value assigned by the variant (tfvars line, parameter file value, module argument). */
  assigned?: Value;
  /**
   * Terraform: a value converted to the declared type as Terraform converts it before a
   * validation runs (`optional(T, default)` members filled in, each at its default's origin).
   */
  typed?: (value: Value) => Value;
  /**
   * ARM/Bicep: the values that the other instances of a module or nested template called in a
   * loop (or called again) assign, each written elsewhere (`pool: p` for each element of
   * `pools`): one declaration is one input, and the size a GPU pool reads may be written in any
   * instance's value, not only the first's (`recordInstanceValue`). Terraform lists an input per
   * module instance instead.
   */
  otherAssigned?: Value[];
  /** More instances assigned values than `otherAssigned` keeps (`recordInstanceValue`): the later ones are not judged. */
  otherAssignedCut?: true;
  /** ARM/Bicep `allowedValues`, each entry with its own origin. */
  allowedValues?: Value[];
  /** `type`: the allowed values come from a Bicep literal union type (`param x 'A' | 'B'`), not `@allowed`. */
  allowedFrom?: 'type';
  /**
   * ARM/Bicep: what the declared type admits at one member of an object or array value, the
   * member named by its path from the input's value (property names and element indexes:
   * `['vmSize']` for `gpuPool.vmSize`, `[1, 'vmSize']` for `pools[1].vmSize`). A Bicep object
   * type's property or array type's element (`type pool = { vmSize: 'A' | 'B' }`, `pool[]`), an
   * ARM languageVersion 2.0 `properties`/`items`/`$ref` with `allowedValues`: the member's guard,
   * as Bicep compiles it. Absent or undefined: the type restricts nothing there (`object`,
   * `array`, a `string` property). `value`: the input's value the path is followed in, which picks
   * the member of a tagged union (a Bicep `@discriminator` type, an ARM `discriminator`).
   */
  memberAllowed?: (path: readonly MemberKey[], value?: Value) => MemberAllowed;
  /** Terraform `validation` blocks. */
  validations?: InputValidation[];
  /** ARM: declared by an inner-scope nested deployment's template, not the file's root template. */
  nested?: boolean;
}

/** A step into an object (a property name) or an array (an element index). */
export type MemberKey = string | number;

/**
 * What a type admits at a member: the values (each located at its literal), `unknown` (the type
 * cannot be read there: an import that is not read, a union of object types; a guard whose
 * values are not known, never one that is missing), or undefined (no restriction).
 */
export type MemberAllowed = { values: Value[] } | 'unknown' | undefined;

export interface InputValidation {
  /** The `condition` attribute. */
  at: Location;
  /** Source text of the condition. */
  text: string;
  /** `regex`/`can(regex(...))` patterns found in the condition, each with its location. */
  regexes: ValidationRegex[];
  /** Literal values of a `contains([...], var.x)` list, each with its origin. */
  allowed: Value[];
  /**
   * The condition does not refer to the variable (`var.<name>`; Terraform 1.9+ lets it refer to
   * others): it holds or fails whatever the variable's value is.
   */
  ignoresVariable?: true;
  /**
   * A list the condition requires the variable's value to be in (`contains(<list>, var.x)` among
   * the conditions it requires all of): no value outside it passes. Absent when there is none.
   */
  requiredAmong?: Value[];
  /**
   * The condition evaluated with the variable set to `value` (other names as the module
   * resolves them): true (admits), false (rejects), undefined (not decided: an unknown
   * name, an unsupported function).
   */
  admits?: (value: string) => boolean | undefined;
  /**
   * The condition evaluated with the variable set to a whole value (an object or list input
   * whose members hold sizes: `var.pools` with one `vm_size` swapped for a probe), as `admits`.
   */
  admitsValue?: (value: Value) => boolean | undefined;
}

/** A regex of a validation condition, compiled by the evaluator (rules never compile Terraform regexes). */
export interface ValidationRegex {
  pattern: string;
  at: Location;
  /** Whether a text matches the pattern (RE2, as Terraform matches); absent when the pattern is not valid RE2. */
  matches?: (text: string) => boolean;
}

/** One evaluation of a module or template: one variant. */
export interface Evaluation {
  /** `default`, or the variant file's path relative to the module (`prod.tfvars`, `azuredeploy.parameters.prod.json`). */
  variant: string;
  /** The file that defines the variant, when there is one. */
  variantFile?: string;
  env: EnvClass;
  /**
   * A source before the resource's tags decided the class (RULES.md "Environments", in order):
   * an `unknown` it decided (`prod-test.tfvars`, `--env unknown`) is final, the tags are not read.
   */
  envSettled?: true;
  /** The folder (Terraform) or template file (ARM, Bicep) evaluated. */
  unit: string;
  inputs: InputDecl[];
  /**
   * Set when the values come from a Terraform plan JSON (this file) rather than from source:
   * they are what will be deployed (resolved `-var`s, registry modules, provider defaults), not
   * literals anyone wrote, and they may include secrets in plain text — SEC001 does not read
   * them, and no message prints a sensitive one (they are unknown).
   */
  planFile?: string;
  /**
   * Files of this evaluation read only up to a syntax error (their PARSE001 is reported): what
   * they declare after it is not known, so a rule that decides by what is absent (AML001: no
   * private endpoint targets the workspace) does not decide. (Bicep and Terraform files.)
   */
  incomplete?: readonly string[];
  /**
   * ARM/Bicep: what the variant's parameter file assigns to parameters the template does not
   * declare, by name as written (ARM and Bicep refuse such a deployment, but the literal is in
   * the repository: SEC001 reads it as a parameter file's value; review 119). Absent when none.
   */
  undeclaredValues?: ReadonlyMap<string, Value>;
  /**
   * Terraform: the variables of local modules that a call makes no instance of in this evaluation
   * (`count = 0`): nothing reads them, but a literal secret in a default is in the repository all
   * the same (SEC001 alone reads them; review 130). Absent when none.
   */
  inertInputs?: InputDecl[];
}

/**
 * A module call whose body the linter did not read (FORMATS.md §6): a Terraform registry,
 * Git or other remote module without a usable copy from `terraform init`, or a Bicep
 * `br:`/`ts:` module with no compiled twin or cache copy. Its resources are not checked
 * (EVAL002); its arguments are evaluated, for the rules that judge what goes in (GPU005).
 */
export interface OpaqueModuleCall {
  format: 'terraform' | 'bicep' | 'arm';
  /** The call's own name: the `module "kv"` label, the Bicep symbolic name, the ARM deployment's name. */
  name: string;
  /** `module.ml.module.kv` (Terraform), the symbolic name path (Bicep). */
  address: string;
  /** The `source` as written (`Azure/avm-res-keyvault-vault/azurerm`, `br/public:avm/…:0.4.0`). */
  source: string;
  /** The `source` attribute's value / the module reference string. */
  sourceAt: Location;
  /** Why there is no copy (for EVAL002 and `--verbose`). */
  reason: string;
  /** Arguments (Terraform) or `params:` (Bicep) by name, evaluated in the caller, with their origins. */
  args: ReadonlyMap<string, Value>;
  /** Where each argument is written (`name = …`, `name: …`). */
  argSites: ReadonlyMap<string, Location>;
  /** A call written inside a registry module copy (Terraform): the copy, whose places findings never name (GPU005). */
  vendored?: VendoredOrigin;
  /**
   * An ARM linked template's relative paths (`uri(parameters('_artifactsLocation'),
   * 'nested/x.json')`): when one names a file beside the template, that is the copy Azure is
   * given, linted on its own, and the call is not opaque (the front end checks, through the Host).
   */
  linkedPaths?: readonly string[];
  /**
   * Why the link is not known to name that copy (a parameter file gives `_artifactsLocation`):
   * the copy is linted on its own, not with these arguments, and `--verbose` says so.
   */
  linkedPathsWhy?: string;
  /**
   * A local module that was not read (its file is missing or outside the scan root), or only up
   * to a syntax error (`partial`): the problem was reported where it was met (EVAL001, PARSE001), not as EVAL002, and
   * GPU005 (registry modules) does not judge it. What it may create is still not known
   * (AML001's private endpoint), and what it is passed is still written in the caller (SEC001).
   */
  local?: true;
  /**
   * With `local`: the module's file was read up to a syntax error, and what it holds before it is
   * evaluated as the module. The arguments its read part declares, which are read there (SEC001
   * judges them as the module's inputs, not again as arguments).
   */
  partial?: ReadonlySet<string>;
}

/**
 * A resource read from a module copy the user does not own (a registry module from
 * `terraform init`'s cache): findings never point inside it, but at the caller's argument
 * that supplied the value, else at `call` (issue 14, item 1).
 */
export interface VendoredOrigin {
  /** The header of the outermost call into the copied module, in the user's code. */
  call: Location;
  /** The call's source as written, for labels. */
  source: string;
  /** The copied folders on the way to the resource (a location inside any of them is never primary). */
  dirs: readonly string[];
  /**
   * The module calls that read each copied folder (outermost first), to name a place inside
   * a copy without its cache path: `inside module "kv" (Azure/avm-res-keyvault-vault/azurerm
   * 0.10.1): main.tf:37`. Optional for producers that know no call name.
   */
  copies?: readonly VendoredCopy[];
}

/** One copied folder and the call that reads it. */
export interface VendoredCopy {
  dir: string;
  /** The call's name (`module "kv"`: `kv`; nested: `kv.secrets`), or the Bicep module's symbolic name. */
  name: string;
  /** The call's source as written. */
  source: string;
  /** The copy's version (the module manifest's), when known. */
  version?: string;
}

/**
 * Names a place inside a copy relative to the copy's folder, so no cache path (`.terraform/…`,
 * the Bicep cache) shows in a report: `inside module "kv" (source 0.10.1): main.tf:37`.
 */
export function describeVendoredPlace(l: { file: string; range: { start: { line: number } } }, v: VendoredOrigin): string {
  const sep = (d: string) => (d.endsWith('/') || d.endsWith('\\') ? d : d + (l.file.includes('\\') ? '\\' : '/'));
  // The innermost copy holding the file (nested copies are listed outermost first).
  const copy = [...(v.copies ?? [])].reverse().find((c) => l.file.startsWith(sep(c.dir)));
  const dir = copy?.dir ?? [...v.dirs].reverse().find((d) => l.file.startsWith(sep(d)));
  const rel = dir ? l.file.slice(sep(dir).length).split('\\').join('/') : l.file.split(/[\\/]/).pop()!;
  const who = copy ? `module "${copy.name}" (${copy.source}${copy.version ? ` ${copy.version}` : ''})` : `the module "${v.source}"`;
  return `inside ${who}: ${rel}:${l.range.start.line}`;
}

/** True when a file lies inside one of the copied folders (or under a `.terraform` folder). */
export function isVendoredFile(file: string, v: VendoredOrigin): boolean {
  if (/[\\/]\.terraform[\\/]/.test(file)) return true;
  return v.dirs.some((d) => file.startsWith(d.endsWith('/') || d.endsWith('\\') ? d : d + (file.includes('\\') ? '\\' : '/')));
}

/** At most this many values of other instances per input (a loop of thousands keeps its first ones). */
const MAX_OTHER_ASSIGNED = 64;

/**
 * Records the value another instance of a module or nested template assigns to an input already
 * listed (ARM and Bicep list one InputDecl per declaration): kept when it is written somewhere
 * the input's values are not (a different element of a loop's array), so a guard rule finds
 * the instance's value that holds the size it judges.
 */
export function recordInstanceValue(input: InputDecl, assigned: Value | undefined): void {
  if (!assigned?.origin) return;
  // The same text may hold another value in each instance (`pool: { vmSize: p.vmSize }` in a
  // loop: one object literal, each instance's member written in its own element; self-review 72).
  const key = writtenKey(assigned);
  const keys = writtenKeysOf(input);
  if (keys.has(key)) return;
  if ((input.otherAssigned?.length ?? 0) >= MAX_OTHER_ASSIGNED) input.otherAssignedCut = true;
  else {
    (input.otherAssigned ??= []).push(assigned);
    keys.add(key);
  }
}

/**
 * The written keys of an input's values (`assigned` and `otherAssigned`), kept beside the input:
 * each instance of a module in a loop compared its value with every kept one, each key made
 * again (up to 64 × 256 nodes per instance; issue 15's profile of a Bicep unit of 41 files).
 */
const WRITTEN_KEYS = new WeakMap<InputDecl, { assigned: Value | undefined; keys: Set<string> }>();
function writtenKeysOf(input: InputDecl): Set<string> {
  let held = WRITTEN_KEYS.get(input);
  // (`assigned` is set when the input is declared; a changed one starts the set again.)
  if (!held || held.assigned !== input.assigned) {
    const keys = new Set<string>();
    for (const v of [input.assigned, ...(input.otherAssigned ?? [])]) if (v !== undefined) keys.add(writtenKey(v));
    held = { assigned: input.assigned, keys };
    WRITTEN_KEYS.set(input, held);
  }
  return held.keys;
}

/** Nodes of a value `writtenKey` looks at: a larger value is told apart by its first ones. */
const WRITTEN_KEY_NODES = 256;

/** Where a value and its members are written, and its scalars: equal for one value met twice. */
function writtenKey(v: Value): string {
  const parts: string[] = [];
  const walk = (x: Value): void => {
    if (parts.length >= WRITTEN_KEY_NODES) return;
    const o = x.origin;
    parts.push(`${x.kind}@${o ? `${o.file}:${o.range.start.offset}-${o.range.end.offset}` : ''}${x.kind === 'string' || x.kind === 'number' || x.kind === 'bool' ? `=${String(x.value)}` : ''}`);
    if (x.kind === 'list') for (const i of x.items) walk(i);
    else if (x.kind === 'object') for (const [k, e] of x.entries) {
      parts.push(k);
      walk(e);
    }
  };
  walk(v);
  return parts.join('\u0000');
}
