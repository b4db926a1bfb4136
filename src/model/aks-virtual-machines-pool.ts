/**
 * An AKS agent pool of type `VirtualMachines` (AgentPool REST API, `type`; API versions from
 * 2024: `virtualMachinesProfile.scale`) has no `vmSize`, `enableAutoScaling` or `minCount`: its
 * sizes and node counts are scale profiles, `scale.manual[]` (`size`, `count`: a fixed number of
 * nodes) and `scale.autoscale` (`size`, `minCount`, `maxCount`; a list, an object in some API
 * versions), each for one VM size (learn.microsoft.com: AgentPoolScaleProfile,
 * ManualScaleProfile, AgentPoolAutoScaleProfile; "Each profile targets a specific VM SKU").
 * Read from there, the pool's canonical facts are:
 * - `vmSize`: the one size its profiles name; several sizes, or one not known, is unknown;
 * - `scaleProfile`: `manual` or `autoscale` (both kinds at once: unknown);
 * - `autoscale`: true for autoscale profiles, false for manual ones;
 * - `minCount`: the nodes that always run: the sum of the manual counts, or of the autoscale
 *   minimums (at the first profile that keeps any).
 * The classic properties' defaults (`enableAutoScaling` false) do not apply to such a pool.
 */
import type { Location } from '../core/source.js';
import { bool, num, str, unknown, withProvenanceOf, type Value } from '../core/value.js';
import type { Fact } from './resource.js';
import { valueAt } from './value-path.js';

interface Profile {
  item: Value;
  path: string;
}

/** The facts of a `VirtualMachines` pool, or undefined for any other pool type (absent: VirtualMachineScaleSets). */
export function virtualMachinesPoolFacts(body: Value, base: string, site: ((p: string) => Location | undefined) | undefined): Map<string, Fact> | undefined {
  const type = valueAt(body, `${base}type`);
  if (type?.kind !== 'string' || type.value.toLowerCase() !== 'virtualmachines') return undefined;
  const scalePath = `${base}virtualMachinesProfile.scale`;
  const at = (p: string): Location | undefined => site?.(p);
  const out = new Map<string, Fact>();
  const allUnknown = (reason: string, where: Value | undefined): Map<string, Fact> => {
    for (const [attr, p] of [['vmSize', 'size'], ['autoscale', 'autoscale'], ['minCount', 'minCount'], ['scaleProfile', 'scale']] as const) {
      out.set(attr, { value: unknown(reason, where?.origin), defaulted: false, at: at(scalePath), sourcePath: `${scalePath}.${p}` });
    }
    return out;
  };
  const scale = valueAt(body, scalePath);
  if (scale?.kind !== 'object') return allUnknown(scale === undefined ? 'a VirtualMachines pool without virtualMachinesProfile.scale' : `virtualMachinesProfile.scale is not known: ${scale.kind === 'unknown' ? scale.reason : 'not an object'}`, scale);
  const manual = profilesOf(scale, 'manual', scalePath);
  const auto = profilesOf(scale, 'autoscale', scalePath);
  if (manual === 'unknown' || auto === 'unknown') return allUnknown('which scale profiles the VirtualMachines pool has is not known', scale);
  const profiles = [...manual, ...auto];
  if (profiles.length === 0) return allUnknown('a VirtualMachines pool without scale profiles', scale);

  // The size: the one size every profile names.
  const sizes = profiles.map((p) => ({ v: valueAt(p.item, 'size'), path: `${p.path}.size` }));
  const known = sizes.filter((s): s is { v: Value & { kind: 'string' }; path: string } => s.v?.kind === 'string');
  const distinct = new Set(known.map((s) => s.v.value.toLowerCase()));
  if (known.length === sizes.length && distinct.size === 1) out.set('vmSize', { value: known[0]!.v, defaulted: false, at: at(known[0]!.path), sourcePath: known[0]!.path });
  else {
    const why = known.length < sizes.length ? 'a scale profile of the VirtualMachines pool has a size that is not known' : `the VirtualMachines pool has profiles of several sizes (${[...distinct].join(', ')})`;
    out.set('vmSize', { value: unknown(why), defaulted: false, at: at(sizes[0]!.path), sourcePath: sizes[0]!.path });
  }

  // How it scales, and the nodes that always run.
  const kind = manual.length && auto.length ? undefined : manual.length ? 'manual' : 'autoscale';
  const kindPath = `${scalePath}.${kind ?? 'manual'}`;
  if (kind === undefined) {
    out.set('scaleProfile', { value: unknown('the VirtualMachines pool has both manual and autoscale profiles'), defaulted: false, at: at(scalePath), sourcePath: scalePath });
    out.set('autoscale', { value: unknown('the VirtualMachines pool has both manual and autoscale profiles'), defaulted: false, at: at(scalePath), sourcePath: `${scalePath}.autoscale` });
  } else {
    out.set('scaleProfile', { value: str(kind), defaulted: false, at: at(kindPath), sourcePath: kindPath });
    out.set('autoscale', { value: bool(kind === 'autoscale'), defaulted: false, at: at(kindPath), sourcePath: kindPath });
  }
  const countKey = kind === 'manual' ? 'count' : 'minCount';
  const counts = (kind === 'manual' ? manual : auto).map((p) => ({ v: valueAt(p.item, countKey), path: `${p.path}.${countKey}` }));
  if (kind === undefined) out.set('minCount', { value: unknown('the VirtualMachines pool has both manual and autoscale profiles'), defaulted: false, at: at(scalePath), sourcePath: scalePath });
  else if (counts.every((c) => c.v?.kind === 'number')) {
    const total = counts.reduce((sum, c) => sum + (c.v as Value & { kind: 'number' }).value, 0);
    const first = counts.find((c) => (c.v as Value & { kind: 'number' }).value > 0) ?? counts[0]!;
    const value = counts.length === 1 ? first.v! : withProvenanceOf(num(total), first.v!);
    out.set('minCount', { value, defaulted: false, at: at(first.path), sourcePath: first.path });
  } else {
    // An absent autoscale minimum or manual count is not documented with a default here: not known.
    const missing = counts.find((c) => c.v?.kind !== 'number')!;
    out.set('minCount', { value: missing.v?.kind === 'unknown' ? missing.v : unknown(`${missing.path} is not set`), defaulted: false, at: at(missing.path), sourcePath: missing.path });
  }
  return out;
}

/** The profiles under `scale.<key>`: a list, or one object (autoscale in some API versions); 'unknown' when not readable. */
function profilesOf(scale: Value, key: 'manual' | 'autoscale', scalePath: string): Profile[] | 'unknown' {
  const v = valueAt(scale, key);
  if (v === undefined || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.map((item, i) => ({ item, path: `${scalePath}.${key}.${i}` }));
  if (v.kind === 'object') return [{ item: v, path: `${scalePath}.${key}` }];
  return 'unknown';
}
