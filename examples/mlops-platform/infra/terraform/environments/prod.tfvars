environment           = "prod"
location              = "westeurope"
training_cluster_size = "Standard_NC48ads_A100_v4"
