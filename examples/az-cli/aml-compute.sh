#!/usr/bin/env bash
# Creates the Azure ML training clusters from Azure ML CLI v2 YAML (`az ml compute create
# --file`), the way the Azure ML docs do it — with the mistakes mlops-iac-lint finds in the
# YAML such commands read (see README.md).
set -euo pipefail

ENVIRONMENT="dev"
WORKSPACE=mlw-mlops-dev

# The GPU cluster is written by the script itself, then created from that file.
cat > gpu-cluster.yml <<'EOF'
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6
min_instances: 1
max_instances: 4
EOF
az ml compute create --file gpu-cluster.yml --workspace-name "$WORKSPACE" --resource-group rg-mlops-dev

# The shared CPU cluster keeps two warm nodes in its file; this environment overrides that.
az ml compute create --file cpu-cluster.yml -w "$WORKSPACE" -g rg-mlops-dev --set min_instances=0
