/**
 * Facts about Azure Key Vault used by the Key Vault rules.
 *
 * Sources:
 * - "Azure RBAC vs. access policies"
 *   (https://learn.microsoft.com/azure/key-vault/general/rbac-access-policy): with the
 *   access-policy model, a principal with the vault write permission (Contributor) can grant
 *   itself data-plane access by adding an access policy.
 * - ARM template reference, Microsoft.KeyVault/vaults
 *   (https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults):
 *   `enableRbacAuthorization`, `enablePurgeProtection`, `accessPolicies`.
 * - "Prepare for Key Vault API version 2026-02-01 and later: Azure RBAC as default access
 *   control" (https://learn.microsoft.com/azure/key-vault/general/access-control-default):
 *   "When you create a new vault with API version 2026-02-01 or later, the default access
 *   control model is Azure RBAC (enableRbacAuthorization = true)"; older API versions leave
 *   it null, which means access policies. The azurerm provider sends its own default, false
 *   (registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault).
 * - ARM template reference, Microsoft.KeyVault/vaults/accessPolicies
 *   (https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/accesspolicies):
 *   the child's name is the operation, "'add' 'remove' 'replace'"; `properties.accessPolicies`
 *   the entries it adds, replaces or removes.
 */

/** The first Key Vault API version that creates vaults with Azure RBAC when `enableRbacAuthorization` is absent. */
export const RBAC_DEFAULT_API_VERSION = '2026-02-01';

/** The management-plane permission that lets a holder add access policies to a vault. */
export const VAULT_WRITE_PERMISSION = 'Microsoft.KeyVault/vaults/write';
/** A built-in role that grants reading secrets under RBAC authorization. */
export const SECRETS_READER_ROLE = 'Key Vault Secrets User';

/** The `vaults/accessPolicies` operation that takes entries away (it declares no access policy). */
export const REMOVE_OPERATION = 'remove';
