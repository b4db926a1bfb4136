/**
 * Cross-file questions about a whole scan (`RuleContext.scan`). Each unit of work (issue 15,
 * `src/pipeline/unit.ts`) summarises what the questions need from its graphs as plain data
 * (`ScanSummary`: cached and sharded with the unit); the run merges every unit's summary and
 * builds the view from it, so a rule sees the facts of the whole scan, whatever unit it runs in.
 */
import path from 'node:path';
import type { Value } from '../core/value.js';
import type { Location } from '../core/source.js';
import type { InputDecl, Resource } from '../model/resource.js';
import { isAmdGpuSize, isGpuSize } from '../model/facts/gpu.js';
import { CRITICAL_ADDONS_TAINT, isAutoProvisioningMode, isSpotPriority, isSpotTaint, parseTaint, SPOT_LABEL, SPOT_TAINT } from '../model/facts/aks.js';
import { ACCELERATOR_LABEL, ACCELERATOR_NVIDIA, INSTANCE_TYPE_LABEL, instanceTypeLabelValue, LINUX_NODE_LABELS, POOL_MODE_LABEL, POOL_NAME_LABELS, poolModeLabelValue } from '../model/facts/k8s.js';
import type { AutoProvisionedCluster, GpuNodePool, Graph, NodePoolTaint, ScanView } from './types.js';
import { displayName, factLocations, inputsFeeding, known, knownGpuIntent, leafName, nameInId, showValue } from './facts.js';

/** A GPU node pool as plain data (JSON): what `GpuNodePool` is rebuilt from. */
export interface GpuPoolSummary {
  address: string;
  /** The pool's header (its file is `header.file`): related locations, nearest-project choices. */
  header: Location;
  /**
   * For a pool of a Terraform module instance: the file of the root module's call it came through
   * (`envs/dev/main.tf` for `modules/gpupool`): the pool is that configuration's, so it belongs to
   * that project too (self-review 98).
   */
  calledFrom?: string;
  name: string;
  gpuSize?: string;
  cpuSize?: string;
  taints?: NodePoolTaint[];
  taintsUnknown?: string;
  /**
   * The labels lookups need: the known pool name, the priority (null: unknown), the mode label's
   * value (null: unknown), the custom labels (null: unknown; a key's null: unknown value).
   */
  labels: { knownName?: string; priority: string | null; mode: string | null; custom: Record<string, string | null> | null };
  /** The known name of the pool's cluster. */
  cluster?: string;
  /**
   * A pool whose size is not known and that nothing marks as meant for GPU (`ScanSummary.unknownSizePools`):
   * why its size is not known. It may be a GPU pool, so a GPU pod may run on it.
   */
  sizeUnknown?: string;
  /**
   * An `az aks nodepool update` that leaves the taints as they are: not a pool of its own when the
   * scan declares the pool it names (same pool and cluster name), whose taints stay (review 74).
   */
  updatesOnly?: true;
}

/** What one unit contributes to the scan view. */
export interface ScanSummary {
  gpuPools: GpuPoolSummary[];
  /** The files that declare an AKS cluster or node pool (any size): what makes a folder a project with pools. */
  aksFiles: string[];
  /**
   * The files of the root module calls through which module instances declare an AKS cluster or
   * pool (`envs/prod/main.tf` calling `../../modules/aks`): each such configuration is a project of
   * its own for its manifests (nearestProject), without counting as a folder of AKS code of its own
   * (several checkouts side by side are told apart by `aksFiles` only).
   */
  aksCallers?: string[];
  /** The clusters whose nodes AKS may add by itself (node auto-provisioning on, or not known to be off). */
  autoProvisioning?: AutoProvisionedCluster[];
  /** The pools whose size is not known (a variable without a value) and that nothing marks as meant for GPU: any may be a GPU pool. */
  unknownSizePools?: GpuPoolSummary[];
}


export function scanView(graphs: readonly Graph[], root?: string, oneRepository = false): ScanView {
  let view: ScanView | undefined;
  const whole = (): ScanView => (view ??= scanViewOf([summarizeScan(graphs)], root, oneRepository));
  return {
    gpuNodePools: (forFile) => whole().gpuNodePools(forFile),
    checkoutPools: (forFile) => whole().checkoutPools!(forFile),
    autoProvisioned: (forFile) => whole().autoProvisioned!(forFile),
    unknownSizePools: (forFile) => whole().unknownSizePools!(forFile),
  };
}

/**
 * Why a manifest is judged against the configured `gpu.taint` (K8S001/K8S002 messages): the scan
 * has no GPU pool at all, or none of its pools is known to be the manifest's cluster's (`nearestProject`, `ofProject`).
 * "No GPU pool" is said as no pool known to have a GPU size: a pool meant for GPU with a CPU size
 * (GPU001's finding, which AKS001 also calls a GPU pool) cannot run GPU pods, so it is not one here.
 */
export function configTaintReason(scan: ScanView, forFile?: string): string {
  if (scan.gpuNodePools().length > 0) return "none of the scan's GPU node pools is known to be this manifest's cluster's";
  // (A pool of its project whose size is not known may be one: review 125.)
  const unknownSize = forFile === undefined ? undefined : scan.unknownSizePools?.(forFile)[0];
  return unknownSize ? `no pool is known to have a GPU size, that of "${unknownSize.name}" being unknown` : 'the scan has no GPU node pool';
}

/**
 * The view of the whole scan from every unit's summary (in unit order; a pool two units read
 * counts once). `oneRepository`: the scan root is inside a git repository (FrontEndContext.inRepository).
 */
export function scanViewOf(summaries: readonly ScanSummary[], root?: string, oneRepository = false): ScanView {
  return viewAndProjects(summaries, root, oneRepository).view;
}

/** `scanViewOf`'s view, and the nearest project of a manifest that the view pairs it with (undefined without a root). */
function viewAndProjects(summaries: readonly ScanSummary[], root: string | undefined, oneRepository: boolean): { view: ScanView; projectOf: (forFile: string) => string | undefined } {
  let pools: GpuNodePool[] | undefined;
  let aksFiles: string[] | undefined;
  let severalTopLevel: boolean | undefined;
  const byProject = new Map<string, readonly GpuNodePool[]>();
  let unknownSize: GpuNodePool[] | undefined;
  const unknownSizeByProject = new Map<string, readonly GpuNodePool[]>();
  const projectOf = root === undefined ? () => undefined : projectFinder(summaries, root);
  /**
   * The pools of `every` that are the manifest's, by project (cached in `cache`). Reached the
   * scan root: the pools are the manifest's when they all belong to one project (one top-level
   * folder, with or without files at the root: a root module and its modules/), or when the scan
   * is of one repository (`dev/`, `prod/` and `k8s/` side by side: RULES.md K8S001, "the pools
   * AKS001 inspects"). Pools of several top-level folders outside a repository (a folder of
   * several checkouts) leave the manifest's cluster unknown: no scanned pool is its pool, and
   * the configured `gpu.taint` applies.
   */
  const poolsOfProject = (every: GpuNodePool[], cache: Map<string, readonly GpuNodePool[]>, forFile: string | undefined): readonly GpuNodePool[] => {
    if (forFile === undefined || root === undefined) return every;
    aksFiles ??= [...new Set(summaries.flatMap((s) => s.aksFiles))];
    const project = projectOf(forFile);
    if (project === undefined) return severalTopLevelFolders() ? [] : every;
    let mine = cache.get(project);
    if (!mine) cache.set(project, (mine = ofProject(project, every, aksFiles, oneRepository)));
    return mine;
  };
  /** Pools in several top-level folders outside a repository: a folder of several checkouts. */
  const severalTopLevelFolders = (): boolean => (severalTopLevel ??= !oneRepository && severalChildFolders(aksFiles!, root!));
  const all = (): GpuNodePool[] => {
    if (pools) return pools;
    const declared = new Set<string>();
    for (const s of summaries) for (const p of s.gpuPools) if (!p.updatesOnly && p.cluster !== undefined && p.labels.knownName !== undefined) declared.add(`${p.cluster}\u0000${p.labels.knownName}`);
    // An update of a pool the scan declares changes none of the taints that pool has.
    return (pools = distinctPools(summaries.flatMap((s) => s.gpuPools).filter((p) => !(p.updatesOnly && declared.has(`${p.cluster}\u0000${p.labels.knownName}`)))));
  };
  const view: ScanView = {
    checkoutPools(forFile) {
      if (root === undefined) return undefined;
      aksFiles ??= [...new Set(summaries.flatMap((s) => s.aksFiles))];
      const project = projectOf(forFile);
      if (project === undefined) return severalTopLevelFolders() ? all() : undefined;
      // A project of several checkouts (`ofProject`): its own pools, never another project's.
      return severalCheckoutsIn(project, aksFiles, oneRepository) ? all().filter((p) => belongsTo(p, project)) : undefined;
    },
    autoProvisioned(forFile) {
      const every = summaries.flatMap((s) => s.autoProvisioning ?? []);
      if (every.length === 0) return undefined;
      if (forFile === undefined || root === undefined) return every[0];
      aksFiles ??= [...new Set(summaries.flatMap((s) => s.aksFiles))];
      const project = projectOf(forFile);
      // The clusters of the manifest's project, found as its pools are (gpuNodePools).
      if (project === undefined) return severalTopLevelFolders() ? undefined : every[0];
      return ofProject(project, every, aksFiles, oneRepository)[0];
    },
    unknownSizePools(forFile) {
      unknownSize ??= distinctPools(summaries.flatMap((s) => s.unknownSizePools ?? []));
      // (Found as gpuNodePools finds the project's pools.)
      return unknownSize.length === 0 ? unknownSize : poolsOfProject(unknownSize, unknownSizeByProject, forFile);
    },
    gpuNodePools(forFile) {
      return poolsOfProject(all(), byProject, forFile);
    },
  };
  return { view, projectOf };
}

/**
 * The nearest project of a manifest (`nearestProject`) among the folders of the summaries' AKS
 * files and of the root module calls of module instances that declare AKS: asked once per
 * workload of every manifest, so the walk up from a folder is made once per folder.
 */
function projectFinder(summaries: readonly ScanSummary[], root: string): (forFile: string) => string | undefined {
  let projectFiles: string[] | undefined;
  let dirs: Set<string> | undefined;
  const byDir = new Map<string, string | undefined>();
  return (forFile) => {
    const dir = path.dirname(forFile);
    if (byDir.has(dir)) return byDir.get(dir);
    projectFiles ??= [...new Set(summaries.flatMap((s) => [...s.aksFiles, ...(s.aksCallers ?? [])]))];
    const project = nearestProject(dir, root, projectFiles, (dirs ??= ancestorDirs(projectFiles)));
    byDir.set(dir, project);
    return project;
  };
}

/**
 * The files a summary names: where its pools, clusters and root module calls are. What a unit
 * adds to anyone's view lies in these, so a unit none of whose files lies in a folder adds
 * nothing to the view of a manifest whose project that folder holds (`decidedWithin`).
 */
export function summaryFiles(s: ScanSummary): string[] {
  const out = [...s.aksFiles, ...(s.aksCallers ?? [])];
  for (const p of [...s.gpuPools, ...(s.unknownSizePools ?? []), ...(s.autoProvisioning ?? [])]) {
    out.push(p.header.file);
    if (p.calledFrom !== undefined) out.push(p.calledFrom);
  }
  return out;
}

/**
 * How far `summaries` decide what the Kubernetes rules ask of the scan for a manifest at
 * `forFile`, knowing that every unit that could add to them inside `reached` (a folder above the
 * manifest) gave its summary (asked of several manifests: the summaries are read once):
 * - 'undecided': its nearest project (`nearestProject`) does not lie within `reached` (another
 *   unit may hold it, or a folder nearer the manifest), or one of the project's pools is an
 *   update, which a pool declared anywhere in the scan may cancel;
 * - 'decided': the project lies within `reached`, and has a GPU pool of its own (the rules then
 *   never ask of the whole scan) or the scan has one somewhere (the configured taint's reason);
 * - 'any-pool': as decided, but the project has no GPU pool, and whether the scan has one
 *   anywhere (`declaresGpuPool`) is still open.
 * When decided, the project's pools, clusters and unknown-size pools are the same, in the same
 * order, as a view of every unit's summaries gives (`scanViewOf`).
 */
export function decidedWithin(summaries: readonly ScanSummary[], root: string, oneRepository: boolean): (forFile: string, reached: string) => 'decided' | 'any-pool' | 'undecided' {
  const updates = summaries.flatMap((s) => s.gpuPools.filter((p) => p.updatesOnly));
  // One view for every manifest asked: the project it finds is the one its pools are read by.
  const { view, projectOf } = viewAndProjects(summaries, root, oneRepository);
  const anywhere = declaresGpuPool(summaries);
  return (forFile, reached) => {
    const project = projectOf(forFile);
    if (project === undefined || !isInside(project, reached)) return 'undecided';
    if (updates.some((p) => belongsTo(p, project))) return 'undecided';
    return view.gpuNodePools(forFile).length > 0 || anywhere ? 'decided' : 'any-pool';
  };
}

/** Whether the summaries hold a GPU pool that no other summary can take away (only an update is dropped, for a pool declared elsewhere). */
export function declaresGpuPool(summaries: readonly ScanSummary[]): boolean {
  return summaries.some((s) => s.gpuPools.some((p) => !p.updatesOnly));
}

/**
 * The pools (or clusters) of the project folder `project`, asked the question the scan root is asked: when its
 * AKS files lie in several of its child folders, the manifest's cluster is unknown and no pool is
 * its pool. So the answer does not depend on how far above the project the scan root sits:
 * linting a repository from its own folder or from a folder of several checkouts pairs its
 * manifests with the same pools.
 */
function ofProject<T extends { header: Location; calledFrom?: string }>(project: string, every: readonly T[], aksFiles: readonly string[], oneRepository: boolean): readonly T[] {
  if (severalCheckoutsIn(project, aksFiles, oneRepository)) return [];
  return every.filter((p) => belongsTo(p, project));
}

/** Whether the project folder `project` is read as several checkouts side by side: its AKS files in several of its child folders, outside a repository. */
function severalCheckoutsIn(project: string, aksFiles: readonly string[], oneRepository: boolean): boolean {
  return !oneRepository && severalChildFolders(aksFiles.filter((f) => isInside(f, project)), project);
}

/** A pool or cluster is a project's when it is written in the project, or came through a root module call written there. */
function belongsTo(p: { header: Location; calledFrom?: string }, project: string): boolean {
  return isInside(p.header.file, project) || (p.calledFrom !== undefined && isInside(p.calledFrom, project));
}

/** Whether `files` lie in more than one child folder of `dir` (files directly in `dir` are its own: they join any one child). */
function severalChildFolders(files: readonly string[], dir: string): boolean {
  const children = topLevelFolders(files, dir);
  children.delete('');
  return children.size > 1;
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
  // An `az aks update` or `az aks nodepool update` (an ops script that scales a pool) declares none.
  // (Not a module instance's root call: `infra/` calling `../modules/aks` is one project, not two
  // top-level folders; such calls are `aksCallers`, and a pool's `calledFrom` joins it to its caller's project.)
  for (const g of graphs) for (const kind of ['aks.cluster', 'aks.nodepool'] as const) for (const r of g.ofKind(kind)) if (!isAzUpdate(r)) out.add(r.header.file);
  return [...out];
}

/** The root module calls through which module instances declare an AKS cluster or pool (`ScanSummary.aksCallers`). */
function aksCallersOf(graphs: readonly Graph[]): string[] {
  const out = new Set<string>();
  for (const g of graphs) {
    for (const kind of ['aks.cluster', 'aks.nodepool'] as const) {
      for (const r of g.ofKind(kind)) {
        const caller = callerFile(r);
        if (caller !== undefined) out.add(caller);
      }
    }
  }
  return [...out];
}

/** For a resource of a Terraform module instance written in another file: the file of the root module's call it came through. */
function callerFile(r: Resource): string | undefined {
  return r.calledAt && r.calledAt.file !== r.header.file ? r.calledAt.file : undefined;
}

/** A resource an `az … update` command changes (it creates none). */
function isAzUpdate(r: Resource): boolean {
  return /^az .* update$/.test(r.sourceType);
}

/** The known name of a pool's cluster: its parent's, the first part of a `cluster/pool` name, the cluster an `az` command names or an id written out names. */
function clusterNameOf(pool: Resource<'aks.nodepool'>): string | undefined {
  if (pool.parent) return leafName(pool.parent);
  const own = pool.name?.kind === 'string' ? pool.name.value.split('/') : [];
  if (own.length === 2) return own[0];
  const ref = pool.refs.get('cluster');
  if (ref?.kind !== 'string') return undefined;
  if (ref.value.startsWith('aks.cluster:')) return ref.value.slice('aks.cluster:'.length);
  // A cluster's ARM id written out (`kubernetes_cluster_id = "/subscriptions/…/managedClusters/aks"`).
  return nameInId(ref.value, 'managedClusters');
}

/**
 * "The pools of the nearest project": walking up from the manifest's folder, the first folder
 * below the scan root that holds any AKS cluster or pool of the scan. A scan of several
 * repositories (or a monorepo of several clusters) then pairs a manifest with the pools of its
 * own project, not with GPU pools of unrelated code. Undefined when the first such folder is
 * the scan root itself (a monorepo whose infra/ and k8s/ are siblings: every pool of the scan
 * when they sit under one top-level folder, none when under several), or no folder holds a pool.
 */
function nearestProject(dir: string, root: string, aksFiles: readonly string[], aksDirs: ReadonlySet<string>): string | undefined {
  if (!isInside(dir, root)) return undefined;
  for (let d = dir; ; ) {
    if (path.relative(root, d) === '') return undefined;
    // Only a folder that is a file's ancestor can hold it: the others are not asked of every file.
    if (aksDirs.has(d) && aksFiles.some((f) => isInside(f, d))) return d;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** Every folder above each file (and the file itself): where `isInside(file, folder)` can hold. */
function ancestorDirs(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    out.add(f);
    for (let d = path.dirname(f); !out.has(d); d = path.dirname(d)) {
      out.add(d);
      if (path.dirname(d) === d) break;
    }
  }
  return out;
}

/** The GPU pools of a unit's graphs; a pool evaluated in several variants counts once per distinct reading. */
export function summarizeScan(graphs: readonly Graph[]): ScanSummary {
  const out: GpuPoolSummary[] = [];
  const seen = new Set<string>();
  const unknownSizePools: GpuPoolSummary[] = [];
  for (const g of graphs) {
    for (const pool of g.ofKind('aks.nodepool')) {
      const p = gpuPool(pool) ?? unknownSizePool(pool, g.evaluation.inputs);
      if (!p) continue;
      const key = poolKey(p);
      if (seen.has(key)) continue;
      seen.add(key);
      (p.sizeUnknown === undefined ? out : unknownSizePools).push(p);
    }
  }
  const aksCallers = aksCallersOf(graphs);
  const autoProvisioning = autoProvisionedClusters(graphs);
  return {
    gpuPools: out,
    aksFiles: aksFilesOf(graphs),
    ...(aksCallers.length > 0 ? { aksCallers } : {}),
    ...(autoProvisioning.length > 0 ? { autoProvisioning } : {}),
    ...(unknownSizePools.length > 0 ? { unknownSizePools } : {}),
  };
}

/** The clusters whose node provisioning mode is Auto or not known (`ScanSummary.autoProvisioning`), once per cluster and reading. */
function autoProvisionedClusters(graphs: readonly Graph[]): AutoProvisionedCluster[] {
  const out: AutoProvisionedCluster[] = [];
  const seen = new Set<string>();
  for (const g of graphs) {
    for (const c of g.ofKind('aks.cluster')) {
      const fact = c.attrs.get('nodeProvisioningMode');
      const mode = fact?.value;
      // Auto, or written but not known. Not an az flag not written that an unquoted expansion of
      // the command might carry: auto-provisioning is chosen by writing it, and every
      // `az aks create -g $RG` would otherwise silence K8S001 (review 120).
      if (mode === undefined || fact?.mayBeCarried) continue;
      if (mode.kind !== 'unknown' && !(mode.kind === 'string' && isAutoProvisioningMode(mode.value))) continue;
      const why = mode.kind === 'unknown' ? `node provisioning mode not known: ${mode.reason}` : `node provisioning mode "${showValue(mode)}"`;
      const calledFrom = callerFile(c);
      const key = `${c.header.file}\u0000${calledFrom ?? ''}\u0000${c.address}\u0000${why}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // (A known mode where its text is written, a caller's value included; one not known, where the attribute is.)
      const modeAt = mode.kind === 'unknown' ? (fact?.at ?? mode.origin) : (mode.origin ?? fact?.at);
      out.push({ address: c.address, header: c.header, name: displayName(c), why, ...(modeAt ? { modeAt } : {}), ...(mode.kind === 'unknown' ? { unknownMode: true as const } : {}), ...(calledFrom !== undefined ? { calledFrom } : {}) });
    }
  }
  return out;
}

/**
 * One pool evaluated in several variants is one pool; the same address declared in two files
 * (`azurerm_kubernetes_cluster_node_pool.gpu` of two project folders, the same `az aks nodepool
 * add -n gpu` in two scripts) is two: each is its own project's pool (ofProject).
 */
function poolKey(p: GpuPoolSummary): string {
  // (Called from two configurations, one module's pool is each configuration's own.)
  return `${p.header.file}\u0000${p.calledFrom ?? ''}\u0000${p.address}\u0000${p.gpuSize ?? p.cpuSize ?? (p.sizeUnknown !== undefined ? '?' : '')}\u0000${p.taints?.map((t) => t.text).join(',') ?? '?'}`;
}

/** The pools of several units' summaries, in unit order, a pool two units read once (`poolKey`). */
function distinctPools(summaries: readonly GpuPoolSummary[]): GpuNodePool[] {
  const seen = new Set<string>();
  const out: GpuNodePool[] = [];
  for (const p of summaries) {
    const key = poolKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(poolOf(p));
  }
  return out;
}

function poolOf(s: GpuPoolSummary): GpuNodePool {
  const out: GpuNodePool = { address: s.address, header: s.header, name: s.name, label: labelLookup(s) };
  if (s.calledFrom !== undefined) out.calledFrom = s.calledFrom;
  if (s.gpuSize !== undefined) out.gpuSize = s.gpuSize;
  if (s.cpuSize !== undefined) out.cpuSize = s.cpuSize;
  if (s.taints) out.taints = s.taints;
  if (s.taintsUnknown !== undefined) out.taintsUnknown = s.taintsUnknown;
  if (s.sizeUnknown !== undefined) out.sizeUnknown = s.sizeUnknown;
  return out;
}

/**
 * A node pool as a GPU pool: the pools AKS001 inspects (RULES.md K8S001), a known GPU size or a
 * pool meant for GPU (GPU001's reading: its name, labels, taints, tags or size variable), also
 * one whose known size has no GPU (`cpuSize`: GPU001 reports it; no GPU pod runs there, but the
 * scan has a GPU pool, so the configured taint is not assumed).
 */
function gpuPool(pool: Resource<'aks.nodepool'>): GpuPoolSummary | undefined {
  const sizeFact = pool.attrs.get('vmSize')?.value;
  let gpuSize: string | undefined;
  if (sizeFact?.kind === 'string' && isGpuSize(sizeFact.value)) gpuSize = sizeFact.value;
  // The element that stands for pools not known to exist or not (a pool list only partly known,
  // model/normalize.ts): any of them may be a GPU pool, with any taints (self-review 81).
  else if (pool.unknownTail && pool.body?.kind === 'unknown') {
    const calledFrom = callerFile(pool);
    return { address: pool.address, header: pool.header, name: `${displayName(pool)}[?]`, labels: { priority: null, mode: null, custom: null }, taintsUnknown: pool.body.reason, ...(calledFrom !== undefined ? { calledFrom } : {}) };
  }
  else if (!knownGpuIntent(pool)) return undefined;
  return poolSummary(pool, sizeFact, gpuSize);
}

/**
 * A pool whose size is not known and that `gpuPool` does not take (nothing marks it as meant for
 * GPU): a GPU pod may run on it when its size is a GPU size (review 125: an untainted default pool
 * sized by a variable without a value, and the configured taint demanded of a pod that may run there).
 * Not an `az … update`, which writes no size.
 */
function unknownSizePool(pool: Resource<'aks.nodepool'>, inputs: readonly InputDecl[]): GpuPoolSummary | undefined {
  const fact = pool.attrs.get('vmSize');
  const sizeFact = fact?.value;
  // (Not an az flag the command does not write, which only an unquoted expansion might carry:
  // the server default size applies as far as this is concerned — every `az aks create -g $RG`
  // of a script that names --node-vm-size elsewhere would count; review 126.)
  if (sizeFact?.kind !== 'unknown' || fact?.notWritten || isAzUpdate(pool) || pool.unknownTail) return undefined;
  // A size whose input admits only sizes without a GPU cannot be a GPU pool's (review 126).
  if (inputsFeeding(pool, 'vmSize', inputs).some(admitsNoGpuSize)) return undefined;
  return { ...poolSummary(pool, sizeFact, undefined), sizeUnknown: sizeFact.reason };
}

/**
 * Whether an input's guard admits no GPU size, read only where the guard lists every size it
 * admits: ARM/Bicep `allowedValues`, a Terraform validation that requires the value to be in a
 * list (`InputValidation.requiredAmong`: `contains([...], var.x)` among the conditions it requires
 * all of; review 127: a deny list `!contains(…)`, a `contains` over another variable or member, one
 * beside `|| startswith(…)` admit other sizes). A regex or any other condition is not read for
 * this (it may admit a GPU size no probe names).
 */
function admitsNoGpuSize(input: InputDecl): boolean {
  const listsOnly = (values: readonly Value[]): boolean => values.length > 0 && values.every((v) => v.kind === 'string' && !isGpuSize(v.value));
  if (input.kind !== 'tf-variable') return listsOnly(input.allowedValues ?? []);
  return (input.validations ?? []).some((v) => v.requiredAmong !== undefined && listsOnly(v.requiredAmong));
}

/** A pool's summary: its name, labels, size, taints and cluster. */
function poolSummary(pool: Resource<'aks.nodepool'>, sizeFact: Value | undefined, gpuSize: string | undefined): GpuPoolSummary {
  // The name as messages show it (`<NODEPOOL_NAME>` for an unknown one); labels need the known name.
  const knownName = leafName(pool);
  const out: GpuPoolSummary = { address: pool.address, header: pool.header, name: knownName ?? displayName(pool), labels: poolLabels(pool, knownName) };
  const calledFrom = callerFile(pool);
  if (calledFrom !== undefined) out.calledFrom = calledFrom;
  if (gpuSize !== undefined) out.gpuSize = gpuSize;
  else if (sizeFact?.kind === 'string') out.cpuSize = sizeFact.value;
  const taints = readTaints(pool);
  if (typeof taints === 'string') out.taintsUnknown = taints;
  else out.taints = taints;
  const cluster = clusterNameOf(pool);
  if (cluster !== undefined) out.cluster = cluster;
  // The update writes no `--node-taints`: the front end put the unknown "left unchanged" at its header (azure-cli.ts leftUnchanged).
  const written = pool.attrs.get('taints');
  if (isAzUpdate(pool) && written?.value?.kind === 'unknown' && written.at === pool.header) out.updatesOnly = true;
  return out;
}

/** A bool as Terraform converts a value to one: a bool, or the strings "true"/"1"/"false"/"0" (go-cty's conversion; "True" is refused). */
function terraformBool(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind !== 'string') return undefined;
  return v.value === 'true' || v.value === '1' ? true : v.value === 'false' || v.value === '0' ? false : undefined;
}

function readTaints(pool: Resource<'aks.nodepool'>): NodePoolTaint[] | string {
  const f = pool.attrs.get('taints');
  const v = f?.value;
  if (v?.kind === 'unknown') return v.reason;
  const priority = pool.attrs.get('priority')?.value;
  if (priority?.kind === 'unknown') return `the pool's priority is unknown (${priority.reason})`;
  const spot = priority?.kind === 'string' && isSpotPriority(priority.value);
  const fallback = factLocations(pool, 'taints').location;
  const out: NodePoolTaint[] = [];
  if (v?.kind === 'list') {
    for (const item of v.items) {
      if (item.kind === 'unknown') return item.reason;
      if (item.kind !== 'string') return `a taint is not a string`;
      const p = parseTaint(item.value);
      if (!p) continue; // not a taint AKS would accept; AKS001 is not about its shape either
      // On a Spot pool the Spot taint is AKS's even when written (azurerm users write it to
      // avoid drift): it is never the pool's own GPU taint (K8S002, K8S001's wording).
      out.push({ ...p, text: item.value.trim(), at: item.origin ?? fallback, ...(spot && isSpotTaint(p) ? { automatic: 'spot' as const } : {}) });
    }
  } else if (v !== undefined && v.kind !== 'null') return 'the taints are not a list';
  // azurerm's `only_critical_addons_enabled` taints the default pool (review 77: a GPU default pool's K8S001 was missed).
  const critical = pool.attrs.get('criticalAddonsOnly');
  if (critical?.value?.kind === 'unknown') return `only_critical_addons_enabled is unknown (${critical.value.reason})`;
  // As Terraform converts a string to a bool: "true"/"1" and "false"/"0" only (go-cty; self-review 78/79).
  const written = critical?.value;
  const on = written === undefined || written.kind === 'null' ? false : terraformBool(written);
  if (on === undefined) return 'only_critical_addons_enabled is not a value Terraform reads as a bool';
  if (on && !out.some((t) => t.text === CRITICAL_ADDONS_TAINT)) {
    out.push({ ...parseTaint(CRITICAL_ADDONS_TAINT)!, text: CRITICAL_ADDONS_TAINT, at: written?.origin ?? critical?.at ?? pool.header });
  }
  if (spot && !out.some((t) => t.automatic === 'spot')) {
    out.push({ ...parseTaint(SPOT_TAINT)!, text: SPOT_TAINT, at: priority.origin ?? factLocations(pool, 'priority').location, automatic: 'spot' });
  }
  return out;
}

/** What label lookups read from a pool, as plain data. */
function poolLabels(pool: Resource<'aks.nodepool'>, knownName: string | undefined): GpuPoolSummary['labels'] {
  const v = pool.attrs.get('labels')?.value;
  let custom: Record<string, string | null> | null = null;
  if (v?.kind === 'object') {
    custom = Object.create(null) as Record<string, string | null>;
    for (const [k, e] of v.entries) custom[k] = labelText(e);
  }
  const priority = known(pool, 'priority');
  // The default pool is the system pool (`isSystemPool`); another pool's mode as it is known.
  const isDefault = known(pool, 'isDefault');
  const mode = known(pool, 'mode');
  const modeLabel = isDefault?.kind === 'bool' && isDefault.value ? 'system' : mode?.kind === 'string' ? (poolModeLabelValue(mode.value) ?? null) : null;
  return { ...(knownName !== undefined ? { knownName } : {}), priority: priority === undefined ? null : priority.kind === 'string' ? priority.value : '', mode: modeLabel, custom };
}

function labelText(e: Value): string | null {
  return e.kind === 'string' ? e.value : e.kind === 'number' || e.kind === 'bool' ? String(e.value) : null;
}

/**
 * A pool's node labels as far as they are known: its own labels (`node_labels`,
 * `nodeLabels`), the pool-name labels, the mode label, the Spot label, the NVIDIA accelerator label of GPU
 * sizes, the instance-type label of a known size and the Linux x64 labels. Other keys: absent when the pool's labels are known
 * (`null`), else unknown.
 */
function labelLookup(s: GpuPoolSummary): (key: string) => string | null | undefined {
  const { knownName, priority, mode, custom } = s.labels;
  return (key) => {
    if ((POOL_NAME_LABELS as readonly string[]).includes(key)) return knownName;
    if (key === POOL_MODE_LABEL) return mode ?? undefined;
    if (key === SPOT_LABEL.key) return priority === null ? undefined : isSpotPriority(priority) ? SPOT_LABEL.value : null;
    if (key === ACCELERATOR_LABEL) return s.gpuSize !== undefined && !isAmdGpuSize(s.gpuSize) ? ACCELERATOR_NVIDIA : undefined;
    if (key in LINUX_NODE_LABELS) return LINUX_NODE_LABELS[key]!;
    if (key === INSTANCE_TYPE_LABEL) {
      const size = s.gpuSize ?? s.cpuSize;
      return size === undefined ? undefined : instanceTypeLabelValue(size);
    }
    if (!custom) return undefined;
    if (!Object.prototype.hasOwnProperty.call(custom, key)) return null;
    return custom[key] ?? undefined;
  };
}
