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
 *   `enableRbacAuthorization`, `enablePurgeProtection`.
 */

/** The management-plane permission that lets a holder add access policies to a vault. */
export const VAULT_WRITE_PERMISSION = 'Microsoft.KeyVault/vaults/write';
/** A built-in role that grants reading secrets under RBAC authorization. */
export const SECRETS_READER_ROLE = 'Key Vault Secrets User';
