/**
 * Azure ML CLI v2 YAML documents (read by `eval/azureml-yaml/`) → canonical `Resource`s
 * through `tables/azureml-yaml.ts`. The YAML's compute instance schedules are read into the
 * ARM shape the AML rules read (`computeStartStop[]` with `action` and `status`), every value
 * keeping where it was written.
 */
import type { AmlYamlDocument } from '../eval/azureml-yaml/document.js';
import { list, obj, type ObjectValue, type Value } from '../core/value.js';
import type { Evaluation, Resource } from './resource.js';
import { AZUREML_YAML_TABLE } from './tables/azureml-yaml.js';
import { normalize } from './normalize.js';
import { valueAt } from './value-path.js';

/** Identity key of a workspace document by name (computes of the same unit reference it). */
export function amlYamlWorkspaceKey(name: string): string {
  return `azureml-yaml:workspace:${name.toLowerCase()}`;
}

/** Reference keys of a value that points at a resource: its token. */
export function amlYamlRefKeys(ref: Value): string[] {
  return ref.kind === 'unknown' && ref.token ? [ref.token] : [];
}

/** `schedules.compute_start_stop[]` (`action`, `state`) in the ARM shape (`computeStartStop[]`: `action`, `status`). */
function armSchedules(schedules: Value | undefined): Value | undefined {
  if (schedules?.kind !== 'object') return schedules;
  const startStop = valueAt(schedules, 'compute_start_stop');
  if (!startStop) return schedules;
  const entries = new Map(schedules.entries);
  const items =
    startStop.kind === 'list'
      ? list(
          startStop.items.map((s) => {
            if (s.kind !== 'object') return s;
            const e = new Map<string, Value>();
            const action = valueAt(s, 'action');
            const state = valueAt(s, 'state');
            if (action) e.set('action', action);
            if (state) e.set('status', state);
            return obj(e, s.origin);
          }),
          startStop.origin,
        )
      : startStop;
  entries.set('computeStartStop', items);
  return { ...schedules, entries };
}

/** The document's name for its address; `#<index>` when it has no known name. */
function displayKey(doc: AmlYamlDocument): string {
  // A name known only as written (`gpu-cluster-${ENV}`, `$CI_NAME`): its text names it, as before it was read as a placeholder.
  if (doc.name?.kind === 'unknown' && doc.name.token) return doc.name.token;
  return doc.name?.kind === 'string' ? doc.name.value : `#${doc.index}`;
}

/** The canonical resource of one document (an address `azureml:<type>/<name>`). */
export function fromAmlYaml(doc: AmlYamlDocument, evaluation: Evaluation): Resource {
  const spec = AZUREML_YAML_TABLE[doc.type];
  let body: ObjectValue = doc.body;
  const schedules = body.entries.get('schedules');
  if (doc.type === 'computeinstance' && schedules) {
    const shaped = armSchedules(schedules);
    if (shaped && shaped !== schedules) body = { ...body, entries: new Map(body.entries).set('schedules', shaped) };
  }
  // Every document is a resource of its own: an identity of its place keeps a compute linked to
  // its folder's workspace from reading as an inline element of it (isInlineElement), which
  // TAG001 and GOV001 skip.
  const identity = doc.type === 'workspace' && doc.name?.kind === 'string' ? [amlYamlWorkspaceKey(doc.name.value)] : [`azureml-yaml:${doc.header.file}#${doc.index}`];
  const [resource] = normalize({
    format: 'azureml-yaml',
    address: `azureml:${doc.type}/${displayKey(doc)}`,
    sourceType: `azureml:${doc.type}`,
    spec,
    header: doc.header,
    body,
    name: doc.name,
    site: (p) => {
      const v = valueAt(body, p);
      return v?.origin;
    },
    identity,
    evaluation,
  });
  return resource!;
}
