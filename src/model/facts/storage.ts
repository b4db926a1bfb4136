/**
 * Facts about Azure Storage accounts used by the storage rules.
 *
 * Sources:
 * - ARM template reference, Microsoft.Storage/storageAccounts
 *   (https://learn.microsoft.com/azure/templates/microsoft.storage/storageaccounts):
 *   `minimumTlsVersion` `TLS1_0` | `TLS1_1` | `TLS1_2` | `TLS1_3`.
 * - azurerm `azurerm_storage_account`
 *   (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account):
 *   `min_tls_version` uses the same spellings, default `TLS1_2`.
 * - "Enforce a minimum required version of TLS for requests to a storage account"
 *   (https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version):
 *   TLS 1.0 and 1.1 are retired; RFC 8996 deprecates them.
 */

/** The minimum TLS versions a storage account accepts, oldest first. */
export const TLS_VERSIONS = ['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'] as const;

/** The lowest version that is not deprecated. */
export const MIN_SAFE_TLS = 'TLS1_2';

/** True when `version` is a known spelling ordered before TLS1_2 (case-insensitive); unknown spellings are not judged. */
export function isTlsBelow12(version: string): boolean {
  const i = TLS_VERSIONS.findIndex((v) => v.toLowerCase() === version.toLowerCase());
  return i >= 0 && i < TLS_VERSIONS.indexOf(MIN_SAFE_TLS);
}

/*
 * Anonymous access to blob containers.
 *
 * Sources:
 * - "Configure anonymous read access for containers and blobs"
 *   (https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure): a
 *   container's access level is private (no anonymous access), `Blob` (anonymous read of
 *   blobs) or `Container` (anonymous read and list); it takes effect only when the account
 *   allows anonymous access (`allowBlobPublicAccess`).
 * - ARM template reference, Microsoft.Storage/storageAccounts/blobServices/containers:
 *   `properties.publicAccess` `None` | `Blob` | `Container`.
 * - azurerm `azurerm_storage_container`
 *   (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container):
 *   `container_access_type` `blob` | `container` | `private`, default `private`.
 * - az storage container create (https://learn.microsoft.com/cli/azure/storage/container):
 *   `--public-access {blob, container, off}`; "Containers are private by default".
 */

/** The container access levels that allow anonymous reads (ARM and azurerm spellings, compared case-insensitively). */
export const PUBLIC_CONTAINER_ACCESS = ['blob', 'container'] as const;

/** True when a container access level lets anyone read without credentials. */
export function isPublicContainerAccess(level: string): boolean {
  return (PUBLIC_CONTAINER_ACCESS as readonly string[]).includes(level.toLowerCase());
}

/** The private access level, as each format spells it (for the fix in messages). */
export const PRIVATE_CONTAINER_ACCESS = { terraform: 'private', arm: 'None', 'azure-cli': 'off' } as const;
