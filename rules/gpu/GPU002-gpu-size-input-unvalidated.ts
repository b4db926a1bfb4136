import type { Rule } from '../../src/engine/types.js';
import type { InputDecl, InputValidation, Resource } from '../../src/model/resource.js';
import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { displayName, gpuIntent, hasGpuSize } from '../../src/engine/facts.js';
import { isGpuSize, NON_GPU_PROBE_SIZES } from '../../src/model/gpu.js';
import { tryCompileRegex } from '../../src/eval/terraform/regex.js';
import { GPU_WORKLOAD_KINDS, kindName } from './GPU001-gpu-workload-on-non-gpu-size.js';

/** Same file and start offset: a `via`/origin location that is an input's declaration header. */
function samePlace(a: Location, b: Location): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset;
}

/** The declared inputs whose value flows into the resource's size (its `via` chain, or an unknown whose origin is the header). */
export function sizeInputs(r: Resource, inputs: readonly InputDecl[]): InputDecl[] {
  const f = r.attrs.get('vmSize');
  if (!f || f.defaulted || !f.value) return [];
  const chain: Location[] = [...(f.value.via ?? [])];
  if (f.value.kind === 'unknown' && f.value.origin) chain.push(f.value.origin);
  return inputs.filter((i) => chain.some((l) => samePlace(l, i.header)));
}

/** Functions a validation condition may call and still be read as a plain regex/list guard. */
const READABLE_FUNCTIONS = new Set(['can', 'regex', 'regexall', 'contains', 'length']);

/**
 * How a Terraform validation treats a size: true (admits), false (rejects), undefined
 * (opaque: negations, mixed `&&`/`||`, other functions, no regex or list to read).
 */
export function validationAdmits(v: InputValidation, size: string): boolean | undefined {
  if (v.regexes.length === 0 && v.allowed.length === 0) return undefined;
  const text = v.text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/![^=]/.test(text) || text.includes('!=')) return undefined;
  const and = text.includes('&&');
  const or = text.includes('||');
  if (and && or) return undefined;
  for (const m of text.matchAll(/([A-Za-z_][\w]*)\s*\(/g)) if (!READABLE_FUNCTIONS.has(m[1]!)) return undefined;
  const results: boolean[] = [];
  for (const r of v.regexes) {
    const re = tryCompileRegex(r.pattern);
    if (!re) return undefined;
    results.push(re.test(size));
  }
  if (v.allowed.length) {
    if (v.allowed.some((a) => a.kind !== 'string')) return undefined;
    results.push(v.allowed.some((a) => a.kind === 'string' && a.value === size));
  }
  if (results.length > 1 && !and && !or) return undefined;
  return and ? results.every(Boolean) : results.some(Boolean);
}

/** True when every validation admits the size; undefined when any is opaque. */
function allAdmit(vs: readonly InputValidation[], size: string): boolean | undefined {
  let out = true;
  for (const v of vs) {
    const a = validationAdmits(v, size);
    if (a === undefined) return undefined;
    out &&= a;
  }
  return out;
}

function hasGuard(input: InputDecl): boolean {
  return input.kind === 'tf-variable' ? (input.validations?.length ?? 0) > 0 : (input.allowedValues?.length ?? 0) > 0;
}

interface Problem {
  location: Location;
  message: string;
  attributePath: string;
}

function problemsOf(input: InputDecl, who: string): Problem[] {
  const label = input.kind === 'tf-variable' ? `variable "${input.name}"` : `parameter "${input.name}"`;
  if (input.kind === 'tf-variable') {
    const vs = input.validations ?? [];
    if (vs.length === 0)
      return [{
        location: input.header,
        attributePath: `${input.name}.validation`,
        message: `${label} sets the size of ${who} but has no validation, so any size (a CPU or FPGA size, a typo) is accepted; add a validation such as can(regex("^Standard_N[CDGV]", var.${input.name})).`,
      }];
    const out: Problem[] = [];
    for (const v of vs) {
      for (const r of v.regexes) {
        const re = tryCompileRegex(r.pattern);
        if (!re) continue;
        const probe = NON_GPU_PROBE_SIZES.find((s) => re.test(s) && allAdmit(vs, s) === true);
        if (!probe) continue;
        out.push({
          location: r.at,
          attributePath: `${input.name}.validation.regex`,
          message: `${label} feeds the size of ${who}, but its validation regex "${r.pattern}" admits the non-GPU size "${probe}"; restrict it to GPU families, e.g. "^Standard_N[CDGV]".`,
        });
      }
      for (const a of v.allowed) out.push(...listEntryProblem(a, label, who, (s) => allAdmit(vs, s) === true, `${input.name}.validation.contains`));
    }
    return out;
  }
  const allowed = input.allowedValues;
  if (!allowed || allowed.length === 0)
    return [{
      location: input.header,
      attributePath: `${input.name}.allowedValues`,
      message: `${label} sets the size of ${who} but has no allowedValues, so any size (a CPU or FPGA size, a typo) is accepted; list the permitted GPU sizes in allowedValues (Bicep: @allowed([...])).`,
    }];
  return allowed.flatMap((a) => listEntryProblem(a, label, who, () => true, `${input.name}.allowedValues`));
}

function listEntryProblem(a: Value, label: string, who: string, admitted: (s: string) => boolean, attributePath: string): Problem[] {
  if (a.kind !== 'string' || !a.origin || isGpuSize(a.value) || !admitted(a.value)) return [];
  return [{
    location: a.origin,
    attributePath,
    message: `${label} feeds the size of ${who}, but its allowed values include "${a.value}", which is not a GPU size; remove it or replace it with an N-series GPU size (NC, ND, NG, NV).`,
  }];
}

const rule: Rule = {
  meta: {
    id: 'GPU002',
    name: 'gpu-size-input-unvalidated',
    shortDescription: 'A variable or parameter that sets the size of a GPU workload has no guard restricting it to GPU sizes.',
    fullDescription:
      'When the size of a GPU node pool, AML cluster, VM or scale set comes from an unvalidated input, one wrong value in a tfvars or parameter file (a CPU size such as Standard_D16s_v5, or the FPGA size Standard_NP10s that a loose `^Standard_N` regex lets through) deploys nodes that cannot run GPU jobs but still bill — the "$4,000 typo". A validation catches it at `terraform plan` / template validation time instead of after the bill.',
    help: 'Terraform: add a validation block such as `condition = can(regex("^Standard_N[CDGV]", var.gpu_vm_size))`. ARM/Bicep: list the permitted GPU sizes in allowedValues / @allowed([...]).',
    level: 'warning',
    tags: ['cost', 'gpu'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/gpu/GPU002-gpu-size-input-unvalidated.md',
  },
  create(ctx) {
    return {
      graph(g) {
        const seen = new Set<string>();
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            if (!hasGpuSize(r) && !gpuIntent(r)) continue;
            const who = `${kindName(kind)} "${displayName(r)}"`;
            const inputs = sizeInputs(r, g.evaluation.inputs);
            // One guard anywhere on the way (a root variable guarding a module argument) guards the flow.
            const guarded = inputs.some(hasGuard);
            for (const input of inputs) {
              if (guarded && !hasGuard(input)) continue;
              for (const p of problemsOf(input, who)) {
                const key = `${p.location.file}:${p.location.range.start.offset}:${p.location.range.end.offset}`;
                if (seen.has(key)) continue;
                seen.add(key);
                const at = r.attrs.get('vmSize')?.at;
                ctx.report({
                  resource: r,
                  attributePath: p.attributePath,
                  location: p.location,
                  related: at ? [{ ...at, label: `size of ${who}` }] : [],
                  message: p.message,
                });
              }
            }
          }
        }
      },
    };
  },
};
export default rule;
