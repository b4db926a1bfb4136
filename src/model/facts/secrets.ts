/**
 * Facts about how Azure code writes secrets and references to them (SEC001).
 *
 * Sources:
 * - Key Vault REST reference, "Access policy permissions"
 *   (https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/create-or-update#permissions):
 *   the key, secret, certificate and storage permissions an access policy grants
 *   (ARM `accessPolicies[].permissions`, azurerm `secret_permissions`, …).
 * - "Use Key Vault references as app settings in App Service and Azure Functions"
 *   (https://learn.microsoft.com/azure/app-service/app-service-key-vault-references):
 *   `@Microsoft.KeyVault(SecretUri=…)` / `@Microsoft.KeyVault(VaultName=…;SecretName=…)`.
 * - "About Azure Key Vault secrets" (https://learn.microsoft.com/azure/key-vault/secrets/about-secrets):
 *   secret identifiers are `https://<vault>.vault.azure.net/secrets/<name>[/<version>]`
 *   (`vault.azure.cn`, `vault.usgovcloudapi.net` in sovereign clouds; `.us` for Azure
 *   Government DoD).
 * - azurerm `azurerm_key_vault_secret` data source
 *   (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/data-sources/key_vault_secret).
 * - Azure Quickstart Templates contribution guide
 *   (https://github.com/Azure/azure-quickstart-templates/blob/master/1-CONTRIBUTION-GUIDE/best-practices.md):
 *   `GEN-PASSWORD`, `GEN-UNIQUE`, … are placeholders the repository's CI replaces.
 */

/** Key Vault access-policy permission names, lower-case. */
export const KEY_VAULT_PERMISSIONS: ReadonlySet<string> = new Set([
  'all', 'get', 'list', 'set', 'delete', 'backup', 'restore', 'recover', 'purge', 'encrypt', 'decrypt', 'wrapkey',
  'unwrapkey', 'sign', 'verify', 'import', 'update', 'create', 'managecontacts', 'getissuers', 'listissuers',
  'setissuers', 'deleteissuers', 'manageissuers', 'rotate', 'getrotationpolicy', 'setrotationpolicy', 'release',
  'deletesas', 'getsas', 'listsas', 'regeneratekey', 'setsas',
]);

export function isKeyVaultPermission(name: string): boolean {
  return KEY_VAULT_PERMISSIONS.has(name.toLowerCase());
}

/** An App Service / Functions Key Vault reference, or a Key Vault secret URI: names a secret, is not one. */
export function isKeyVaultReference(text: string): boolean {
  const t = text.trim();
  return /^@Microsoft\.KeyVault\(/i.test(t) || /^https:\/\/[^/]+\.vault\.azure\.(net|cn|us)\//i.test(t);
}

/**
 * Template-skeleton and sample-repository markers: ARM reference skeletons write the type
 * name (`"string"`) in every field; the Azure quickstart templates use `GEN-PASSWORD`,
 * `GEN-UNIQUE`, … which their CI replaces before deployment.
 */
export function isTemplateSkeletonValue(text: string): boolean {
  return /^(?:string|securestring|secureString|GEN-[A-Z0-9-]+)$/.test(text.trim());
}

/** The Terraform data source that reads a Key Vault secret at plan time (for help texts). */
export const KEY_VAULT_SECRET_DATA_SOURCE = 'azurerm_key_vault_secret';

/**
 * Resources that are themselves a secret's name/value pair, written into Key Vault: the
 * azurerm resource (registry.terraform.io/providers/hashicorp/azurerm, "azurerm_key_vault_secret":
 * `value`, or `value_wo`, "the write-only value of the Key Vault Secret", azurerm 4.x with
 * Terraform 1.11+). SEC001 names its attribute and type, and does not send the user to Key Vault.
 */
export const SECRET_VALUE_RESOURCES: ReadonlySet<string> = new Set([KEY_VAULT_SECRET_DATA_SOURCE]);
