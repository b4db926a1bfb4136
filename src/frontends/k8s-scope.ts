/**
 * What a files-only run (pre-commit) must walk for a Kubernetes manifest: K8S001 and K8S002
 * judge a workload against the GPU node pools of the whole scan (RULES.md K8S001: "GPU pool
 * taints come from the scanned infrastructure code"), which a run over the repository finds
 * anywhere in it (`infra/aks.tf` for `k8s/train.yaml`). So for a given manifest that requests
 * a GPU or tolerates a taint, the whole repository is walked (`FrontEnd.filesOnlyFolders`), and
 * every unit before the last stage that may declare an AKS cluster or pool runs (`unitsForFiles`,
 * `mayDeclareAks` below). Read with a pattern before the Kubernetes front end is loaded; a
 * manifest that mentions neither needs no pool.
 */
import path from 'node:path';
import type { FileKind } from '../core/file-kind.js';
import { manifestFile } from '../eval/terraform/manifest.js';
import { GPU_RESOURCE_NAMES, GPU_RESOURCE_PREFIXES } from '../model/facts/k8s.js';
import { AKS_TYPES, givenTextUnlessPlan, planningFact } from './shared.js';
import { declaresAksType } from './terraform.js';
import type { ClassifiedFile, FilesOnlyView, FrontEndContext } from './types.js';

const MANIFEST_NAME = /\.(?:ya?ml|json)$/i;
const POOL_DEPENDENT = new RegExp(`${[...GPU_RESOURCE_NAMES, ...GPU_RESOURCE_PREFIXES].map((n) => n.replace(/[.]/g, '\\.')).join('|')}|tolerations`);

export async function k8sScanFolders(given: readonly string[], wide: FilesOnlyView): Promise<string[]> {
  const needsPools = given.some((f) => {
    if (!MANIFEST_NAME.test(f)) return false;
    const text = givenTextUnlessPlan(wide, f);
    return text !== undefined && POOL_DEPENDENT.test(text);
  });
  return needsPools ? [wide.root] : [];
}

/**
 * What in a file may declare an AKS cluster or node pool — the only resources the Kubernetes
 * rules read of other units (`ScanSummary`: GPU pools and the files that declare AKS) — by kind.
 * A superset read with a pattern: a match only runs a unit a files-only run could have skipped.
 * - IaC: the azurerm resource types and the ARM type (ARM, Bicep, azapi, plan JSON), any case
 *   (`AKS_TYPES`; a `.tf` file's is one of Terraform's planning facts, read with the others).
 *   A Bicep registry module's body comes from a compiled twin (asked as `others` below) or,
 *   with `--bicep-cache`, from outside the scan: then any registry or template-spec module counts.
 * - CI files and scripts: the word `aks` (`az aks create`, `az aks nodepool add`).
 */
const REGISTRY_MODULE = /['"](?:br|ts)[:/]/;
/** By kind: the marker's pattern, or 'terraform' where it is one of Terraform's planning facts (`AKS_TYPES`, read with its other facts about the file). */
const AKS_MARKERS: Partial<Record<FileKind, RegExp | 'terraform'>> = {
  terraform: 'terraform',
  tfvars: 'terraform',
  'tfvars-json': 'terraform',
  'tfplan-json': AKS_TYPES,
  arm: AKS_TYPES,
  'arm-params': AKS_TYPES,
  bicep: AKS_TYPES,
  bicepparam: AKS_TYPES,
  'github-workflow': /\baks\b/i,
  'github-action': /\baks\b/i,
  'azure-pipeline': /\baks\b/i,
  script: /\baks\b/i,
};

/**
 * Whether a unit of work (its files) may give the Kubernetes rules a GPU node pool or an AKS
 * file. A files-only run for a manifest needs the pools of the whole repository, but runs only
 * the units that may declare them: the others cannot change the manifest's findings, and running
 * every unit of a large repository for one staged manifest took seconds to tens of seconds. A
 * Terraform unit whose folder has a `terraform init` module manifest also counts (a registry or
 * Git module's copy, read through it, may declare the cluster).
 */
export function mayDeclareAks(files: readonly ClassifiedFile[], others: readonly string[], ctx: Pick<FrontEndContext, 'host' | 'facts' | 'tfDataDir' | 'bicepCache'>): boolean {
  const marks = (file: string, name: string, marker: RegExp): boolean => planningFact(ctx, `aks-marker-${name}`, file, isBoolean, (text) => marker.test(text)) === true;
  for (const f of files) {
    const marker = AKS_MARKERS[f.kind];
    if (marker === 'terraform' ? declaresAksType(ctx, f.path) : marker !== undefined && marks(f.path, f.kind, marker)) return true;
    if (f.kind === 'bicep' && ctx.bicepCache && marks(f.path, 'bicep-registry', REGISTRY_MODULE)) return true;
  }
  // The files the unit evaluates beside its own (`FrontEnd.evaluatesOthers`): a compiled twin
  // that lends registry modules their body, JSON parameter files.
  if (others.some((f) => marks(f, 'evaluated', AKS_TYPES))) return true;
  return readsModuleManifest(files, ctx);
}

/** Whether a folder of the files' Terraform files has a `terraform init` module manifest: modules read through it may lie anywhere. */
export function readsModuleManifest(files: readonly ClassifiedFile[], ctx: Pick<FrontEndContext, 'host' | 'tfDataDir'>): boolean {
  const terraformDirs = new Set(files.filter((f) => f.kind === 'terraform').map((f) => path.dirname(f.path)));
  return [...terraformDirs].some((d) => ctx.host.isFile(manifestFile(d, ctx.tfDataDir)));
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
