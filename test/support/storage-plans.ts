/**
 * A plan JSON of one `azurerm_storage_account` made by an azurerm v2-era provider (Terraform
 * 0.12, format 0.1; as terraform-compliance's test_any_match_regex/plan.out.json): its `after`
 * has every attribute of that provider's schema, and neither `allow_nested_items_to_be_public`,
 * `allow_blob_public_access` nor `min_tls_version`. `extra` adds members to `after` as JSON text
 * (markers allowed); `marked` wraps the resource change in `⟦ ⟧` (a finding located there).
 */
export function oldProviderStoragePlan(extra = '', marked = false): string {
  const after = [
    '"account_kind": "StorageV2"',
    '"account_replication_type": "LRS"',
    '"account_tier": "Standard"',
    '"custom_domain": []',
    '"enable_https_traffic_only": true',
    '"is_hns_enabled": false',
    '"location": "westeurope"',
    '"name": "storageaccountname"',
    '"network_rules": []',
    '"resource_group_name": "rg"',
    '"static_website": []',
    '"tags": {}',
    '"timeouts": null',
    ...(extra ? [extra] : []),
  ].join(', ');
  const change = `{"address": "azurerm_storage_account.example", "mode": "managed", "type": "azurerm_storage_account", "name": "example", "provider_name": "azurerm", "change": {"actions": ["create"], "before": null, "after": {${after}}, "after_unknown": {"id": true, "access_tier": true, "primary_blob_endpoint": true}}}`;
  return `{"format_version": "0.1", "terraform_version": "0.12.25", "planned_values": {"root_module": {}}, "resource_changes": [${marked ? `⟦${change}⟧` : change}]}\n`;
}
