import type { Value } from '../../src/core/value.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, entryLocations, sameRange } from '../../src/engine/facts.js';
import { adminPortsIn, describeAdminPorts, includesTcp, isInternetSource } from '../../src/model/facts/network.js';
import type { Resource } from '../../src/model/resource.js';

type Rule = Resource<'nsg.rule'>;

/** A port spec or source prefix as written (`22`, `"20-25"`, `"*"`). */
function text(v: Value): string | undefined {
  if (v.kind === 'string') return v.value.trim();
  if (v.kind === 'number') return String(v.value);
  return undefined;
}

/** The entries of a scalar-or-list attribute's value (none when absent). */
function entriesOf(v: Value | undefined): readonly Value[] {
  return v === undefined ? [] : v.kind === 'list' ? v.items : [v];
}

/**
 * Whether every entry of the scalar-or-list attributes `attrs` is known and none `matches` (none
 * written counts too): then no value the rule's other attributes take makes it a finding, and
 * those not known are nothing to list (review 119: a port-80 rule from `"${var.ip}/32"` was
 * listed as "could not decide"). Read before the rule's facts, so nothing is recorded for it.
 */
function noEntryCanMatch(r: Rule, attrs: readonly Entry['attr'][], matches: (t: string) => boolean): boolean {
  for (const attr of attrs) {
    for (const e of entriesOf(r.attrs.get(attr)?.value)) {
      const t = text(e);
      if (t === undefined || matches(t)) return false;
    }
  }
  return true;
}

/** One matching entry of a scalar-or-list attribute, with the attribute it was read from. */
interface Entry {
  attr: 'destinationPort' | 'destinationPorts' | 'sourceAddress' | 'sourceAddresses';
  value: Value;
  sourcePath: string;
}

export default defineRule({
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
    messages: {
      adminPortOpen:
        'Security rule "{{name}}"{{where}} allows inbound {{ports}} from "{{source}}" (the internet); restrict {{sourceAttribute}} to a management range or use Azure Bastion.',
    },
  },
  create(ctx) {
    /**
     * The first entry of the scalar-or-list attributes `attrs` that `matches`, read in order.
     * A list with an unknown entry is not judged (as before); when nothing matches, that is
     * recorded as "could not decide".
     */
    const firstEntry = (r: Rule, attrs: readonly Entry['attr'][], matches: (t: string) => boolean): Entry | undefined => {
      const unknownEntries: { attr: Entry['attr']; reason: string }[] = [];
      for (const attr of attrs) {
        const fact = ctx.fact(r, attr);
        const v = fact.value;
        if (!v) continue; // absent, or unknown (recorded by ctx.fact)
        const entries = entriesOf(v);
        const unknown = entries.find((e) => e.kind === 'unknown');
        if (unknown?.kind === 'unknown') {
          unknownEntries.push({ attr, reason: unknown.reason });
          continue;
        }
        for (const e of entries) {
          const t = text(e);
          if (t !== undefined && matches(t)) return { attr, value: e, sourcePath: fact.sourcePath };
        }
      }
      for (const u of unknownEntries) ctx.undecided(r, u.attr, u.reason);
      return undefined;
    };

    /**
     * A text attribute, lower-case, when it is one of `values`; otherwise undefined, and a
     * value that is not set (with no default), not text or not one of them is recorded as
     * "could not decide" (an unknown one is recorded by ctx.fact).
     */
    const oneOf = (r: Rule, attr: 'direction' | 'access', values: readonly string[]): string | undefined => {
      const fact = ctx.fact(r, attr);
      if (fact.state === 'unknown') return undefined;
      const s = fact.string()?.toLowerCase();
      if (s !== undefined && values.includes(s)) return s;
      ctx.undecided(r, attr, fact.state === 'absent' ? 'not set, and its default is not known for this format' : `${fact.describe()}, not one of ${values.join(', ')}`);
      return undefined;
    };

    /**
     * Every admin port the rule opens, over all known entries of its destination ports: the
     * finding points at the first entry that opens one, but `["21-23", "3389"]` opens both.
     */
    const allAdminPorts = (r: Rule): number[] => {
      const ports = new Set<number>();
      for (const attr of ['destinationPort', 'destinationPorts'] as const) {
        const v = ctx.fact(r, attr).value;
        for (const e of entriesOf(v)) {
          const t = text(e);
          if (t !== undefined) for (const p of adminPortsIn(t)) ports.add(p);
        }
      }
      return [...ports].sort((a, b) => a - b);
    };
    return {
      'nsg.rule'(r, g) {
        // A rule whose known ports open no admin port, or whose known sources are none of the
        // internet's, is no finding whatever else it holds: nothing is undecided there.
        if (noEntryCanMatch(r, ['destinationPort', 'destinationPorts'], (t) => adminPortsIn(t).length > 0) || noEntryCanMatch(r, ['sourceAddress', 'sourceAddresses'], isInternetSource)) return;
        const direction = oneOf(r, 'direction', ['inbound', 'outbound']);
        if (direction !== 'inbound') return;
        const access = oneOf(r, 'access', ['allow', 'deny']);
        if (access !== 'allow') return;
        const protocolFact = ctx.fact(r, 'protocol');
        const protocol = protocolFact.string();
        if (protocol === undefined) {
          if (protocolFact.state !== 'unknown') ctx.undecided(r, 'protocol', protocolFact.state === 'absent' ? 'not set, and its default is not known for this format' : `${protocolFact.describe()}, not a protocol name`);
          return;
        }
        if (!includesTcp(protocol)) return;
        const source = firstEntry(r, ['sourceAddress', 'sourceAddresses'], isInternetSource);
        if (!source) return;
        const port = firstEntry(r, ['destinationPort', 'destinationPorts'], (t) => adminPortsIn(t).length > 0);
        if (!port) return;
        // RULES.md "Location": where the offending value is written — the port value that
        // opens 22/3389 (a list entry for a list); the rule's header when it has no origin.
        const { location, related } = entryLocations(r, port.attr, port.value);
        if (!sameRange(r.header, location)) related.push({ ...r.header, label: `security rule "${displayName(r)}"` });
        if (source.value.origin) related.push({ ...source.value.origin, label: `source ${text(source.value) ?? ''}` });
        const nsg = r.parent ?? (r.refs.has('nsg') ? g.target(r, 'nsg') : undefined);
        ctx.report({
          resource: r,
          attributePath: port.attr,
          location,
          related,
          messageId: 'adminPortOpen',
          data: {
            name: displayName(r),
            where: nsg ? ` of NSG "${displayName(nsg)}"` : '',
            ports: describeAdminPorts(allAdminPorts(r)),
            source: text(source.value)!,
            sourceAttribute: source.sourcePath,
          },
        });
      },
    };
  },
});
