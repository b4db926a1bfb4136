import { defineRule } from '../../src/engine/define-rule.js';
import { RESOURCE_FORMATS } from '../../src/engine/types.js';
import { displayName, policyFindingPlaces } from '../../src/engine/facts.js';
import { evidenceLocation, evidenceText, judgeResource } from '../../src/model/policy-judgement.js';

/** The effects GOV003 reports (auditIfNotExists only when its existence check is decided). */
const AUDIT_EFFECTS = new Set(['audit', 'auditifnotexists']);

export default defineRule({
  meta: {
    id: 'GOV003',
    name: 'org-policy-audit',
    shortDescription: 'A resource that an organisation Azure Policy with effect audit marks as non-compliant.',
    fullDescription:
      'An audit policy does not stop a deployment, but the resource shows up as non-compliant in the organisation\'s compliance reports, and built-in definitions that default to Audit are often assigned as Deny later. This rule evaluates the configured policy definitions (`policies.definitions`, `policies.parameters`, `policies.fromScannedCode`) statically against each resource as Azure receives it, and reports those whose effect is audit (or auditIfNotExists, when whether the related resource exists can be decided from the scanned code) and whose condition holds. Anything the evaluator cannot decide is not reported; `--verbose` lists it.',
    help: 'Change the resource so that the policy condition no longer holds (the finding points at the value the condition read), or record why the exception is accepted.',
    // A graph rule: every resource format, and Azure ML YAML's workspaces and computes.
    formats: [...RESOURCE_FORMATS, 'azureml-yaml'],
    level: 'warning',
    tags: ['governance', 'azure-policy'],
    messages: {
      audit: 'Azure Policy "{{policy}}" ({{effect}}) marks {{type}} "{{name}}" as non-compliant: {{evidence}}; change it so the policy condition does not hold.',
    },
  },
  create(ctx) {
    return {
      graph(g) {
        const set = ctx.policies;
        if (!set || set.definitions.length === 0) return;
        for (const r of g.resources) {
          for (const j of judgeResource(set, r, g.resources) ?? []) {
            if (j.effect === undefined || !AUDIT_EFFECTS.has(j.effect)) continue;
            const attribute = `policy "${j.definition.displayName}"`;
            if (j.result === undefined) {
              ctx.undecided(r, attribute, j.why ?? 'not decidable', evidenceLocation(j));
              continue;
            }
            if (j.result !== true) continue;
            ctx.report({
              resource: r,
              ...policyFindingPlaces(j, r),
              attributePath: `policy:${j.definition.name}`,
              messageId: 'audit',
              data: { policy: j.definition.displayName, effect: j.effect === 'audit' ? 'audit' : 'auditIfNotExists', type: r.sourceType, name: displayName(r), evidence: evidenceText(j) },
            });
          }
        }
      },
    };
  },
});
