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

/**
 * Types that write an initiative (policy set definition), which `policies.fromScannedCode` does
 * not read (RULES.md: definitions from the code): a `policies.parameters` key naming one is told
 * so. Sources: ARM template reference "Microsoft.Authorization policySetDefinitions"
 * (https://learn.microsoft.com/azure/templates/microsoft.authorization/policysetdefinitions),
 * azurerm `azurerm_policy_set_definition` and `azurerm_management_group_policy_set_definition`
 * (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/policy_set_definition).
 */
export const POLICY_SET_DEFINITION_ARM_TYPE = 'microsoft.authorization/policysetdefinitions';
export const POLICY_SET_DEFINITION_AZURERM_TYPES: readonly string[] = ['azurerm_policy_set_definition', 'azurerm_management_group_policy_set_definition'];
