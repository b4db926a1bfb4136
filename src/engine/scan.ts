/**
 * Cross-file questions about a whole scan (`RuleContext.scan`). Today they are answered by
 * walking every evaluated graph once, on first use, for all rules together; each question is
 * one named accessor so that it can become a per-unit summary merged across units.
 */
import path from 'node:path';
import type { Value } from '../core/value.js';
import type { Resource } from '../model/resource.js';
import { gpuIntent, isAmdGpuSize, isGpuSize } from '../model/facts/gpu.js';
import { isSpotPriority, parseTaint, SPOT_LABEL, SPOT_TAINT } from '../model/facts/aks.js';
import { ACCELERATOR_LABEL, ACCELERATOR_NVIDIA, LINUX_NODE_LABELS, POOL_NAME_LABELS } from '../model/facts/k8s.js';
import type { GpuNodePool, Graph, NodePoolTaint, ScanView } from './types.js';
import { displayName, factLocations, known, leafName } from './facts.js';

export function scanView(graphs: readonly Graph[], root?: string): ScanView {
  let pools: GpuNodePool[] | undefined;
  let aksFiles: string[] | undefined;
  const byProject = new Map<string, readonly GpuNodePool[]>();
  return {
    gpuNodePools(forFile) {
      pools ??= collectGpuNodePools(graphs);
      if (forFile === undefined || root === undefined) return pools;
      aksFiles ??= aksFilesOf(graphs);
      const project = nearestProject(path.dirname(forFile), root, aksFiles);
      // Reached the scan root: the pools are the manifest's only when they all belong to one
      // project (one top-level folder, or files at the root). Pools of several top-level folders
      // (a scan of several repositories, a monorepo of several clusters) leave the manifest's
      // cluster unknown: no scanned pool is its pool, and the configured `gpu.taint` applies.
      if (project === undefined) return topLevelFolders(aksFiles, root).size > 1 ? [] : pools;
      let mine = byProject.get(project);
      if (!mine) byProject.set(project, (mine = pools.filter((p) => isInside(p.resource.header.file, project))));
      return mine;
    },
  };
}

/** The first path segment below the root of each file ('' for a file at the root itself). */
function topLevelFolders(files: readonly string[], root: string): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    const rel = path.relative(root, f).split(path.sep);
    out.add(rel.length > 1 ? rel[0]! : '');
  }
  return out;
}

/** `file` lies in `dir` or below it. */
function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The files that declare an AKS cluster or node pool (any size): what makes a folder a project with pools. */
function aksFilesOf(graphs: readonly Graph[]): string[] {
  const out = new Set<string>();
  for (const g of graphs) for (const kind of ['aks.cluster', 'aks.nodepool'] as const) for (const r of g.ofKind(kind)) out.add(r.header.file);
  return [...out];
}

/**
 * "The pools of the nearest project": walking up from the manifest's folder, the first folder
 * below the scan root that holds any AKS cluster or pool of the scan. A scan of several
 * repositories (or a monorepo of several clusters) then pairs a manifest with the pools of its
 * own project, not with GPU pools of unrelated code. Undefined when the first such folder is
 * the scan root itself (a monorepo whose infra/ and k8s/ are siblings: every pool of the scan
 * when they sit under one top-level folder, none when under several), or no folder holds a pool.
 */
function nearestProject(dir: string, root: string, aksFiles: readonly string[]): string | undefined {
  if (!isInside(dir, root)) return undefined;
  for (let d = dir; ; ) {
    if (path.relative(root, d) === '') return undefined;
    if (aksFiles.some((f) => isInside(f, d))) return d;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** The GPU pools of every graph; a pool evaluated in several variants counts once per distinct reading. */
function collectGpuNodePools(graphs: readonly Graph[]): GpuNodePool[] {
  const out: GpuNodePool[] = [];
  const seen = new Set<string>();
  for (const g of graphs) {
    for (const pool of g.ofKind('aks.nodepool')) {
      const p = gpuPool(pool);
      if (!p) continue;
      const key = `${pool.address}\u0000${p.gpuSize ?? ''}\u0000${p.taints?.map((t) => t.text).join(',') ?? '?'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** A node pool as a GPU pool: a known GPU size, or an unknown size on a pool meant for GPU (RULES.md GPU001). */
function gpuPool(pool: Resource<'aks.nodepool'>): GpuNodePool | undefined {
  const sizeFact = pool.attrs.get('vmSize')?.value;
  let gpuSize: string | undefined;
  if (sizeFact?.kind === 'string') {
    // A known CPU size cannot run GPU pods, whatever its name says (GPU001 reports that pool).
    if (!isGpuSize(sizeFact.value)) return undefined;
    gpuSize = sizeFact.value;
  } else {
    const intent = gpuIntent({
      name: pool.name?.kind === 'string' ? pool.name.value : undefined,
      label: pool.address.split(/[.[\]"]/).filter(Boolean).pop(),
      read: (attr) => known(pool, attr),
      sizeSymbols: (sizeFact?.via ?? []).flatMap((l) => (l.symbol ? [l.symbol] : [])),
    });
    if (!intent) return undefined;
  }
  // The name as messages show it (`<NODEPOOL_NAME>` for an unknown one); labels need the known name.
  const knownName = leafName(pool);
  const out: GpuNodePool = { resource: pool, name: knownName ?? displayName(pool), label: () => undefined };
  if (gpuSize !== undefined) out.gpuSize = gpuSize;
  const taints = readTaints(pool);
  if (typeof taints === 'string') out.taintsUnknown = taints;
  else out.taints = taints;
  out.label = labelLookup(pool, knownName, gpuSize);
  return out;
}

function readTaints(pool: Resource<'aks.nodepool'>): NodePoolTaint[] | string {
  const f = pool.attrs.get('taints');
  const v = f?.value;
  if (v?.kind === 'unknown') return v.reason;
  const fallback = factLocations(pool, 'taints').location;
  const out: NodePoolTaint[] = [];
  if (v?.kind === 'list') {
    for (const item of v.items) {
      if (item.kind === 'unknown') return item.reason;
      if (item.kind !== 'string') return `a taint is not a string`;
      const p = parseTaint(item.value);
      if (!p) continue; // not a taint AKS would accept; AKS001 is not about its shape either
      out.push({ ...p, text: item.value.trim(), at: item.origin ?? fallback });
    }
  } else if (v !== undefined && v.kind !== 'null') return 'the taints are not a list';
  const priority = pool.attrs.get('priority')?.value;
  if (priority?.kind === 'unknown') return `the pool's priority is unknown (${priority.reason})`;
  if (priority?.kind === 'string' && isSpotPriority(priority.value) && !out.some((t) => t.text === SPOT_TAINT)) {
    out.push({ ...parseTaint(SPOT_TAINT)!, text: SPOT_TAINT, at: priority.origin ?? factLocations(pool, 'priority').location, automatic: 'spot' });
  }
  return out;
}

/**
 * A pool's node labels as far as they are known: its own labels (`node_labels`,
 * `nodeLabels`), the pool-name labels, the Spot label, the NVIDIA accelerator label of GPU
 * sizes and the Linux x64 labels. Other keys: absent when the pool's labels are known
 * (`null`), else unknown.
 */
function labelLookup(pool: Resource<'aks.nodepool'>, name: string | undefined, gpuSize: string | undefined): (key: string) => string | null | undefined {
  const v = pool.attrs.get('labels')?.value;
  const custom = v?.kind === 'object' ? v : undefined;
  const priority = known(pool, 'priority');
  return (key) => {
    if ((POOL_NAME_LABELS as readonly string[]).includes(key)) return name;
    if (key === SPOT_LABEL.key) return priority === undefined ? undefined : priority.kind === 'string' && isSpotPriority(priority.value) ? SPOT_LABEL.value : null;
    if (key === ACCELERATOR_LABEL) return gpuSize !== undefined && !isAmdGpuSize(gpuSize) ? ACCELERATOR_NVIDIA : undefined;
    if (key in LINUX_NODE_LABELS) return LINUX_NODE_LABELS[key]!;
    if (!custom) return undefined;
    const e: Value | undefined = custom.entries.get(key);
    if (e === undefined) return null;
    return e.kind === 'string' ? e.value : e.kind === 'number' || e.kind === 'bool' ? String(e.value) : undefined;
  };
}

