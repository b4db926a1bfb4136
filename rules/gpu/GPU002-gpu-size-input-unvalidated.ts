import { defineRule } from '../../src/engine/define-rule.js';
import { FindingsByPlace } from '../../src/engine/findings-by-place.js';
import { DECLARATIVE_FORMATS } from '../../src/engine/types.js';
import { locationContains, type Location } from '../../src/core/source.js';
import { readOutItems, type Value } from '../../src/core/value.js';
import { attributeSite, displayName, gpuReasonOf, inputsFeeding } from '../../src/engine/facts.js';
import { allValidationsAdmit, memberGuardOf, memberPathText, validationAdmits, valueHolding } from '../../src/engine/guards.js';
import type { InputDecl, InputValidation, MemberKey } from '../../src/model/resource.js';
import { SIZED_KINDS } from '../../src/model/kinds.js';
import { EXAMPLE_SIZES, gpuFamilyNames, gpuSizeRegex, isGpuSize, isVmSizeName, NON_GPU_PROBE_SIZES, SIZE_PREFIX, workloadName } from '../../src/model/facts/gpu.js';

type MessageId =
  | 'noValidation'
  | 'noValidationStructured'
  | 'noSizeValidation'
  | 'noSizeValidationStructured'
  | 'noAllowedValues'
  | 'noAllowedDecorator'
  | 'noMemberType'
  | 'noMemberAllowedValues'
  | 'regexAdmitsNonGpu'
  | 'allowsNonGpu'
  | 'conditionAdmitsNonGpu'
  | 'conditionAdmitsNonGpuStructured';

/**
 * Whether an input guards the size it feeds: Terraform validations; ARM/Bicep allowedValues, or
 * for an object or array parameter, the type of the member that holds the size.
 */
function hasGuard(input: InputDecl, size: Value | undefined): boolean {
  if (input.kind === 'tf-variable') return (input.validations?.length ?? 0) > 0;
  if ((input.allowedValues?.length ?? 0) > 0) return true;
  const member = memberGuardOf(input, size);
  return member !== undefined && member.allowed !== undefined;
}

interface Problem {
  location: Location;
  attributePath: string;
  messageId: MessageId;
  data: Record<string, string>;
}

/** What is wrong with the guard of one input that feeds a GPU size. */
/** An input whose value is an object or a list (the size is one member of it: `var.pools.gpu.vm_size`). */
function isStructured(input: InputDecl, size: Value | undefined): boolean {
  const v = valueHolding(input, size);
  return v?.kind === 'object' || v?.kind === 'list';
}

/**
 * The sizes the workload may get from `input`: its size, or, for a size read out of a collection
 * of sizes by a key not known (`var.gpu_size[terraform.workspace]`, `lookup(var.gpu_size,
 * var.environment)` over a `map(string)`), each size the collection holds, each judged as a size
 * read by its own key is (review 82).
 */
function sizesOf(input: InputDecl, size: Value | undefined): (Value | undefined)[] {
  if (size?.kind !== 'unknown' || !size.readOutOf) return [size];
  const v = valueHolding(input, size);
  // Of a map of objects, the member read from whichever item (`var.pools[var.env].vm_size`).
  const items = v ? readOutItems(size, v) : undefined;
  return items && items.length > 0 && items.every((i) => i.kind === 'string') ? items : [size];
}

/**
 * The size is written inside the input's own value (a member of its default or assigned object,
 * or an `optional(string, "…")` default of its declared type), not read from another input.
 */
function writtenInside(input: InputDecl, size: Value | undefined): boolean {
  const v = valueHolding(input, size);
  if (size?.origin === undefined) return false;
  return (v?.origin !== undefined && locationContains(v.origin, size.origin)) || (input.typeAt !== undefined && locationContains(input.typeAt, size.origin));
}

/**
 * A copy of an object or list value with the member written at `at` (the workload's size,
 * `vm_size` of one pool) replaced by `size`; undefined when no member was written there.
 */
function withMemberAt(v: Value, at: Location, size: string): Value | undefined {
  if (v.kind === 'string') return v.origin && sameSpot(v.origin, at) ? { ...v, value: size } : undefined;
  if (v.kind === 'list') {
    let hit = false;
    const items = v.items.map((i) => {
      const r = withMemberAt(i, at, size);
      if (r) hit = true;
      return r ?? i;
    });
    return hit ? { ...v, items } : undefined;
  }
  if (v.kind === 'object') {
    let hit = false;
    const entries = new Map<string, Value>();
    for (const [k, e] of v.entries) {
      const r = withMemberAt(e, at, size);
      if (r) hit = true;
      entries.set(k, r ?? e);
    }
    return hit ? { ...v, entries } : undefined;
  }
  return undefined;
}

function sameSpot(a: Location, b: Location): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}

/**
 * The guard of an object or list input (`alltrue([for p in var.pools : can(regex(…, p.vm_size))])`)
 * probed the way Terraform would run it: the input's value with this workload's size swapped for
 * a non-GPU size. The first validation that admits the swapped value is the guard to fix; a
 * validation that cannot be evaluated for a probe that every other one admits leaves it undecided.
 */
function structuredGuardProblem(input: InputDecl, vs: readonly InputValidation[], size: Value | undefined, base: Record<string, string>): Problem[] | Undecided {
  let undecided: Undecided | undefined;
  for (const probe of NON_GPU_PROBE_SIZES) {
    const admits = structuredAdmits(input, vs, size, probe);
    if (admits === undefined) return [];
    if (admits === true) return [{ location: vs[0]!.at, attributePath: `${input.name}.validation.condition`, messageId: 'conditionAdmitsNonGpuStructured', data: { ...base, probe, regex: gpuSizeRegex() } }];
    if (admits !== false) undecided ??= admits;
  }
  return undecided ?? [];
}

/** A guard that cannot be judged: why, and the validation condition that could not be evaluated. */
interface Undecided {
  reason: string;
  at: Location;
}

function notEvaluated(input: InputDecl, v: InputValidation, probe: string): Undecided {
  // ("depends …": --verbose prints it after the attribute's name, not as "is unknown (…)".)
  return { reason: `depends on the guard of variable "${input.name}", whose validation cannot be evaluated with the non-GPU size "${probe}" in its place`, at: v.at };
}

/**
 * Whether every validation of an object or list input holds for its value with the workload's
 * size swapped for `probe`: false when one rejects it, an `Undecided` when none rejects it and one
 * cannot be evaluated; undefined when the size is not written inside that value. A size an
 * `optional(string, "…")` default gives is swapped in the value converted to the variable's type.
 */
function structuredAdmits(input: InputDecl, vs: readonly InputValidation[], size: Value | undefined, probe: string): boolean | Undecided | undefined {
  const whole = valueHolding(input, size);
  if (!whole || size?.kind !== 'string' || !size.origin) return undefined;
  const origin = size.origin;
  const swapped = withMemberAt(whole, origin, probe) ?? (input.typeAt && input.typed && locationContains(input.typeAt, origin) ? withMemberAt(input.typed(whole), origin, probe) : undefined);
  if (swapped === undefined) return undefined;
  let undecided: Undecided | undefined;
  for (const v of vs) {
    const a = v.admitsValue?.(swapped);
    if (a === false) return false;
    if (a === undefined) undecided ??= notEvaluated(input, v, probe);
  }
  return undecided ?? true;
}

/** A value that no check of a VM size admits (validations that all admit it do not check the size). */
const NOT_A_SIZE = 'not-a-vm-size';

function problemsOf(input: InputDecl, size: Value | undefined): Problem[] | Undecided {
  const base = { declared: input.kind === 'tf-variable' ? 'Terraform variable' : 'Parameter', input: input.name };
  if (input.kind === 'tf-variable') {
    const all = input.validations ?? [];
    if (all.length === 0)
      return [{ location: input.header, attributePath: `${input.name}.validation`, messageId: isStructured(input, size) ? 'noValidationStructured' : 'noValidation', data: { ...base, regex: gpuSizeRegex() } }];
    // A condition that does not read the variable (Terraform 1.9+ lets it read others) holds or
    // fails whatever size it is given: it checks no size, evaluated or not (review 126: one that
    // reads a data source made the guard undecided).
    const vs = all.filter((v) => !v.ignoresVariable);
    if (vs.length === 0)
      return [{ location: input.header, attributePath: `${input.name}.validation`, messageId: isStructured(input, size) ? 'noSizeValidationStructured' : 'noSizeValidation', data: { ...base, regex: gpuSizeRegex() } }];
    const out: Problem[] = [];
    for (const v of vs) {
      for (const r of v.regexes) {
        const matches = r.matches;
        if (!matches) continue;
        const probe = NON_GPU_PROBE_SIZES.find((s) => matches(s) && allValidationsAdmit(vs, s) === true);
        if (!probe) continue;
        out.push({
          location: r.at,
          attributePath: `${input.name}.validation.regex`,
          messageId: 'regexAdmitsNonGpu',
          data: { ...base, pattern: r.pattern, probe, regex: gpuSizeRegex() },
        });
      }
      for (const a of v.allowed) out.push(...listEntryProblem(a, base, (s) => allValidationsAdmit(vs, s) === true, `${input.name}.validation.contains`));
    }
    if (out.length > 0) return out;
    // Validations that all admit a value that is no size at all do not check the size (they check
    // the input's other members, or only that it is set: `length(var.node_groups) >= 1`): the
    // variable has no validation restricting the size, and the finding is at its header
    // (RULES.md: a missing guard points at the variable; review 69 saw it at an unrelated condition).
    // (A validation that holds for a value that is no size but rejects some size, a deny-list
    // `!contains(["Standard_NP10s"], var.x)`, does check it: every non-GPU probe must pass too;
    // self-review 70.)
    const admitted = (probe: string): boolean => (isStructured(input, size) ? structuredAdmits(input, vs, size, probe) : allValidationsAdmit(vs, probe)) === true;
    // (The sizes a condition names count: `!contains(["Standard_D4s_v5"], …)` rejects one of them.)
    const checksNoSize = [NOT_A_SIZE, ...NON_GPU_PROBE_SIZES, ...vs.flatMap((v) => sizeLiteralsOf(v.text))].every(admitted);
    if (checksNoSize)
      return [{ location: input.header, attributePath: `${input.name}.validation`, messageId: isStructured(input, size) ? 'noSizeValidationStructured' : 'noSizeValidation', data: { ...base, regex: gpuSizeRegex() } }];
    // An object or list input is probed as a whole, with the workload's size swapped.
    if (isStructured(input, size)) return structuredGuardProblem(input, vs, size, base);
    // No regex or list entry to blame, but the conditions (evaluated) still let a non-GPU size
    // through (`startswith(var.x, "Standard_N")`, `… || var.x == "Standard_D4s_v5"`):
    // the guard is the first condition that admits it.
    const probes = [...NON_GPU_PROBE_SIZES, ...vs.flatMap((v) => sizeLiteralsOf(v.text))];
    const probe = probes.find((s) => allValidationsAdmit(vs, s) === true);
    const guard = probe === undefined ? undefined : vs.find((v) => v.admits?.(probe) === true);
    if (probe !== undefined && guard)
      out.push({ location: guard.at, attributePath: `${input.name}.validation.condition`, messageId: 'conditionAdmitsNonGpu', data: { ...base, probe, regex: gpuSizeRegex() } });
    // No validation rejects some non-GPU size, and one cannot be read for it: the guard may admit it.
    if (out.length === 0) {
      for (const p of probes) {
        const results = vs.map((v) => validationAdmits(v, p));
        const opaque = vs[results.indexOf(undefined)];
        if (opaque && !results.includes(false)) return notEvaluated(input, opaque, p);
      }
    }
    return out;
  }
  const allowed = input.allowedValues;
  // An ARM/Bicep object or array parameter: the guard is the type of the member that holds the size.
  if ((!allowed || allowed.length === 0) && isStructured(input, size)) return memberProblems(input, size, base);
  if (!allowed || allowed.length === 0)
    return [{ location: input.header, attributePath: `${input.name}.allowedValues`, messageId: input.kind === 'bicep-param' ? 'noAllowedDecorator' : 'noAllowedValues', data: base }];
  return allowed.flatMap((a) => listEntryProblem(a, base, () => true, `${input.name}.allowedValues`));
}

/**
 * The guard of the member of an ARM/Bicep object or array parameter that holds the workload's
 * size (`gpuPool.vmSize`, `pools[1].vmSize`): a literal union type (Bicep) or a type
 * definition's allowedValues (ARM languageVersion 2.0) is judged like allowedValues; none
 * (an `object`/`array` parameter, a `string` property) is reported at the parameter's header.
 * A size not written in the parameter's value, or a type that cannot be read: not judged.
 */
function memberProblems(input: InputDecl, size: Value | undefined, base: Record<string, string>): Problem[] {
  const member = memberGuardOf(input, size);
  if (!member || member.allowed === 'unknown') return [];
  const attributePath = `${input.name}.${member.path.filter((k) => typeof k === 'string').join('.')}.allowedValues`;
  if (member.allowed === undefined) {
    const data = { ...base, member: memberPathText(input.name, member.path), property: lastProperty(member.path) };
    return [{ location: input.header, attributePath, messageId: input.kind === 'bicep-param' ? 'noMemberType' : 'noMemberAllowedValues', data }];
  }
  return member.allowed.values.flatMap((a) => listEntryProblem(a, base, () => true, attributePath));
}

/** Why an ARM/Bicep input's guard cannot be judged (its allowed values, or its member's type, cannot be read), else undefined. */
function unreadGuard(input: InputDecl, size: Value | undefined): string | undefined {
  if (input.kind === 'tf-variable') return undefined;
  const allowed = input.allowedValues;
  const unknownEntry = allowed?.find((a) => a.kind === 'unknown');
  if (unknownEntry?.kind === 'unknown') return `guard of ${input.name}: ${unknownEntry.reason}`;
  if ((!allowed || allowed.length === 0) && isStructured(input, size) && memberGuardOf(input, size)?.allowed === 'unknown') return `guard of ${input.name}: the type of the member that holds the size cannot be read`;
  return undefined;
}

/** The last property name of a member path (`vmSize` of `[1, 'vmSize']`). */
function lastProperty(path: readonly MemberKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'items';
}

/** Non-GPU VM size names written as string literals in a condition (`var.x == "Standard_D4s_v5"`). */
function sizeLiteralsOf(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!).filter((t) => isVmSizeName(t) && !isGpuSize(t));
}

function listEntryProblem(a: Value, base: Record<string, string>, admitted: (s: string) => boolean, attributePath: string): Problem[] {
  if (a.kind !== 'string' || !a.origin || isGpuSize(a.value) || !admitted(a.value)) return [];
  return [{ location: a.origin, attributePath, messageId: 'allowsNonGpu', data: { ...base, size: a.value, families: gpuFamilyNames() } }];
}

export default defineRule({
  meta: {
    id: 'GPU002',
    name: 'gpu-size-input-unvalidated',
    // Guards are declared inputs (Terraform validation, ARM/Bicep allowedValues): az commands have none.
    formats: [...DECLARATIVE_FORMATS],
    shortDescription: 'A variable or parameter that sets the size of a GPU workload has no guard restricting it to GPU sizes.',
    fullDescription: `When the size of a GPU node pool, AML cluster, VM or scale set comes from an unvalidated input, one wrong value in a tfvars or parameter file (a CPU size such as ${EXAMPLE_SIZES.cpuTypo}, or the FPGA size ${EXAMPLE_SIZES.fpga} that a loose \`^${SIZE_PREFIX}N\` regex lets through) deploys nodes that cannot run GPU jobs but still bill — the "$4,000 typo". A validation catches it at \`terraform plan\` / template validation time instead of after the bill.`,
    help: `Terraform: add a validation block to the variable, such as \`condition = can(regex("${gpuSizeRegex()}", var.<name>))\`. ARM/Bicep: list the permitted GPU sizes in allowedValues / @allowed([...]).`,
    level: 'warning',
    tags: ['cost', 'gpu'],
    messages: {
      noValidation:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" but has no validation, so any size (a CPU or FPGA size, a typo) is accepted; add a validation such as can(regex("{{regex}}", var.{{input}})).',
      noValidationStructured:
        '{{declared}} "{{input}}" holds the size of {{workload}} "{{name}}" but has no validation, so any size (a CPU or FPGA size, a typo) is accepted; add a validation that checks the size of each entry meant for GPU work against the GPU families, e.g. can(regex("{{regex}}", <size>)).',
      noSizeValidation:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" but none of its validations checks the size, so any size (a CPU or FPGA size, a typo) is accepted; add a validation such as can(regex("{{regex}}", var.{{input}})).',
      noSizeValidationStructured:
        '{{declared}} "{{input}}" holds the size of {{workload}} "{{name}}" but none of its validations checks that size, so any size (a CPU or FPGA size, a typo) is accepted; add a validation that checks the size of each entry meant for GPU work against the GPU families, e.g. can(regex("{{regex}}", <size>)).',
      noAllowedValues:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" but has no allowedValues, so any size (a CPU or FPGA size, a typo) is accepted; list the permitted GPU sizes in its allowedValues.',
      noAllowedDecorator:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" but has no @allowed decorator, so any size (a CPU or FPGA size, a typo) is accepted; list the permitted GPU sizes in @allowed([...]) above it.',
      noMemberType:
        '{{declared}} "{{input}}" holds the size of {{workload}} "{{name}}" in {{member}}, but its type does not restrict it, so any size (a CPU or FPGA size, a typo) is accepted; declare a type whose {{property}} is a union of the permitted GPU sizes.',
      noMemberAllowedValues:
        '{{declared}} "{{input}}" holds the size of {{workload}} "{{name}}" in {{member}}, but nothing restricts it, so any size (a CPU or FPGA size, a typo) is accepted; declare its {{property}} with allowedValues of the permitted GPU sizes (a languageVersion 2.0 type).',
      regexAdmitsNonGpu:
        '{{declared}} "{{input}}" feeds the size of {{workload}} "{{name}}", but its validation regex "{{pattern}}" admits the non-GPU size "{{probe}}"; restrict it to the GPU families, e.g. "{{regex}}".',
      conditionAdmitsNonGpu:
        '{{declared}} "{{input}}" feeds the size of {{workload}} "{{name}}", but its validation condition admits the non-GPU size "{{probe}}"; restrict it to the GPU families, e.g. can(regex("{{regex}}", var.{{input}})).',
      conditionAdmitsNonGpuStructured:
        '{{declared}} "{{input}}" holds the size of {{workload}} "{{name}}", but its validation condition admits the non-GPU size "{{probe}}" there; check every size it holds against the GPU families, e.g. can(regex("{{regex}}", <size>)).',
      allowsNonGpu:
        '{{declared}} "{{input}}" feeds the size of {{workload}} "{{name}}", but its allowed values include "{{size}}", which is not a GPU size; remove it or replace it with a size of a GPU family ({{families}}).',
    },
  },
  create(ctx) {
    return {
      graph(g) {
        // One finding per place: inputs or workloads that share it (two parameters of one
        // user-defined type, a variable feeding two pools) add their sizes as related locations.
        const byPlace = new FindingsByPlace<Parameters<typeof ctx.report>[0]['messageId']>();
        // Kinds in a fixed order: when two workloads share an input, the first one names it.
        for (const kind of SIZED_KINDS) {
          for (const r of g.ofKind(kind)) {
            // az commands and Azure ML YAML declare no inputs, so no guard: nothing to read (a read
            // would be listed by --verbose as "could not decide GPU002").
            if (!(DECLARATIVE_FORMATS as readonly string[]).includes(r.format)) continue;
            // A GPU workload: a known GPU size or a known intent first, then what is unknown of
            // either (gpuReasonOf: an unknown taint is no "could not decide" line for a pool whose size says GPU).
            if (!gpuReasonOf(ctx, r)) continue;
            const who = { workload: workloadName(kind), name: displayName(r) };
            const inputs = inputsFeeding(r, 'vmSize', g.evaluation.inputs);
            // One guard anywhere on the way (a root variable guarding a module argument) guards the flow.
            const read = r.attrs.get('vmSize')?.value;
            // A collection of sizes read by a key not known may give any of its sizes: each is judged.
            const guarded = inputs.some((i) => sizesOf(i, read).every((s) => hasGuard(i, s)));
            const at = attributeSite(r, 'vmSize');
            for (const input of inputs) for (const size of sizesOf(input, read)) {
              if (guarded && !hasGuard(input, size)) continue;
              // An object or list input only carries a size that another input holds
              // (`system = { vm_size = var.gpu_vm_size }`): that input is the one to guard.
              // Past the instance values kept, the one that holds this size may be among the rest (self-review 73).
              if (input.otherAssignedCut && !(input.allowedValues?.length) && memberGuardOf(input, size) === undefined) {
                ctx.undecided(r, 'vmSize', `parameter "${input.name}" is given values by more instances of its module or nested template than are kept, and the value that holds this size is not among those judged`, input.header);
                continue;
              }
              if (isStructured(input, size) && !writtenInside(input, size)) continue;
              // RULES.md Conventions: a guard whose values cannot be read (a type imported from a
              // registry, a type this reader does not follow) may admit a non-GPU size: recorded.
              const unread = unreadGuard(input, size);
              if (unread) ctx.undecided(r, 'vmSize', unread, input.header);
              const problems = problemsOf(input, size);
              if (!Array.isArray(problems)) {
                ctx.undecided(r, 'vmSize', problems.reason, problems.at);
                continue;
              }
              for (const p of problems) {
                const sizeAt: Location[] = at ? [{ ...at, label: `size of ${who.workload} "${who.name}"` }] : [];
                const header = { ...input.header, label: `${input.kind === 'tf-variable' ? 'variable' : 'parameter'} "${input.name}"` };
                byPlace.add(
                  { resource: r, attributePath: p.attributePath, location: p.location, related: sizeAt, messageId: p.messageId, data: { ...p.data, ...who } },
                  [header, ...sizeAt],
                );
              }
            }
          }
        }
        byPlace.flush((d) => ctx.report(d));
      },
    };
  },
});
