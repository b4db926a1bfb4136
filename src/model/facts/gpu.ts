/**
 * Facts about Azure VM sizes and GPU workloads used by the GPU rules (GPU001–GPU003,
 * AKS001, AKS002, TAG002).
 *
 * Sources:
 * - Microsoft Learn, "Sizes for virtual machines in Azure", GPU accelerated
 *   (https://learn.microsoft.com/azure/virtual-machines/sizes/overview#gpu-accelerated):
 *   the GPU-accelerated families are NC (incl. NCads, NCCads confidential GPU), ND, NG and NV.
 * - Same page, FPGA accelerated
 *   (https://learn.microsoft.com/azure/virtual-machines/sizes/overview#fpga-accelerated):
 *   the NP family is FPGA-accelerated (Xilinx), not GPU.
 * - Size names are `Standard_<family><…>` ("Azure virtual machine sizes naming conventions",
 *   https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions).
 */
import type { SymbolRef } from '../../core/source.js';
import type { Value } from '../../core/value.js';
import type { SizedKind } from '../kinds.js';
import { tagKey } from './tags.js';

/** The tier prefix every size name carries. */
export const SIZE_PREFIX = 'Standard_';

/** Size families that carry GPUs (the letters after `Standard_`, case-insensitive). */
export const GPU_FAMILIES = [
  { prefix: 'NC', about: 'compute-intensive, training and inference (NCads, NCCads confidential GPU included)' },
  { prefix: 'ND', about: 'deep-learning training at scale' },
  { prefix: 'NG', about: 'cloud gaming and remote graphics' },
  { prefix: 'NV', about: 'visualization and remote desktops' },
] as const;

/** Families that start with N but carry no GPU. */
export const FPGA_FAMILIES = [{ prefix: 'NP', about: 'FPGA (Xilinx)' }] as const;

const GPU_SIZE = new RegExp(`^${SIZE_PREFIX}(${GPU_FAMILIES.map((f) => f.prefix).join('|')})`, 'i');

export function isGpuSize(size: string): boolean {
  return GPU_SIZE.test(size.trim());
}

/** "NC, ND, NG, NV": the GPU families for messages. */
export function gpuFamilyNames(): string {
  return GPU_FAMILIES.map((f) => f.prefix).join(', ');
}

/** "Standard_NC*, Standard_ND*, Standard_NG*, Standard_NV*": the GPU size patterns for messages and help. */
export function gpuSizePatterns(): string {
  return GPU_FAMILIES.map((f) => `${SIZE_PREFIX}${f.prefix}*`).join(', ');
}

/**
 * A validation regex that admits exactly the GPU families (`(?i)^Standard_N[CDGV]`), for messages
 * that suggest a guard. Every GPU family is `N` plus one letter. Case-insensitive (RE2's `(?i)`,
 * which Terraform's regex() takes): Azure reads size names in any case, and a repository whose
 * default is `standard_nv6ads_a10_v5` would be refused by the case-sensitive guard (review 116).
 */
export function gpuSizeRegex(): string {
  return `(?i)^${SIZE_PREFIX}N[${GPU_FAMILIES.map((f) => f.prefix.slice(1)).join('')}]`;
}

/** Example sizes for descriptions and help texts. */
export const EXAMPLE_SIZES = {
  /** The "$4,000 typo": a CPU size on a GPU pool… */
  cpuTypo: 'Standard_D16s_v5',
  /** …for this GPU size. */
  gpuMeant: 'Standard_NC16as_T4_v3',
  /** An FPGA size that a loose `^Standard_N` guard admits. */
  fpga: 'Standard_NP10s',
  /** A large GPU size (several dollars an hour). */
  largeGpu: 'Standard_NC24ads_A100_v4',
  /** A size of a retired GPU series (NC, retired 2023-09-06; `facts/gpu-retirement.ts`). */
  retired: 'Standard_NC6',
  /** A small CPU size for an AKS system pool. */
  systemPool: 'Standard_D4s_v5',
} as const;

/**
 * Non-GPU sizes a guard is tested with (GPU002: a regex or condition that admits one admits a
 * non-GPU size). One or more of each current non-GPU family of Microsoft Learn "Virtual machine
 * sizes overview" (https://learn.microsoft.com/azure/virtual-machines/sizes/overview): general
 * purpose A, B, D, DC; compute optimized F, FX; memory optimized E, Eb, EC, M; storage optimized
 * L; FPGA NP; HPC HB, HC, HX. The first six come first: a message names the first that is admitted.
 */
export const NON_GPU_PROBE_SIZES = [
  'Standard_NP10s',
  'Standard_D16s_v5',
  'Standard_DS3_v2',
  'Standard_F8s_v2',
  'Standard_E4s_v3',
  'Standard_B2s',
  'Standard_A2_v2',
  'Standard_B2s_v2',
  'Standard_D4as_v5',
  'Standard_D4ps_v5',
  'Standard_DC4as_v5',
  'Standard_FX4mds',
  'Standard_E4bs_v5',
  'Standard_EC4as_v5',
  'Standard_M128s',
  'Standard_M416ms_v2',
  'Standard_L8s_v3',
  'Standard_L8as_v3',
  'Standard_HB120rs_v3',
  'Standard_HC44rs',
  'Standard_HX176rs',
];

/**
 * `gpu` negated by a word before it (`non-gpu`, `nongpu`, `no_gpu`, `not-gpu`, `without-gpu`):
 * such a text says the workload is *not* for GPU, as `non-prod` is not prod (RULES.md
 * Environments). The negation must start a word: after a separator or the text's start, or a
 * camelCase word after a lower-case letter or digit (`cpuNonGpuSize`, `systemPoolNoGpuVmSize`;
 * review 105) or after an acronym (`systemVMNoGpuSize`: `No` with a lower-case `o`; review 106). `nano-gpu` and `cpunongpu` are not (no word starts at the `n`: all lower case,
 * `nanogpu` could be read the same way).
 */
const NEGATED_GPU = /(?:(?<![A-Za-z])(?:[Nn][Oo][NnTt]?|[Ww][Ii][Tt][Hh][Oo][Uu][Tt])|(?<=[a-z0-9])(?:N[Oo][NnTt]?|W[Ii][Tt][Hh][Oo][Uu][Tt])|(?<=[A-Z])(?:No[nt]?|Without))[-_. ]?[Gg][Pp][Uu][Ss]?/g;

/** Words that mark a workload as meant for GPU work (RULES.md GPU001): `gpu`, `nvidia.com/gpu`; not a negated `non-gpu`. */
export function mentionsGpu(text: string): boolean {
  return /gpu/i.test(text.replace(NEGATED_GPU, ''));
}

/**
 * Whether the known pieces of a partly known name surely say GPU: a piece mentions it where no
 * unknown part can negate it. A `gpu` at the start of a piece that follows an unknown part may be
 * the end of `non-gpu` (`"non-$X"` is not read as GPU, nor `"${prefix}gpu"` with an unknown prefix).
 */
export function piecesMentionGpu(pieces: readonly string[]): boolean {
  return pieces.some((p, i) => mentionsGpu(i === 0 ? p : p.replace(/^[-_. ]?gpus?/i, '#')));
}

/**
 * Whether a partly known name has `gpu` only right after an unknown part (`${prefix}-gpu`): it
 * says GPU unless that part ends in a negation (`non-gpu`), which the scan cannot know.
 */
export function piecesMayMentionGpu(pieces: readonly string[]): boolean {
  return !piecesMentionGpu(pieces) && pieces.some((p, i) => i > 0 && /^[-_. ]?gpus?/i.test(p) && mentionsGpu(p));
}

/** A label, tag or taint value that switches off what its key names (`gpu: "false"`). */
const OFF_VALUE = /^(?:false|no|none|off|disabled|0)$/i;

/** A `key` mentioning GPU set to an off value (`gpu = "false"`, `nvidia.com/gpu.deploy.operands=false`): says no GPU. */
function gpuSwitchedOff(key: string, value: Value | string | undefined): boolean {
  const v = typeof value === 'string' ? value : value?.kind === 'string' ? value.value : value?.kind === 'bool' ? String(value.value) : undefined;
  return v !== undefined && OFF_VALUE.test(v.trim()) && mentionsGpu(key);
}

/** How messages name each kind of GPU workload. */
const WORKLOAD_NAMES: Record<SizedKind, string> = { 'aks.nodepool': 'node pool', 'ml.compute': 'AML compute', vm: 'VM', vmss: 'scale set' };

/** "node pool", "AML compute", "VM", "scale set"; capitalized to start a message. */
export function workloadName(kind: SizedKind, startOfSentence = false): string {
  const n = WORKLOAD_NAMES[kind];
  return startOfSentence ? n.charAt(0).toUpperCase() + n.slice(1) : n;
}

/** What GPU intent is read from (RULES.md GPU001 "meant for GPU"); values are known values, or undefined. */
export interface GpuIntentInput {
  /** The resource's known name. */
  name?: string;
  /** The last segment of its address (the Terraform label, the symbolic name). */
  label?: string;
  /** When the name is only partly known: the known pieces of its own segment (`UnknownValue.literals`). */
  nameParts?: readonly string[];
  /** Read in this order, only until one says GPU: node labels, tags, taints. */
  read(attr: 'labels' | 'tags' | 'taints'): Value | undefined;
  /** The project's tags (`tagKey`), which say nothing about this resource (`Resource.projectTags`); `unknown`: no tag says anything. */
  projectTags?: ReadonlySet<string> | 'unknown';
  /** The inputs and template variables the size flowed through (structured `via` entries). */
  sizeSymbols: readonly SymbolRef[];
}

/**
 * The texts of labels, tags or taints that may say GPU, each with how a message shows it (a map
 * entry as `key = "value"`, whichever of the two says GPU: `Project = "aks-gpu"` is a tag named
 * Project); a GPU key switched off (`gpu: "false"`, taint `gpu=false:NoSchedule`) says nothing.
 */
function textsOf(v: Value | undefined, skip?: ReadonlySet<string>): { text: string; shown: string }[] {
  if (!v) return [];
  if (v.kind === 'string') return taintSwitchedOff(v.value) ? [] : [{ text: v.value, shown: JSON.stringify(v.value) }];
  if (v.kind === 'list') return v.items.flatMap((i) => textsOf(i));
  if (v.kind === 'object') {
    return [...v.entries].flatMap(([k, e]) => {
      if (gpuSwitchedOff(k, e)) return [];
      if (skip && e.kind === 'string' && skip.has(tagKey(k, e.value))) return [];
      const shown = e.kind === 'string' ? `${k} = ${JSON.stringify(e.value)}` : JSON.stringify(k);
      return [{ text: k, shown }, ...textsOf(e).map((t) => ({ text: t.text, shown: e.kind === 'string' ? shown : t.shown }))];
    });
  }
  return [];
}

/** A tag of `tags` that mentions GPU, as messages show it (`Project = "aks-gpu"`), or undefined. */
export function gpuTagShown(tags: Value | undefined): string | undefined {
  return textsOf(tags).find((t) => mentionsGpu(t.text))?.shown;
}

/** A taint `key=value:Effect` whose GPU key is set to an off value. */
function taintSwitchedOff(text: string): boolean {
  const m = /^([^=:]+)=([^:]*):/.exec(text);
  return m !== null && gpuSwitchedOff(m[1]!, m[2]!);
}

const ATTR_WORD = { labels: 'label', tags: 'tag', taints: 'taint' } as const;

/** The last `/` segment of a name (an ARM child `parent/child` → `child`). */
function ownName(name: string | undefined): string | undefined {
  return name?.split('/').pop();
}

/**
 * RULES.md GPU001 "meant for GPU": the name says gpu; a label, tag or taint key or value
 * mentions gpu (`nvidia.com/gpu` included); or the size comes from a variable/parameter
 * whose name contains gpu. Returns the reason, for messages; undefined when nothing says GPU.
 */
export function gpuIntent(s: GpuIntentInput): string | undefined {
  // The resource's own name: an ARM child's name and address carry its parent's name first
  // (`mlw-gpu/cpu-cluster`, `…/agentPools/aks-gpu/cpu`), which says nothing about the child.
  const name = ownName(s.name);
  const label = ownName(s.label);
  if (name !== undefined && mentionsGpu(name)) return `its name "${name}" says GPU`;
  // A partly known name whose known pieces say GPU: the name, as written (review 105: the label
  // was quoted as "its name" though the name itself says it). Unknown parts side by side are one
  // `…` (`${a}${b}-gpu` reads "…-gpu", not "……-gpu").
  if (name === undefined && s.nameParts && piecesMentionGpu(s.nameParts)) return `its name "${s.nameParts.join('…').replace(/…{2,}/g, '…')}" says GPU`;
  // The address's label (a Terraform label, a Bicep symbolic name) stands for the name only when
  // the name is not known: a known name (`cpu-cluster`) is the resource's, whatever the code calls it.
  if (name === undefined && label !== undefined && mentionsGpu(label)) return `its name "${label}" says GPU`;
  const projectTags = s.projectTags === 'unknown' ? undefined : s.projectTags;
  for (const attr of ['labels', 'tags', 'taints'] as const) {
    // Read all the same: an unknown value read through the rule context is a "could not decide".
    if (attr === 'tags' && s.projectTags === 'unknown') {
      s.read(attr);
      continue;
    }
    const hit = textsOf(s.read(attr), attr === 'tags' ? projectTags : undefined).find((t) => mentionsGpu(t.text));
    if (hit) return `its ${ATTR_WORD[attr]} ${hit.shown} mentions GPU`;
  }
  const input = s.sizeSymbols.find((x) => mentionsGpu(x.name));
  return input ? `its size comes from "${input.name}"` : undefined;
}

/**
 * Sizes with AMD GPUs (NVv4: Radeon Instinct MI25; NGads V620: Radeon Pro V620), whose
 * nodes do not get AKS's NVIDIA accelerator label ("NVv4-series",
 * https://learn.microsoft.com/azure/virtual-machines/nvv4-series; "NGads V620-series",
 * https://learn.microsoft.com/azure/virtual-machines/ngads-v-620-series).
 */
export function isAmdGpuSize(size: string): boolean {
  return /^Standard_NV\d+as_v4$/i.test(size) || /^Standard_NG\d+ads_V620_v1$/i.test(size);
}

/**
 * RULES.md GPU005: a module argument whose name says GPU size — `gpu` together with `size`,
 * `sku` or `vm` (`gpuVmSize`, `gpu_node_size`, `gpu-sku`), case-insensitive.
 */
export function namesGpuSize(name: string): boolean {
  return /gpu/i.test(name) && /size|sku|vm/i.test(name.replace(/gpu/gi, ''));
}

// Case-insensitive like GPU_SIZE: Azure takes `standard_d8s_v5` as `Standard_D8s_v5`, so a
// lower-case CPU size is as much a size as a GPU size written the same way.
const VM_SIZE_NAME = new RegExp(`^${SIZE_PREFIX}[A-Za-z]`, 'i');

/** A VM size name (`Standard_<family>…`, any case): only such values are judged GPU or not (GPU002 guards, GPU005). */
export function isVmSizeName(value: string): boolean {
  return VM_SIZE_NAME.test(value.trim());
}
