/**
 * Azure Policy definitions as data: read from a positioned JSON value (a policy file, an
 * ARM/Bicep `Microsoft.Authorization/policyDefinitions` resource body) or from the string
 * attributes of a Terraform `azurerm_policy_definition`.
 *
 * Shape (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics):
 * `{ properties?: { displayName, mode, parameters, policyRule: { if, then } }, name? }` — the
 * policy rule sits at the top of the file or under `properties`. An initiative
 * (`properties.policyDefinitions: [{ policyDefinitionId, parameters }]`) names member
 * definitions by id; members of the same configured set are matched by the id's last segment.
 */
import type { Location } from '../../core/source.js';
import { fromJS, member, unknown, type ObjectValue, type Value } from '../../core/value.js';

export interface PolicyParameterDecl {
  name: string;
  defaultValue?: Value;
  allowedValues?: Value;
}

export interface PolicyDefinition {
  /** The definition's `name` (its id's last segment), else the file name without `.json`. */
  name: string;
  /** `displayName`, else `name`: what messages show. */
  displayName: string;
  /** `mode` as written (`All`, `Indexed`, `Microsoft.Kubernetes.Data`, …); undefined when not written. */
  mode: string | undefined;
  /** Declared parameters, by lower-case name (ARM parameter names are case-insensitive). */
  parameters: Map<string, PolicyParameterDecl>;
  /**
   * The `parameters` written is not known (`parameters = var.policy_parameters` without a
   * value): `parameters` is then empty, and which parameters it declares is not known.
   */
  parametersUnknown?: true;
  /**
   * A definition in the scanned code whose name or display name is not known
   * (`name = "${var.prefix}-deny-ml-public"` without a value): `name` is then the resource's
   * address, never a name to show, and a key of `policies.parameters` may name it.
   */
  unknownName?: true;
  /** `policyRule.if`. */
  if: Value;
  /** `policyRule.then`. */
  then: Value;
  /** Where the policy rule is written (the `policyRule` object). */
  location: Location;
  /** `config`: a configured policy file; `scanned`: a definition found in the scanned code. */
  source: 'config' | 'scanned';
  /**
   * Parameter values an initiative assigns to this member (`[parameters('x')]` of the
   * initiative already resolved against its own parameters where possible).
   */
  initiativeParameters?: Map<string, Value>;
}

export interface InitiativeDefinition {
  name: string;
  displayName: string;
  members: { id: string; parameters: Value | undefined; at: Location | undefined }[];
  parameters: Map<string, PolicyParameterDecl>;
  /** As `PolicyDefinition.parametersUnknown`. */
  parametersUnknown?: true;
  location: Location;
}

/** What a JSON document holds, as far as policies go. */
export type PolicyDocument =
  | { kind: 'definition'; definition: PolicyDefinition }
  | { kind: 'initiative'; initiative: InitiativeDefinition }
  | { kind: 'none'; reason: string };

const str = (v: Value | undefined): string | undefined => (v?.kind === 'string' ? v.value : undefined);

/**
 * The declared parameters of a definition or initiative: none when `parameters` is not written
 * (or null); `unknown` when it is written but is not an object of declarations (a value not
 * known, or not of the shape Azure reads): what it declares is then not known.
 */
function readParameters(v: Value | undefined): { parameters: Map<string, PolicyParameterDecl>; parametersUnknown?: true } {
  const out = new Map<string, PolicyParameterDecl>();
  if (v === undefined || v.kind === 'null') return { parameters: out };
  if (v.kind !== 'object') return { parameters: out, parametersUnknown: true };
  for (const [name, decl] of v.entries) {
    const p: PolicyParameterDecl = { name };
    const dv = member(decl, 'defaultValue');
    if (dv) p.defaultValue = dv;
    const av = member(decl, 'allowedValues');
    if (av) p.allowedValues = av;
    out.set(name.toLowerCase(), p);
  }
  return { parameters: out };
}

/** The last segment of a definition id (`/providers/Microsoft.Authorization/policyDefinitions/<name>`). */
export function idName(id: string): string {
  const parts = id.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? id;
}

/**
 * Reads a policy document. `fallbackName` names a definition without `name` (the file name);
 * `at` locates a document whose value has no origin.
 */
export function readPolicyDocument(doc: Value, fallbackName: string, at: Location, source: PolicyDefinition['source']): PolicyDocument {
  if (doc.kind !== 'object') return { kind: 'none', reason: 'the document is not a JSON object' };
  const props = member(doc, 'properties');
  const holder = member(doc, 'policyRule') ? doc : props && member(props, 'policyRule') ? props : undefined;
  const name = str(member(doc, 'name')) ?? (str(member(doc, 'id')) ? idName(str(member(doc, 'id'))!) : fallbackName);
  if (holder) {
    const rule = member(holder, 'policyRule')!;
    const ifCond = member(rule, 'if');
    const then = member(rule, 'then');
    if (!ifCond || !then) return { kind: 'none', reason: 'policyRule needs "if" and "then"' };
    const meta = holder === doc ? doc : props!;
    return {
      kind: 'definition',
      definition: {
        name,
        displayName: str(member(meta, 'displayName')) ?? str(member(doc, 'displayName')) ?? name,
        mode: str(member(meta, 'mode')) ?? str(member(doc, 'mode')),
        ...readParameters(member(meta, 'parameters') ?? member(doc, 'parameters')),
        if: ifCond,
        then,
        location: rule.origin ?? at,
        source,
      },
    };
  }
  const set = member(props ?? doc, 'policyDefinitions');
  if (set?.kind === 'list') {
    const meta = props ?? doc;
    return {
      kind: 'initiative',
      initiative: {
        name,
        displayName: str(member(meta, 'displayName')) ?? name,
        ...readParameters(member(meta, 'parameters')),
        // A member by id (ARM), or by name (Enterprise Policy as Code's `policyDefinitionName`).
        members: set.items.map((m) => ({ id: str(member(m, 'policyDefinitionId')) ?? str(member(m, 'policyDefinitionName')) ?? '', parameters: member(m, 'parameters'), at: m.origin })),
        location: set.origin ?? at,
      },
    };
  }
  return { kind: 'none', reason: NEITHER_SHAPE };
}

/** Why an object is neither a definition nor an initiative. */
export const NEITHER_SHAPE = 'no policyRule (at the top or under properties) and no policyDefinitions';

/**
 * A Terraform `azurerm_policy_definition`: `policy_rule` and `parameters` are JSON strings
 * (`jsonencode({...})`, a heredoc, or `file("rule.json")`). `jsonencode`'s value and a JSON
 * file's text keep their values' places (the string's `document`), where a finding's related
 * location points; a heredoc's values get the attribute's origin (the text is not positioned inside).
 */
export function readTerraformPolicy(body: Value, fallbackName: string, at: Location): PolicyDocument {
  const ruleText = member(body, 'policy_rule');
  if (!ruleText) return { kind: 'none', reason: 'no policy_rule' };
  if (ruleText.kind !== 'string') return { kind: 'none', reason: ruleText.kind === 'unknown' ? `policy_rule is not known (${ruleText.reason})` : 'policy_rule is not a JSON string' };
  const p = member(body, 'parameters');
  let rule: unknown;
  let params: unknown = {};
  try {
    rule = JSON.parse(ruleText.value);
    if (p?.kind === 'string') params = JSON.parse(p.value);
  } catch (e) {
    return { kind: 'none', reason: `policy_rule is not valid JSON (${(e as Error).message})` };
  }
  const origin = ruleText.origin ?? at;
  const doc = fromJS({ name: str(member(body, 'name')) ?? fallbackName, displayName: str(member(body, 'display_name')), mode: str(member(body, 'mode')) }, origin) as ObjectValue;
  // `parameters` not known (`var.policy_parameters` without a value) is kept as it is: what
  // the definition declares is then not known, not "none".
  const declared = p === undefined || p.kind === 'null' || p.kind === 'string' ? undefined : p.kind === 'unknown' ? p : unknown('parameters is not a JSON string', p.origin);
  doc.entries.set('parameters', declared ?? (p?.kind === 'string' && p.document ? p.document : fromJS(params, origin)));
  doc.entries.set('policyRule', ruleText.document ?? fromJS(rule, origin));
  return readPolicyDocument(doc, fallbackName, origin, 'scanned');
}

/**
 * Definitions kept for embedding in an ARM template (Azure/Enterprise-Scale
 * `src/resources/Microsoft.Authorization/policyDefinitions/*.json`) write every policy
 * expression with the template escape `[[…]`, which the template deployment turns into `[…]`.
 * A document whose expression strings all start with `[[` (and none with a single `[`) is
 * read as deployed: one `[` dropped.
 */
export function unescapeTemplateDocument(doc: Value): Value {
  let escaped = 0;
  let plain = 0;
  const scan = (v: Value, depth: number): void => {
    if (depth > 64) return;
    if (v.kind === 'string') {
      if (v.value.startsWith('[[')) escaped++;
      else if (v.value.startsWith('[') && v.value.trimEnd().endsWith(']')) plain++;
    } else if (v.kind === 'list') for (const i of v.items) scan(i, depth + 1);
    else if (v.kind === 'object') for (const e of v.entries.values()) scan(e, depth + 1);
  };
  scan(doc, 0);
  if (escaped === 0 || plain > 0) return doc;
  const strip = (v: Value, depth: number): Value => {
    if (depth > 64) return v;
    if (v.kind === 'string') return v.value.startsWith('[[') ? { ...v, value: v.value.slice(1) } : v;
    if (v.kind === 'list') return { ...v, items: v.items.map((i) => strip(i, depth + 1)) };
    if (v.kind === 'object') return { ...v, entries: new Map([...v.entries].map(([k, e]) => [k, strip(e, depth + 1)])) };
    return v;
  };
  return strip(doc, 0);
}
