/**
 * `azapi_update_resource`: patches properties of a resource another block creates, the usual
 * way to set what azurerm cannot express (`idleTimeBeforeShutdown` on an
 * `azurerm_machine_learning_compute_instance`, hashicorp/terraform-provider-azurerm#20973) or to
 * switch a setting after creation (`publicNetworkAccess = "Disabled"` on a workspace). The
 * provider sends the `body` as a PATCH-like update of the resource `resource_id` names
 * ("This resource can manage a subset of any existing Azure resource manager resource's
 * properties", registry.terraform.io/providers/Azure/azapi/latest/docs/resources/update_resource).
 *
 * Each property the update writes replaces the target's attribute (located in the update, where
 * the value is written); what it does not write stays as the target says. An update whose body
 * is not known makes every patchable attribute of its target unknown (never a finding).
 * Only a `resource_id` that references a resource of the same evaluation is followed.
 */
import type { TerraformResourceShape } from './from-terraform.js';
import type { Fact, Resource } from './resource.js';
import { fromTerraform } from './from-terraform.js';
import { isInlineElement } from './normalize.js';

/** Attributes that say what a resource is, not how it is configured: an update does not change them. */
const NOT_PATCHED = new Set(['name', 'location', 'computeType', 'computeTypeRaw', 'isDefault', 'inline']);

const UPDATE_TYPE = 'azapi_update_resource';

/** Applies every `azapi_update_resource` of one evaluation to the resources it targets (in place); returns `resources`. */
export function applyAzapiUpdates<R extends readonly Resource[]>(shapes: readonly TerraformResourceShape[], resources: R): R {
  for (const u of shapes) {
    if (u.type !== UPDATE_TYPE) continue;
    const id = u.body.entries.get('resource_id');
    const token = id?.kind === 'unknown' ? id.token : undefined;
    if (!token) continue;
    const targets = resources.filter((r) => r.identity.includes(token) && !isInlineElement(r));
    const first = targets[0];
    if (!first) continue;
    // The update's body read as the ARM shape of its `type`, as an azapi_resource of that type would be.
    const patch = fromTerraform({ ...u, type: 'azapi_resource' }, first.evaluation)[0];
    if (!patch || patch.kind === 'other') continue;
    for (const t of targets) if (t.kind === patch.kind) applyPatch(t, patch);
  }
  return resources;
}

function applyPatch(target: Resource, patch: Resource): void {
  for (const [attr, fact] of patch.attrs) {
    if (NOT_PATCHED.has(attr) || !written(fact)) continue;
    target.attrs.set(attr, fact);
  }
}

/** Written by the update (known or unknown), not a default of the ARM table. */
function written(f: Fact): boolean {
  return !f.defaulted && f.value !== undefined;
}
