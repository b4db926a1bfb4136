resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/resourceGroups/rg-ml/providers/Microsoft.Insights/components/appi"
  key_vault_id            = "/subscriptions/x/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/x/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/st"
  # public_network_access_enabled is not set: azurerm sends publicNetworkAccess = "Enabled"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_linux_virtual_machine" "train" {
  name                  = "vm-train"
  resource_group_name   = "rg-ml"
  location              = "westeurope"
  size                  = "Standard_NC24ads_A100_v4"
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/x/resourceGroups/rg-ml/providers/Microsoft.Network/networkInterfaces/nic"]
  tags                  = { owner = "ml-team" }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}
