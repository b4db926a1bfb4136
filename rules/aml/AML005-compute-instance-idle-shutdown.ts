import type { Value } from '../../src/core/value.js';
import type { Fact } from '../../src/model/resource.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { amlComputeTypeOf, displayName, whereWritten } from '../../src/engine/facts.js';
import { DISABLED_STATUS, IDLE_SHUTDOWN_EXAMPLE, START_STOP_SCHEDULES, STOP_ACTION, startStopSchedulesKey } from '../../src/model/facts/aml.js';
import { valueAt } from '../../src/model/value-path.js';

/** Whether a stop schedule is configured; `unknown` carries why (an unknown schedule entry). */
type Answer = { is: 'yes' | 'no' } | { is: 'unknown'; reason: string };

/** Reads `schedules.computeStartStop[]` for an enabled entry with action Stop. */
function stopSchedule(schedules: Value | undefined): Answer {
  if (!schedules) return { is: 'no' };
  const list = valueAt(schedules, START_STOP_SCHEDULES);
  if (!list) return { is: 'no' };
  if (list.kind === 'unknown') return { is: 'unknown', reason: list.reason };
  if (list.kind !== 'list') return { is: 'unknown', reason: `${START_STOP_SCHEDULES} is not a list` };
  let unknown: string | undefined;
  for (const s of list.items) {
    if (s.kind === 'unknown') {
      unknown ??= s.reason;
      continue;
    }
    const action = valueAt(s, 'action');
    const status = valueAt(s, 'status');
    if (!action || action.kind === 'unknown' || status?.kind === 'unknown') {
      unknown ??= action?.kind === 'unknown' ? action.reason : status?.kind === 'unknown' ? status.reason : 'a schedule without an action';
      continue;
    }
    // A schedule whose status is Disabled stops nothing.
    if (status?.kind === 'string' && status.value.toLowerCase() === DISABLED_STATUS) continue;
    if (action.kind === 'string' && action.value.toLowerCase() === STOP_ACTION) return { is: 'yes' };
  }
  return unknown === undefined ? { is: 'no' } : { is: 'unknown', reason: unknown };
}

/**
 * The related place's words for schedules that stop nothing: a `schedules` value without the list
 * Azure reads (an older shape, `schedules: [{ type: 'RecurrenceStop' }]`) says where it must be.
 */
function scheduleLabel(schedules: Value, listKey: string): string {
  if ((schedules.kind === 'object' && schedules.entries.size === 0) || (schedules.kind === 'list' && schedules.items.length === 0)) return 'schedules, empty';
  return valueAt(schedules, START_STOP_SCHEDULES) === undefined ? `schedules without a ${listKey} list, the one Azure reads stop schedules from` : 'schedules without an enabled Stop action';
}

/** Written on the resource (an azurerm instance: only by an azapi_update_resource). */
function patched(f: Fact | undefined): boolean {
  return f !== undefined && !f.defaulted && f.value !== undefined;
}

export default defineRule({
  meta: {
    id: 'AML005',
    name: 'compute-instance-idle-shutdown',
    shortDescription: 'AML compute instance without idle shutdown or a stop schedule.',
    fullDescription:
      'A compute instance bills for its VM whenever it is running, whether or not anyone uses it. Without idle shutdown (`idleTimeBeforeShutdown`) or a stop schedule, an instance left on after a working day runs all night and every weekend: an NC24ads_A100_v4 GPU instance forgotten for a month costs several thousand dollars.',
    help: 'Set properties.properties.idleTimeBeforeShutdown (e.g. "PT60M") or a schedules.computeStartStop entry with action "Stop" (Azure ML YAML: idle_time_before_shutdown, or a schedules.compute_start_stop entry). The azurerm compute instance resource cannot express either: create the instance with azapi_resource (the ARM type workspaces/computes of the Machine Learning provider) instead.',
    level: 'warning',
    tags: ['cost', 'aml'],
    messages: {
      azurermCannotSet:
        'AML compute instance "{{name}}" has no idle shutdown because {{type}} cannot set one, so it bills until stopped by hand; define it with azapi_resource and set idleTimeBeforeShutdown or a stop schedule.',
      noIdleShutdown:
        'AML compute instance "{{name}}" has no idle shutdown ({{state}} and no enabled Stop schedule in {{schedules}}), so it bills until stopped by hand; set {{attribute}} (e.g. "{{example}}") or a stop schedule.',
    },
  },
  create(ctx) {
    return {
      'ml.compute'(c) {
        if (amlComputeTypeOf(ctx, c) !== 'instance') return;
        // The finding is about the instance (neither attribute is written): it points at the header,
        // unless an empty idle time is written (below).
        const about = { resource: c, attributePath: 'idleTimeBeforeShutdown' };
        // azurerm cannot write either setting; an azapi_update_resource of the instance can
        // (src/model/azapi-update.ts): then it is judged as ARM writes it.
        if (c.format === 'terraform' && !patched(c.attrs.get('idleTimeBeforeShutdown')) && !patched(c.attrs.get('schedules'))) {
          ctx.report({ ...about, level: 'note', messageId: 'azurermCannotSet', data: { name: displayName(c), type: c.sourceType } });
          return;
        }
        const idle = ctx.fact(c, 'idleTimeBeforeShutdown');
        if (idle.state === 'unknown') return;
        const v = idle.value;
        if (v && !(v.kind === 'string' && v.value.trim() === '') && v.kind !== 'null') return; // idle shutdown set
        const schedules = ctx.fact(c, 'schedules');
        if (schedules.state === 'unknown') return;
        const stop = stopSchedule(schedules.value);
        if (stop.is === 'unknown') ctx.undecided(c, 'schedules', stop.reason);
        if (stop.is !== 'no') return;
        // An empty idleTimeBeforeShutdown is an offending value that is written (a literal, a
        // parameter default, a YAML key): the finding points where it is written. Absent or null:
        // the header, unless a conditional that an input decided chose the `null` (RULES.md
        // "Values chosen by a condition": that input; `factLocations`).
        const empty = v?.kind === 'string';
        // An `az` command's keys are `--set` paths: named as keys, the fix says how to pass one
        // ("--set idle_time_before_shutdown is not set; set --set …" read badly: review 105).
        const viaSet = (p: string): string => p.replace(/^--set /, '');
        const bySet = idle.sourcePath.startsWith('--set ');
        ctx.report({
          ...about,
          attr: 'idleTimeBeforeShutdown',
          related: schedules.value ? [{ ...whereWritten(c, 'schedules'), label: scheduleLabel(schedules.value, startStopSchedulesKey(c.format)) }] : [],
          messageId: 'noIdleShutdown',
          data: {
            name: displayName(c),
            state: empty ? `${viaSet(idle.sourcePath)} is empty` : bySet ? `${viaSet(idle.sourcePath)} is not set` : idle.describe(),
            // The keys as this format writes them (Azure ML YAML: idle_time_before_shutdown, schedules.compute_start_stop).
            attribute: bySet ? `${viaSet(idle.sourcePath)} with --set` : idle.sourcePath,
            schedules: `${viaSet(schedules.sourcePath)}.${startStopSchedulesKey(c.format)}`,
            example: IDLE_SHUTDOWN_EXAMPLE,
          },
        });
      },
    };
  },
});
