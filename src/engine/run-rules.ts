/**
 * Runs rules over the evaluated graphs, Terraform module facts, files and CI documents,
 * turning reports into findings: levels by environment, fingerprints, and one finding
 * for the same rule and location across variants (RULES.md "Variants").
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EnvClass } from '../model/resource.js';
import type { Finding, Graph, Report, Rule, RuleOptions, ScannedFile, TerraformModuleFacts, Undecided } from './types.js';
import type { Resource } from '../model/resource.js';
import { envOfResource, levelFor, severity } from './levels.js';

export interface RuleRunInput {
  root: string;
  rules: Rule[];
  options: RuleOptions;
  graphs: Graph[];
  terraformModules: TerraformModuleFacts[];
  files: ScannedFile[];
  ciDocuments: unknown[];
}

export function fingerprint(ruleId: string, relFile: string, address: string, attributePath: string, env: EnvClass): string {
  return createHash('sha256').update([ruleId, relFile, address, attributePath, env].join('\u0000')).digest('hex').slice(0, 32);
}

export function runRules(input: RuleRunInput, undecided: Undecided[] = []): Finding[] {
  const byKey = new Map<string, Finding>();
  const undecidedKeys = new Set<string>();
  for (const rule of input.rules) {
    let variant = 'default';
    let evalEnv: EnvClass | undefined;
    const report = (r: Report): void => {
      const env = r.env ?? (r.resource ? envOfResource(r.resource) : evalEnv) ?? 'unknown';
      const level = r.level ?? levelFor(rule.meta.level, env);
      if (level === 'off') return;
      const relFile = path.relative(input.root, r.location.file).split(path.sep).join('/');
      const address = r.resource?.address ?? r.subject ?? '';
      const attributePath = r.attributePath ?? '';
      const key = [rule.meta.id, r.location.file, r.location.range.start.offset, r.location.range.end.offset].join('|');
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.variants.includes(variant)) existing.variants.push(variant);
        if (severity(level) <= severity(existing.level)) return;
      }
      byKey.set(key, {
        ruleId: rule.meta.id,
        level,
        message: r.message,
        location: r.location,
        related: [...(r.related ?? []), ...(r.resource?.declaredIn ? [r.resource.declaredIn] : [])],
        fingerprint: fingerprint(rule.meta.id, relFile, address, attributePath, env),
        address: address || undefined,
        attributePath: attributePath || undefined,
        env,
        variants: existing ? [...existing.variants] : [variant],
      });
    };
    const onUndecided = (resource: Resource, attribute: string): void => {
      const v = resource.attrs.get(attribute)?.value;
      const key = `${rule.meta.id}|${resource.address}|${attribute}`;
      if (v?.kind !== 'unknown' || undecidedKeys.has(key)) return;
      undecidedKeys.add(key);
      undecided.push({ ruleId: rule.meta.id, address: resource.address, attribute, reason: v.reason, location: resource.attrs.get(attribute)?.at ?? resource.header });
    };
    const visitor = rule.create({ options: input.options, report, undecided: onUndecided });
    if (visitor.graph) {
      for (const g of input.graphs) {
        variant = g.evaluation.variant;
        evalEnv = g.evaluation.env;
        visitor.graph(g);
      }
    }
    variant = 'default';
    evalEnv = undefined;
    if (visitor.terraformModule) for (const m of input.terraformModules) visitor.terraformModule(m);
    if (visitor.file) for (const f of input.files) visitor.file(f);
    if (visitor.ciDocument) for (const d of input.ciDocuments) visitor.ciDocument(d);
  }
  for (const f of byKey.values()) f.variants.sort();
  return [...byKey.values()];
}
