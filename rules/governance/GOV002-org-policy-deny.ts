import { defineRule } from '../../src/engine/define-rule.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import { displayName, policyFindingPlaces } from '../../src/engine/facts.js';
import { evidenceLocation, evidenceText, judgeResource } from '../../src/model/policy-judgement.js';

export default defineRule({
  meta: {
    id: 'GOV002',
    name: 'org-policy-deny',
    shortDescription: 'A resource that an organisation Azure Policy with effect deny would reject.',
    fullDescription:
      'Platform teams enforce their rules with Azure Policy, and a developer learns about a deny only when the deployment fails with RequestDisallowedByPolicy, minutes into a pipeline and after the pull request has merged. This rule evaluates the policy definitions configured in `policies.definitions` (and, with `policies.fromScannedCode`, those written in the scanned code) statically against each resource as Azure receives it: ARM, Bicep and azapi bodies as written, azurerm resources as the provider sends them. A definition whose effect, after the assignment parameters in `policies.parameters` (else its defaultValue), is deny and whose condition holds is a deployment that will be rejected. Anything the evaluator cannot decide (an alias outside its table, an unknown value, an unsupported function) is not reported; `--verbose` lists it.',
    help: 'Change the resource so that the policy condition no longer holds (the finding points at the value the condition read), or ask the platform team for an exemption. Configure the definitions with `policies.definitions` and their assignment parameters with `policies.parameters`.',
    // A graph rule: every resource format, and Azure ML YAML's workspaces and computes.
    formats: [...RESOURCE_FORMATS, 'azureml-yaml'],
    level: 'error',
    tags: ['governance', 'azure-policy'],
    messages: {
      deny: 'Azure Policy "{{policy}}" (deny) rejects {{type}} "{{name}}": {{evidence}}; change it so the policy condition does not hold (RequestDisallowedByPolicy).',
    },
  },
  create(ctx) {
    return {
      graph(g) {
        const set = ctx.policies;
        if (!set || set.definitions.length === 0) return;
        for (const r of g.resources) {
          for (const j of judgeResource(set, r, g.resources) ?? []) {
            // An effect that is not known may be deny: GOV002 says it could not decide.
            if (j.effect !== undefined && j.effect !== 'deny') continue;
            const attribute = `policy "${j.definition.displayName}"`;
            if (j.result === undefined || (j.result === true && j.effect === undefined)) {
              ctx.undecided(r, attribute, j.why ?? 'the effect is not known', evidenceLocation(j));
              continue;
            }
            if (j.result !== true) continue;
            ctx.report({
              resource: r,
              ...policyFindingPlaces(j, r),
              attributePath: `policy:${j.definition.name}`,
              messageId: 'deny',
              data: { policy: j.definition.displayName, type: r.sourceType, name: displayName(r), evidence: evidenceText(j) },
            });
          }
        }
      },
    };
  },
});
