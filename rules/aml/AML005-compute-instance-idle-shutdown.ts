import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import type { Value } from '../../src/core/value.js';
import { amlComputeType, displayName, known } from '../../src/engine/facts.js';
import { valueAt } from '../../src/model/normalize.js';

/** `yes` when a stop schedule is known, `no` when known absent, `unknown` otherwise. */
function hasStopSchedule(schedules: Value | undefined): 'yes' | 'no' | 'unknown' {
  if (!schedules) return 'no';
  if (schedules.kind === 'unknown') return 'unknown';
  const list = valueAt(schedules, 'computeStartStop');
  if (!list) return 'no';
  if (list.kind === 'unknown') return 'unknown';
  if (list.kind !== 'list') return 'unknown';
  let unknown = false;
  for (const s of list.items) {
    if (s.kind === 'unknown') {
      unknown = true;
      continue;
    }
    const action = valueAt(s, 'action');
    const status = valueAt(s, 'status');
    if (!action || action.kind === 'unknown' || status?.kind === 'unknown') {
      unknown = true;
      continue;
    }
    // A schedule whose status is Disabled stops nothing.
    if (status?.kind === 'string' && status.value.toLowerCase() === 'disabled') continue;
    if (action.kind === 'string' && action.value.toLowerCase() === 'stop') return 'yes';
  }
  return unknown ? 'unknown' : 'no';
}

/** `yes` / `no` / `unknown`: idle shutdown configured. */
function idleShutdown(c: Resource): 'yes' | 'no' | 'unknown' {
  const idle = c.attrs.get('idleTimeBeforeShutdown')?.value;
  if (idle?.kind === 'unknown') return 'unknown';
  if (idle && !(idle.kind === 'string' && idle.value.trim() === '') && idle.kind !== 'null') return 'yes';
  return hasStopSchedule(c.attrs.get('schedules')?.value);
}

const rule: Rule = {
  meta: {
    id: 'AML005',
    name: 'compute-instance-idle-shutdown',
    shortDescription: 'AML compute instance without idle shutdown or a stop schedule.',
    fullDescription:
      'A compute instance bills for its VM whenever it is running, whether or not anyone uses it. Without idle shutdown (`idleTimeBeforeShutdown`) or a stop schedule, an instance left on after a working day runs all night and every weekend: a Standard_NC24ads_A100_v4 instance forgotten for a month costs several thousand dollars.',
    help: 'Set properties.properties.idleTimeBeforeShutdown (e.g. "PT60M") or a schedules.computeStartStop entry with action "Stop". azurerm_machine_learning_compute_instance cannot express either: create the instance with azapi_resource (Microsoft.MachineLearningServices/workspaces/computes) instead.',
    level: 'warning',
    tags: ['cost', 'aml'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML005-compute-instance-idle-shutdown.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind('ml.compute')) {
          if (amlComputeType(c) !== 'instance') continue;
          if (c.format === 'terraform') {
            ctx.report({
              resource: c,
              attributePath: 'idleTimeBeforeShutdown',
              location: c.header,
              level: 'note',
              message: `AML compute instance "${displayName(c)}" has no idle shutdown: azurerm_machine_learning_compute_instance cannot set one, so it bills until stopped by hand; define it with azapi_resource and set idleTimeBeforeShutdown or a stop schedule.`,
            });
            continue;
          }
          if (idleShutdown(c) !== 'no') continue;
          const hasSchedules = known(c, 'schedules') !== undefined;
          ctx.report({
            resource: c,
            attributePath: 'idleTimeBeforeShutdown',
            location: c.header,
            related: hasSchedules && c.attrs.get('schedules')?.at ? [{ ...c.attrs.get('schedules')!.at!, label: 'schedules without a Stop action' }] : [],
            message: `AML compute instance "${displayName(c)}" has no idle shutdown (no properties.idleTimeBeforeShutdown and no computeStartStop schedule with action Stop), so it bills until stopped by hand; set idleTimeBeforeShutdown (e.g. "PT60M") or a stop schedule.`,
          });
        }
      },
    };
  },
};
export default rule;
