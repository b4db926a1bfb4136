/**
 * Facts about network security group rules used by NET001.
 *
 * Sources:
 * - "Network security groups", security rules
 *   (https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules):
 *   protocol `TCP`, `UDP`, `ICMP`, `ESP`, `AH` or `Any` (`*` in ARM); a source is an IP
 *   address, a CIDR range, a service tag (`Internet`) or `*` (any); a port is a number, a
 *   range `low-high` or `*`.
 * - ARM template reference, Microsoft.Network/networkSecurityGroups/securityRules
 *   (https://learn.microsoft.com/azure/templates/microsoft.network/networksecuritygroups/securityrules).
 * - IANA service name and port number registry: ssh 22/tcp, ms-wbt-server (RDP) 3389/tcp.
 */

/** Administrative ports and their services. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
]);

/** Source prefixes that mean "anyone on the internet" (RULES.md NET001), lower-case. */
const INTERNET_SOURCES = new Set(['*', 'internet', 'any', '0.0.0.0/0']);

export function isInternetSource(prefix: string): boolean {
  return INTERNET_SOURCES.has(prefix.trim().toLowerCase());
}

/** Protocol values that include TCP, lower-case. */
const TCP_PROTOCOLS = new Set(['tcp', '*', 'any']);

export function includesTcp(protocol: string): boolean {
  return TCP_PROTOCOLS.has(protocol.toLowerCase());
}

/** The admin ports a port spec (`22`, `20-25`, `*`) covers. */
export function adminPortsIn(spec: string): number[] {
  const s = spec.trim();
  const all = [...ADMIN_PORTS.keys()];
  if (s === '*' || s.toLowerCase() === 'any') return all;
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(s);
  if (!m) return [];
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return all.filter((p) => p >= lo && p <= hi);
}

/** "SSH (22) and RDP (3389)". */
export function describeAdminPorts(ports: readonly number[]): string {
  return ports.map((p) => `${ADMIN_PORTS.get(p) ?? 'port'} (${p})`).join(' and ');
}
