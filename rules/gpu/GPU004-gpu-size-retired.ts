import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { FindingsByPlace } from '../../src/engine/findings-by-place.js';
import { attributeSite, displayName, inputsFeeding } from '../../src/engine/facts.js';
import { allValidationsAdmit, memberGuardOf } from '../../src/engine/guards.js';
import type { Graph } from '../../src/engine/types.js';
import type { InputDecl, Resource } from '../../src/model/resource.js';
import type { SizedKind } from '../../src/model/kinds.js';
import { retiredSeriesOf, retirementState, RETIRING_WINDOW_MONTHS, type RetiredGpuSeries } from '../../src/model/facts/gpu-retirement.js';
import { EXAMPLE_SIZES, workloadName } from '../../src/model/facts/gpu.js';

/** A size that belongs to a retired or retiring series on the scan date, with its series and level. */
interface Hit {
  row: RetiredGpuSeries;
  retired: boolean;
}

/**
 * The guard entries of an input that admit the size they name: ARM/Bicep `allowedValues` (for
 * an object or array parameter, those of the member that holds the workload's `size`: a Bicep
 * type's literal union, an ARM type definition's allowedValues), and the `contains([...], var.x)`
 * list entries of Terraform validations that (all together) admit that size — a
 * `!contains([...])` deny list admits none. Regexes are GPU002's business.
 */
function admittingEntries(input: InputDecl, size: Value | undefined): { entries: Value[]; guard: string } {
  if (input.kind === 'tf-variable') {
    const vs = input.validations ?? [];
    const entries = vs.flatMap((v) => v.allowed).filter((e) => e.kind === 'string' && allValidationsAdmit(vs, e.value) === true);
    return { entries, guard: 'its validation' };
  }
  const member = memberGuardOf(input, size);
  if (member) {
    const entries = member.allowed !== undefined && member.allowed !== 'unknown' ? member.allowed.values : [];
    return { entries, guard: input.kind === 'bicep-param' ? 'its type' : 'its allowedValues' };
  }
  const guard = input.allowedFrom === 'type' ? 'its type' : input.kind === 'bicep-param' ? 'its @allowed list' : 'its allowedValues';
  return { entries: input.allowedValues ?? [], guard };
}

export default defineRule({
  meta: {
    id: 'GPU004',
    name: 'gpu-size-retired',
    shortDescription: 'A node pool, AML compute, VM or scale set uses a GPU size of a retired or retiring series.',
    fullDescription: `Azure retires old GPU series on a fixed date (NC, NCv2, ND and NV on 2023-09-06, NCv3 on 2025-09-30, NVv3 and NVv4 on 2026-09-30). After it, the size cannot be deployed and remaining VMs are deallocated: a pipeline that creates a ${EXAMPLE_SIZES.retired} cluster fails, and a pool that relies on it stops. Sizes match exactly — a newer size of the same letters (${EXAMPLE_SIZES.gpuMeant}) is not affected. A size retiring within ${RETIRING_WINDOW_MONTHS} months is a warning, so the move can be planned.`,
    help: 'Replace the size with a current GPU series (NCasT4_v3, NC A100 v4, NCads H100 v5 for compute; NVadsA10 v5 for visualization) and remove retired sizes from allowedValues / @allowed / validation lists. The message names the Microsoft Learn page of the retirement.',
    level: 'error',
    tags: ['reliability', 'cost', 'gpu'],
    messages: {
      retired:
        '{{workload}} "{{name}}" uses size "{{size}}" of the {{series}} series, which Azure retired on {{date}}, so it can no longer be deployed; set {{attribute}} to a current GPU size ({{source}}).',
      retiring:
        '{{workload}} "{{name}}" uses size "{{size}}" of the {{series}} series, which Azure retires on {{date}}; set {{attribute}} to a current GPU size before then ({{source}}).',
      guardRetired:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" and {{guard}} admits "{{size}}" of the {{series}} series, which Azure retired on {{date}}; remove it ({{source}}).',
      guardRetiring:
        '{{declared}} "{{input}}" sets the size of {{workload}} "{{name}}" and {{guard}} admits "{{size}}" of the {{series}} series, which Azure retires on {{date}}; replace it with a current GPU size ({{source}}).',
    },
  },
  create(ctx) {
    /**
     * Guard entries of the graph (one evaluation) being checked, by place: several workloads can
     * share one input, and the entry is one finding whose related locations name every size it
     * sets (RULES.md merges "the same rule, resource and primary location"; the graph hook, which
     * runs after the kind hooks, reports them). Kept per graph, so each variant reports the entry
     * and the finding lists every variant (RULES.md "Variants").
     */
    const guardFindings = new FindingsByPlace<Parameters<typeof ctx.report>[0]['messageId']>();
    const hitOf = (size: string): Hit | undefined => {
      const row = retiredSeriesOf(size);
      if (!row) return undefined;
      const state = retirementState(row, ctx.today);
      return state === 'later' ? undefined : { row, retired: state === 'retired' };
    };
    const rowData = (row: RetiredGpuSeries): Record<string, string> => ({ series: row.series, date: row.retires, source: row.source });

    /** The resource's own size, when it belongs to a retired or retiring series; `workload` starts the message. */
    const checkSize = (r: Resource<SizedKind | 'kaito.workspace'>, workload: string): void => {
      const size = ctx.fact(r, 'vmSize');
      const s = size.string();
      const hit = s === undefined ? undefined : hitOf(s);
      if (!hit || s === undefined) return;
      ctx.report({
        resource: r,
        attr: 'vmSize',
        level: hit.retired ? 'error' : 'warning',
        messageId: hit.retired ? 'retired' : 'retiring',
        data: { workload, name: displayName(r), size: s, attribute: size.sourcePath, ...rowData(hit.row) },
      });
    };

    const check = (r: Resource<SizedKind>, g: Graph): void => {
      const who = { workload: workloadName(r.kind), name: displayName(r) };
      checkSize(r, workloadName(r.kind, true));
      // RULES.md GPU004: a guard entry that admits a retired size is reported at that entry.
      const at = attributeSite(r, 'vmSize');
      const sizeAt: Location[] = at ? [{ ...at, label: `size of ${who.workload} "${who.name}"` }] : [];
      for (const input of inputsFeeding(r, 'vmSize', g.evaluation.inputs)) {
        const { entries, guard } = admittingEntries(input, r.attrs.get('vmSize')?.value);
        for (const e of entries) {
          if (e.kind !== 'string' || !e.origin) continue;
          const h = hitOf(e.value);
          if (!h) continue;
          guardFindings.add({
            // About the input, not one workload: variants whose first workload differs (a pool
            // behind a false condition in dev) still report the entry once, every variant listed.
            subject: `${input.kind}:${input.name}`,
            env: g.evaluation.env,
            attributePath: `${input.name}.${input.kind === 'tf-variable' ? 'validation' : 'allowedValues'}`,
            location: e.origin,
            related: [...sizeAt],
            level: h.retired ? 'error' : 'warning',
            messageId: h.retired ? 'guardRetired' : 'guardRetiring',
            data: {
              ...who,
              declared: input.kind === 'tf-variable' ? 'Terraform variable' : 'Parameter',
              input: input.name,
              guard,
              size: e.value,
              ...rowData(h.row),
            },
          });
        }
      }
    };
    /** A KAITO Workspace/RAGEngine: its provisioner creates GPU nodes of `resource.instanceType` (no guards: a manifest has no inputs). */
    const checkKaito = (r: Resource<'kaito.workspace'>): void => checkSize(r, `KAITO ${r.sourceType.split('/').pop()!}`);
    const reportGuards = (): void => {
      guardFindings.flush((d) => ctx.report(d));
    };
    return { 'aks.nodepool': check, 'ml.compute': check, vm: check, vmss: check, 'kaito.workspace': checkKaito, graph: reportGuards };
  },
});
