import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { displayName, factLocations, knownString, sameRange } from '../../src/engine/facts.js';

/** Administrative ports: SSH and RDP. */
const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };
/** Source prefixes that mean "anyone on the internet" (RULES.md NET001), lower-case. */
const ANY_SOURCE = new Set(['*', 'internet', 'any', '0.0.0.0/0']);
/** Protocols that include TCP, lower-case. */
const TCP = new Set(['tcp', '*', 'any']);

/** The known string/number items of a scalar-or-list value (a list with an unknown item yields undefined). */
function items(v: Value | undefined): Value[] | undefined {
  if (!v) return [];
  if (v.kind === 'list') return v.items.some((i) => i.kind === 'unknown') ? undefined : v.items;
  if (v.kind === 'unknown') return undefined;
  return [v];
}

function text(v: Value): string | undefined {
  if (v.kind === 'string') return v.value.trim();
  if (v.kind === 'number') return String(v.value);
  return undefined;
}

/** The admin ports a port spec (`22`, `20-25`, `*`) covers. */
export function adminPortsIn(spec: string): number[] {
  const s = spec.trim();
  if (s === '*' || s.toLowerCase() === 'any') return [22, 3389];
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(s);
  if (!m) return [];
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return [22, 3389].filter((p) => p >= lo && p <= hi);
}

/** The offending port value and the admin ports it opens; undefined when none (or not known). */
function openPort(r: Resource): { value: Value; attr: string; ports: number[] } | undefined {
  for (const attr of ['destinationPort', 'destinationPorts']) {
    const list = items(r.attrs.get(attr)?.value);
    for (const v of list ?? []) {
      const t = text(v);
      const ports = t === undefined ? [] : adminPortsIn(t);
      if (ports.length) return { value: v, attr, ports };
    }
  }
  return undefined;
}

function anySource(r: Resource): Value | undefined {
  for (const attr of ['sourceAddress', 'sourceAddresses']) {
    for (const v of items(r.attrs.get(attr)?.value) ?? []) {
      const t = text(v);
      if (t !== undefined && ANY_SOURCE.has(t.toLowerCase())) return v;
    }
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'NET001',
    name: 'admin-port-open-to-internet',
    shortDescription: 'NSG rule allowing SSH (22) or RDP (3389) from the internet.',
    fullDescription:
      'SSH and RDP exposed to 0.0.0.0/0 are found by internet-wide scanners within minutes and brute-forced around the clock. A compromised jump host, GPU VM or compute node in an ML subnet gives an attacker the training data, the model registry and every managed identity on that network — and GPU VMs are a favourite target for crypto-mining, which shows up as a five-figure bill.',
    help: 'Restrict source_address_prefix(es) (ARM/Bicep/azapi: sourceAddressPrefix(es)) to a management range or service tag, or remove the rule and use Azure Bastion or just-in-time VM access.',
    level: 'error',
    tags: ['security', 'network', 'nsg'],
    securitySeverity: 8.6,
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/network/NET001-admin-port-open-to-internet.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const r of g.ofKind('nsg.rule')) {
          if (knownString(r, 'direction')?.toLowerCase() !== 'inbound') continue;
          if (knownString(r, 'access')?.toLowerCase() !== 'allow') continue;
          const protocol = knownString(r, 'protocol');
          if (protocol === undefined || !TCP.has(protocol.toLowerCase())) continue;
          const source = anySource(r);
          if (!source) continue;
          const port = openPort(r);
          if (!port) continue;
          // RULES.md "Location": where the offending value is written — the port value that
          // opens 22/3389 (a list entry for a list); the rule's header when it has no origin.
          const portLoc = factLocations(r, port.attr);
          const location: Location = port.value.origin ?? portLoc.location;
          const related: Location[] = portLoc.related.filter((l) => !sameRange(l, location));
          if (!sameRange(r.header, location)) related.push({ ...r.header, label: `security rule "${displayName(r)}"` });
          if (source.origin) related.push({ ...source.origin, label: `source ${text(source) ?? ''}` });
          const nsg = r.parent ?? (r.refs.has('nsg') ? g.target(r, 'nsg') : undefined);
          const where = nsg ? ` of NSG "${displayName(nsg)}"` : '';
          const what = port.ports.map((p) => `${ADMIN_PORTS[p]} (${p})`).join(' and ');
          ctx.report({
            resource: r,
            attributePath: port.attr,
            location,
            related,
            message: `Security rule "${displayName(r)}"${where} allows inbound ${what} from "${text(source)}" (the internet); restrict the source to a management range or use Azure Bastion.`,
          });
        }
      },
    };
  },
};
export default rule;

