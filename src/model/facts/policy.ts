/**
 * The resource types that write an Azure Policy definition in infrastructure code, read with
 * `policies.fromScannedCode` (model/policy.ts `definitionsInCode`). Kept apart from the policy
 * set builder so that planning (a files-only run's search for them, frontends/policy-scope.ts)
 * can name them without loading the evaluator.
 *
 * Sources: ARM template reference "Microsoft.Authorization policyDefinitions"
 * (https://learn.microsoft.com/azure/templates/microsoft.authorization/policydefinitions; also
 * what Bicep and azapi write), azurerm `azurerm_policy_definition`
 * (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/policy_definition).
 */

/** ARM type of a policy definition (ARM, Bicep, azapi), lower case. */
export const POLICY_DEFINITION_ARM_TYPE = 'microsoft.authorization/policydefinitions';
/** azurerm type of a policy definition. */
export const POLICY_DEFINITION_AZURERM_TYPE = 'azurerm_policy_definition';
