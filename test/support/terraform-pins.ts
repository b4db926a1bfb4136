/** A `versions.tf` that constrains the azurerm provider to `version` (`~> 3.85`, `= 2.99.0`): for cases that depend on the provider version. */
export function azurermPinned(version: string): string {
  return `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "${version}"
    }
  }
}
`;
}
