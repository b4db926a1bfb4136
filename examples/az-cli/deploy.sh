#!/usr/bin/env bash
# Creates the AKS cluster and its GPU node pool for model training, the way the AKS GPU
# guide does it — with the mistakes mlops-iac-lint finds in az scripts (see README.md).
set -euo pipefail

RESOURCE_GROUP=rg-mlops-dev
CLUSTER=aks-mlops
ENVIRONMENT="dev"
# The "$4,000 typo": a CPU size where the GPU size was meant.
GPU_NODE_SIZE=Standard_D16s_v5

az group create --name "$RESOURCE_GROUP" --location westeurope

az aks create \
  --resource-group "$RESOURCE_GROUP" \
  --name "$CLUSTER" \
  --node-vm-size Standard_D4s_v5 \
  --node-count 2 \
  --generate-ssh-keys \
  --tags cost-center=ml-platform env="$ENVIRONMENT"

# GPU pool: wrong size, no sku=gpu:NoSchedule taint, one node kept running, no cost-center tag.
az aks nodepool add \
  --resource-group "$RESOURCE_GROUP" \
  --cluster-name "$CLUSTER" \
  --name gpu \
  --node-vm-size "$GPU_NODE_SIZE" \
  --enable-cluster-autoscaler \
  --min-count 1 \
  --max-count 3

# Re-running the script is safe: the registry is created only when it does not exist yet.
az acr show --name acrmlopsdev >/dev/null 2>&1 || az acr create \
  --resource-group "$RESOURCE_GROUP" \
  --name acrmlopsdev \
  --sku Standard \
  --admin-enabled true

# Commented out on purpose: creates nothing.
# az keyvault create --name kv-mlops-dev --resource-group "$RESOURCE_GROUP"
