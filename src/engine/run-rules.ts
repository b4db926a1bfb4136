/**
 * Runs rules over the evaluated graphs, Terraform module facts, files and CI files.
 * The engine does the bookkeeping so rules only decide (issue "One seam per input
 * format", item 4):
 * - `ctx.fact(resource, attr)` reads a canonical attribute and records "could not decide"
 *   whenever its value is unknown (`--verbose` is complete for every rule);
 * - `ctx.report({ messageId, data, resource, attr })` fills the message from
 *   `meta.messages`, the location (where the value was written, else the resource header),
 *   the related locations (the value's chain, the consuming attribute, the Bicep
 *   declaration), the level by environment class and the fingerprint (with an occurrence
 *   index when a rule reports one subject twice at different places);
 * - the same rule and location across variants is one finding (RULES.md "Variants").
 */
import path from 'node:path';
import { compareLocations, fileStart, type Location, locationContains } from '../core/source.js';
import { todayUtc } from '../core/clock.js';
import { repositoryPath } from '../core/paths.js';
import type { EnvClass } from '../core/env.js';
import { describeVendoredPlace, isVendoredFile, type Resource, type ResourceKind, type VendoredOrigin } from '../model/resource.js';
import type { CiFile } from '../model/ci.js';
import type { PolicySet } from '../model/policy-judgement.js';
import { KINDS } from '../model/kinds.js';
import { withoutInstanceKeys } from '../model/address.js';
import type { FactView, Finding, Graph, ReportDescriptor, Rule, RuleContext, ScanView, ScannedFile, TerraformModuleFacts, Undecided } from './types.js';
import { envOfResource, fingerprintsMoreProductionLike, keepStableFingerprint, levelFor, outranks } from './levels.js';
import { buildFinding, fingerprintOf, formatMessage, relativeToRoot } from './findings.js';
import { describeFact, displayName, spelledAsWritten, entryFactLocations, factLocations, joinLocations, joinReaders, sameRange, knownBoolOf, knownNumberOf, knownStringOf } from './facts.js';
import { scanView } from './scan.js';

export { fingerprint } from './findings.js';

export interface RuleRunInput {
  root: string;
  rules: Rule[];
  /** Resolved options per rule ID (defaults of `meta.options` overridden by the config). */
  options: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  graphs: Graph[];
  terraformModules: TerraformModuleFacts[];
  files: ScannedFile[];
  /** The CI model of every workflow, pipeline and script (`buildCiModel`). */
  ciFiles: CiFile[];
  /** The scan date, `YYYY-MM-DD` (default: today, UTC). */
  today?: string;
  /** The configured Azure Policy definitions (GOV002, GOV003). */
  policies?: PolicySet;
  /** The whole scan's cross-file facts (from every unit's summary); default: from these graphs only. */
  scan?: ScanView;
  /** The scan root's folders from the top of the repository above it (FrontEndContext.envAbove), for `repositoryPath`. */
  repositoryAbove?: string;
  /** Whether a folder inside the root is a repository's top (it has a `.git`), for `repositoryPath`; default: none is. */
  isRepositoryTop?: (dir: string) => boolean;
  /** The GitHub repositories (`owner/repo`, lower-case) the checkout holding a file names as its origin remote; default: none known. */
  repositoryNames?: (file: string) => readonly string[];
}

const RESOURCE_KINDS = Object.keys(KINDS) as ResourceKind[];
const KIND_ORDER = new Map<string, number>(RESOURCE_KINDS.map((k, i) => [k, i]));

/**
 * The resource kinds a visitor has a hook for, in RESOURCE_KINDS order (the order hooks run
 * in). Read from the names the visitor and its prototypes define (a rule's visitor has a few),
 * not by asking every visitor for every kind: that was a megamorphic miss per kind, rule and
 * unit. Object.prototype defines no kind name, so the walk stops there.
 */
function kindHooksOf(visitor: object): ResourceKind[] {
  const found: ResourceKind[] = [];
  for (let o: object | null = visitor; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (KIND_ORDER.has(name) && !found.includes(name as ResourceKind) && typeof (visitor as Record<string, unknown>)[name] === 'function') found.push(name as ResourceKind);
    }
  }
  return found.length > 1 ? found.sort((a, b) => KIND_ORDER.get(a)! - KIND_ORDER.get(b)!) : found;
}

/** The view of one attribute a rule reads. */
export function factView(r: Resource, attr: string): FactView {
  const f = r.attrs.get(attr);
  const v = f?.value;
  const state: FactView['state'] = v === undefined ? 'absent' : v.kind === 'unknown' ? 'unknown' : 'known';
  const value = state === 'known' ? v : undefined;
  return {
    state,
    value,
    defaulted: f?.defaulted ?? false,
    sourcePath: f?.sourcePath ?? attr,
    string: () => knownStringOf(value),
    bool: () => knownBoolOf(value),
    number: () => knownNumberOf(value),
    describe: () => describeFact(f, attr),
    spelled: (b) => spelledAsWritten(f, b),
  };
}

/** A rule that threw (a bug of ours): where it was looking, so the run reports it and goes on. */
export interface RuleFailure {
  ruleId: string;
  message: string;
  location: Location;
}

/**
 * A finding of a resource read from a registry module copy (issue 14, item 1): no place
 * shown names the copy's cache path (`.terraform/modules/…`). A primary place inside the
 * copy moves to the caller's argument that supplied the value (the first place of its chain
 * outside the copy), else to the module call; every related place inside the copy is shown
 * at the module call, its label naming the inner place relative to the module
 * (`inside module "kv" (Azure/avm-res-keyvault-vault/azurerm 0.10.1): main.tf:37`), so the
 * chain still reads in order.
 */
function outOfCopy(location: Location, related: Location[], v: VendoredOrigin, context: ReadonlySet<Location>): { location: Location; related: Location[]; relocated: boolean } {
  const atCall = (l: Location): Location => ({ ...v.call, label: `${describeVendoredPlace(l, v)}${l.label ? ` (${l.label})` : ''}` });
  const shown = (ls: Location[]): Location[] => ls.map((l) => (isVendoredFile(l.file, v) ? atCall(l) : l));
  if (!isVendoredFile(location.file, v)) return { location, related: shown(related), relocated: false };
  // A place the value flowed through (the module argument that supplied it), never a place the
  // rule names for context (the private registry of AML002): that one is another resource's.
  // Terraform code only: a policy definition or template the rule names is not where a module's value is supplied.
  const outside = related.find((l) => !isVendoredFile(l.file, v) && !context.has(l) && /\.(?:tf|tf\.json|tfvars|tfvars\.json)$/i.test(l.file));
  const primary = outside ?? v.call;
  const rest = related.filter((l) => l !== outside);
  return { location: primary, related: shown([location, ...rest]), relocated: true };
}

export function runRules(input: RuleRunInput, undecided: Undecided[] = [], failures: RuleFailure[] = []): Finding[] {
  const byKey = new Map<string, Finding>();
  /** The root module's calls whose instances a finding inside a shared local module merges (Resource.calledAt). */
  const callsByKey = new Map<string, Location[]>();
  /** The key of the finding already reported with a place and message (see `report`). */
  const keyByMessage = new Map<string, string>();
  /**
   * Per finding key: the instances of one declaration it stands for, address → name as messages
   * show it, and what its own finding said (its level, and its message with its name taken out).
   */
  const instancesByKey = new Map<string, Map<string, { name: string; words: string; parent?: string }>>();
  /**
   * Per finding key: the instance (a key of its `instancesByKey` map) whose words the finding
   * has. Instances of one address are told apart by name (a GitHub matrix, review 105): the
   * finding's address alone does not say which of them a more severe variant's finding is.
   */
  const keptInstance = new Map<string, string>();
  const undecidedKeys = new Set<string>();
  // Cross-file questions (K8S001's GPU pools), answered once for every rule.
  const scan = input.scan ?? scanView(input.graphs, input.root);
  const today = input.today ?? todayUtc();
  // The same for every rule: made once per unit, not once per rule.
  const relativePath = (file: string): string => relativeToRoot(input.root, file) || '.';
  const isTop = input.isRepositoryTop ?? ((): boolean => false);
  const repositoryPathOf = (file: string): string => repositoryPath(file, input.root, input.repositoryAbove, isTop);
  for (const rule of input.rules) {
    const meta = rule.meta;
    let variant = 'default';
    let evalEnv: EnvClass | undefined;
    /**
     * Distinct primary locations per fingerprint subject, for the occurrence index. Made on the
     * first report: most rules report nothing in most units (issue 15: per rule and unit work).
     */
    let occurrences: Map<string, Map<string, number>> | undefined;

    const report = (d: ReportDescriptor): void => {
      const r = d.resource;
      const env = d.env ?? (r ? envOfResource(r) : evalEnv) ?? 'unknown';
      const level = d.level ?? levelFor(meta.level, env);
      if (level === 'off') return;
      let location: Location;
      let related: Location[];
      /** Where the resource writes the attribute whose value is located elsewhere (suppressions). */
      let consumer: Location | undefined;
      if (d.location) {
        location = d.location;
        related = [...(d.related ?? [])];
        if (d.consumer && !sameRange(d.consumer, location)) consumer = d.consumer;
      } else if (r && d.attr) {
        const at = d.entry ? entryFactLocations(r, d.attr, d.entry) : factLocations(r, d.attr);
        location = at.location;
        related = [...at.related, ...(d.related ?? [])];
        const written = r.attrs.get(d.attr)?.at;
        if (written && !sameRange(written, location)) consumer = written;
        // A value in a file a command reads whole (`az ml compute create --file compute.yml`): the
        // command is its reader, so a directive over the command covers it, and it is related (audit 54).
        else if (r.readBy) {
          consumer = r.readBy;
          if (!related.some((l) => sameRange(l, r.readBy!))) related.push(r.readBy);
        }
      } else if (r) {
        location = r.header;
        related = [...(d.related ?? [])];
      } else {
        throw new Error(`${meta.id}: a report needs a location, or a resource`);
      }
      if (r?.declaredIn) related.push(r.declaredIn);
      let relocated = false;
      const vendored = r?.vendored ?? d.vendored;
      if (vendored) ({ location, related, relocated } = outOfCopy(location, related, vendored, new Set(d.location && !d.relatedIsContext ? [] : (d.related ?? []))));
      const message = formatMessage(meta.id, d.messageId, meta.messages?.[d.messageId], d.data);
      const subject = r?.address ?? d.subject ?? '';
      let attributePath = d.attributePath ?? d.attr ?? '';
      // One rule reporting one subject at two different places: the second gets an index,
      // so the two fingerprints differ (and stay stable when code moves).
      const occKey = [location.file, subject, attributePath, env].join('\u0000');
      // (Two subjects that are no resources, declared apart and reported at one place — two
      // commands of one script reading `$AA` — are two findings: two places for the index too.)
      const declaredApart = !r && d.declaredAt ? `|${d.declaredAt.file}:${d.declaredAt.range.start.offset}` : '';
      const where = `${location.range.start.offset}:${location.range.end.offset}${declaredApart}`;
      occurrences ??= new Map();
      // Each place's index by its offsets: a map, not a list to search (a script with thousands
      // of CI001 commands reports one subject thousands of times: quadratic with a list).
      let seen = occurrences.get(occKey);
      if (!seen) occurrences.set(occKey, (seen = new Map()));
      let index = seen.get(where);
      if (index === undefined) {
        index = seen.size;
        seen.set(where, index);
      }
      const baseAttributePath = attributePath;
      if (index > 0) attributePath = `${attributePath}#${index}`;

      // The same finding in several variants (or through several callers of a module) is one
      // finding: same rule, place and attribute. Two attributes reported at one place (TF003:
      // two providers missing from one `terraform {}` block) stay two findings.
      // Resources of one registry module copy re-pointed to one call stay apart by their block
      // (the address without instance keys): the instances of one block are one finding there,
      // as they are at a place inside a local module, whether the plan expanded them
      // (`module.kv["a"]`) or the static run could not (`module.kv`).
      // Resources declared apart (two `resource` blocks, two ARM resource objects, a template's
      // and a nested deployment's) that read one value are each a finding: RULES.md merges only
      // "the same rule, resource and primary location"; the instances of one declaration
      // (count, for_each, copy, a module's instances) are that declaration's one finding, and
      // so are two declarations of one resource (the same message: a template that deploys a
      // workspace and redeploys it in a nested deployment).
      const place = [meta.id, location.file, location.range.start.offset, location.range.end.offset, baseAttributePath, relocated ? withoutInstanceKeys(subject) : ''].join('|');
      // An element of a resource (an inline NSG rule, an agent pool profile) is declared with its
      // parent: one rule list shared by two NSGs (a variable, a parameter default) is a rule of each.
      const declared = r && !relocated ? declarationKey(r) : !r && d.declaredAt ? `${d.declaredAt.file}:${d.declaredAt.range.start.offset}` : '';
      // Two declarations merge by message only when they are one deployed resource (a template's
      // workspace redeployed by a nested deployment): two pools named "gpu" in two clusters that read
      // one variable are two findings, however alike their words (review 64).
      // Subjects that are no resources (CI commands, module calls) deploy nothing: declared apart, they stay apart.
      const samePlaceAndMessage = `${place}|${message}|${r ? deployedIdentity(r) : declared}`;
      const key = keyByMessage.get(samePlaceAndMessage) ?? `${place}|${declared}`;
      keyByMessage.set(samePlaceAndMessage, key);
      const existing = byKey.get(key);
      // (Re-pointed out of a registry module copy too: its instances are named at the call, review 69.)
      let instance: string | undefined;
      if (r && (declared || relocated)) {
        let names = instancesByKey.get(key);
        if (!names) instancesByKey.set(key, (names = new Map()));
        const name = displayName(r);
        // Two module calls whose deployment names are not known give their resources one address
        // (`deployment(?)/…/nodePool`): told apart by their names when those differ (review 95).
        const seen = names.get(r.address);
        instance = seen === undefined || seen.name === name ? r.address : `${r.address}\u0000${name}`;
        if (!names.has(instance)) {
          // An element (a pool of a cluster copy) is told apart by its parent's name (`"gpu" of "aks1"`).
          const parent = r.parent && r.identity.length === 0 ? displayName(r.parent) : undefined;
          const words = withoutName(parent !== undefined ? withoutName(message, parent) : message, name);
          names.set(instance, { name, words: `${level} ${words}`, ...(parent !== undefined ? { parent } : {}) });
        }
      }
      if (r?.calledAt && !relocated) {
        const calls = callsByKey.get(key) ?? [];
        if (!calls.some((c) => sameRange(c, r.calledAt!))) calls.push(r.calledAt);
        callsByKey.set(key, calls);
      }
      // One value read by several resources is one finding: a directive must cover every reader.
      const consumers = !consumer ? undefined : existing ? joinReaders(existing.consumers, [consumer]) : [consumer];
      if (existing) {
        if (!existing.variants.includes(variant)) existing.variants.push(variant);
        if (consumers) existing.consumers = consumers;
        else delete existing.consumers;
      }
      const replaces = !existing || outranks({ level, env, ...(d.inert ? { inert: d.inert } : {}) }, existing);
      // Two declarations of one deployed resource merged by their words (`az aks nodepool add -n gpu`
      // in both branches of an if) keep both consumers: each is a related location (review 69).
      const acrossDeclarations = existing !== undefined && key !== `${place}|${declared}`;
      if (acrossDeclarations && !replaces) existing.related = joinLocations(existing.related, related);
      // A less severe variant of a more production-like class still gives the merged finding its fingerprint.
      if (existing && !replaces && fingerprintsMoreProductionLike(env, existing)) {
        keepStableFingerprint(existing, { fingerprint: fingerprintOf({ root: input.root, ruleId: meta.id, location, subject, attributePath, env }), env, ...(d.inert ? { inert: d.inert } : {}) });
      }
      if (!replaces) return;
      const finding = buildFinding({
          root: input.root,
          ruleId: meta.id,
          level,
          message,
          messageId: d.messageId,
          location,
          related: acrossDeclarations ? joinLocations(related, existing.related) : related,
          address: r?.address ?? d.subject,
          subject,
          attributePath,
          env,
          variants: existing ? [...existing.variants] : [variant],
          ...(consumers ? { consumers } : {}),
        });
      finding.mergeKey = key;
      if (d.inert) finding.inert = true;
      if (instance !== undefined) keptInstance.set(key, instance);
      if (existing) keepStableFingerprint(finding, existing);
      if (r?.extent && sameRange(location, r.header) && locationContains(r.extent, location)) finding.extent = r.extent;
      byKey.set(key, finding);
    };

    const recordUndecidedAbout = (address: string, attribute: string, reason: string, location: Location, sourcePath?: string): void => {
      // Once per place: every variant repeats what it could not decide there, but two places
      // (two `terraform apply "$PLAN"` lines of one script) are two lines of --verbose.
      const key = `${meta.id}|${address}|${attribute}|${location.file}|${location.range.start.offset}`;
      if (undecidedKeys.has(key)) return;
      undecidedKeys.add(key);
      undecided.push({ ruleId: meta.id, address, attribute, ...(sourcePath ? { sourcePath } : {}), reason, location, ...(variant !== 'default' ? { variant } : {}) });
    };
    const recordUndecided = (resource: Resource, attribute: string, reason: string, at: Location): void => {
      const location = resource.vendored && isVendoredFile(at.file, resource.vendored) ? resource.vendored.call : at;
      recordUndecidedAbout(resource.address, attribute, reason, location, resource.attrs.get(attribute)?.sourcePath);
    };
    const ctx: RuleContext = {
      options: input.options.get(meta.id) ?? {},
      fact(resource, attr) {
        const view = factView(resource, attr);
        if (view.state === 'unknown') {
          const f = resource.attrs.get(attr);
          const v = f?.value;
          recordUndecided(resource, attr, v?.kind === 'unknown' ? v.reason : 'unknown', f?.at ?? resource.header);
        }
        return view;
      },
      report,
      scan,
      relativePath,
      repositoryPath: repositoryPathOf,
      repositoryNames: input.repositoryNames ?? ((): readonly string[] => []),
      today,
      policies: input.policies,
      undecided(resource, attribute, reason, location) {
        recordUndecided(resource, attribute, reason, location ?? resource.attrs.get(attribute)?.at ?? resource.header);
      },
      undecidedAbout: recordUndecidedAbout,
    };
    // Containment: one rule failing on one subject costs that decision only.
    // A hook that throws is a rule failure at the place it was called for. The try/catch sits in
    // each loop (no closure per call) and the place is made only when a hook throws.
    const failed = (e: unknown, location: Location): void => {
      failures.push({ ruleId: meta.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), location });
    };
    const visitor = rule.create(ctx);
    const kindHooks = kindHooksOf(visitor);
    if (visitor.graph || kindHooks.length) {
      for (const g of input.graphs) {
        variant = g.evaluation.variant;
        evalEnv = g.evaluation.env;
        for (const kind of kindHooks) {
          const hook = visitor[kind] as (r: Resource, g: Graph) => void;
          for (const r of g.ofKind(kind)) {
            try {
              hook(r, g);
            } catch (e) {
              failed(e, r.header);
            }
          }
        }
        const graphHook = visitor.graph;
        if (graphHook) {
          try {
            graphHook(g);
          } catch (e) {
            failed(e, g.resources[0]?.header ?? fileStart(g.evaluation.unit));
          }
        }
      }
    }
    variant = 'default';
    evalEnv = undefined;
    const moduleHook = visitor.terraformModule;
    if (moduleHook) {
      for (const m of input.terraformModules) {
        try {
          moduleHook.call(visitor, m);
        } catch (e) {
          failed(e, fileStart(path.join(m.dir, 'main.tf')));
        }
      }
    }
    const fileHook = visitor.file;
    if (fileHook) {
      for (const f of input.files) {
        try {
          fileHook.call(visitor, f);
        } catch (e) {
          failed(e, fileStart(f.path));
        }
      }
    }
    const ciHook = visitor.ciFile;
    if (ciHook) {
      // A CI rule sees only the formats it declares (CI002–CI004: GitHub Actions only).
      const formats = rule.meta.formats;
      for (const f of input.ciFiles) {
        if (!(formats.includes(f.format) || formats.includes('any'))) continue;
        try {
          ciHook.call(visitor, f);
        } catch (e) {
          failed(e, fileStart(f.file));
        }
      }
    }
  }
  for (const f of byKey.values()) f.variants.sort();
  // The instances of one declaration (count, for_each, a copy or for loop) share one finding where
  // the offending value is written (one place to fix), in the words of the instance kept: the
  // others are named, so none is lost from the report (`ssh-1` beside `ssh-0`).
  for (const [key, names] of instancesByKey) {
    const f = byKey.get(key);
    if (!f || names.size < 2) continue;
    const keptKey = keptInstance.get(key) ?? f.address;
    const kept = keptKey !== undefined ? names.get(keptKey) : undefined;
    const own = kept?.name;
    const rest = [...names].filter(([instance]) => instance !== keptKey);
    // An instance is named by its resource name. An instance of the same loop (count, for_each,
    // copy, a counted module: the address differs only in its instance keys) whose name does not
    // tell it apart (`"${var.prefix}-kv"`: every instance reads "kv") is named by its address,
    // azurerm_key_vault.kv[1]. Instances through two module calls with one name are the calls,
    // related locations already.
    const taken = new Map<string, number>();
    for (const [, i] of rest) taken.set(i.name, (taken.get(i.name) ?? 0) + 1);
    const loop = f.address !== undefined ? withoutInstanceKeys(f.address) : undefined;
    const keptParent = kept?.parent;
    const label = ([address, i]: [string, { name: string; parent?: string }]): string | undefined =>
      i.name !== own && taken.get(i.name) === 1
        ? `"${i.name}"`
        : i.parent !== undefined && i.parent !== keptParent
          ? `"${i.name}" of "${i.parent}"`
          : withoutInstanceKeys(address) === loop
            ? `"${address}"`
            : undefined;
    const labels = (list: typeof rest): string[] => [...new Set(list.map(label).filter((x) => x !== undefined))];
    // "The same holds" only for instances whose own finding says the same; the others (another
    // size, level or count: a vault with no access policy beside one with some) are named apart,
    // so none is lost from the report and none is said to be what it is not.
    const same = labels(rest.filter(([, i]) => kept === undefined || i.words === kept.words));
    const differ = labels(rest.filter(([, i]) => kept !== undefined && i.words !== kept.words));
    const notes = [...(same.length > 0 ? [alsoInstances(same)] : []), ...(differ.length > 0 ? [alsoReported(differ)] : [])].join('; ');
    // One sentence still (the house style): the note goes before the final period.
    if (notes) f.message = f.message.endsWith('.') ? `${f.message.slice(0, -1)} (${notes}).` : `${f.message} (${notes})`;
  }
  // A place inside a local module that several of the root's calls instantiate is one finding
  // (one place to fix), naming the first instance; every call is a related location, so none is
  // lost from the report (`module "kv_features"`, `module "kv_models"`).
  for (const [key, calls] of callsByKey) {
    const f = byKey.get(key);
    if (!f || calls.length < 2) continue;
    const sorted = [...calls].sort(compareLocations);
    f.related = joinLocations(f.related, sorted);
  }
  return [...byKey.values()];
}

/** `also reported for "gpub", another instance of the same declaration, with its own values` (at most five names, then a count). */
function alsoReported(names: readonly string[]): string {
  return `also reported for ${instanceNames(names)}${names.length === 1 ? ', with its own values' : ', with their own values'}`;
}

/** A message with an instance's quoted name taken out: what two instances' findings say alike. */
function withoutName(message: string, name: string): string {
  return message.split(`"${name}"`).join('"\u0000"');
}

/** `the same holds for "ssh-1", another instance of the same declaration` (at most five names, then a count). */
function alsoInstances(names: readonly string[]): string {
  return `the same holds for ${instanceNames(names)}`;
}

/** `"ssh-1", another instance of the same declaration` / `"a", "b" and 2 more, other instances of …` (at most five names, each quoted by its label). */
function instanceNames(names: readonly string[]): string {
  const shown = names.slice(0, 5);
  const more = names.length > 5 ? ` and ${names.length - 5} more` : '';
  return names.length === 1 ? `${shown[0]}, another instance of the same declaration` : `${shown.join(', ')}${more}, other instances of the same declaration`;
}

/**
 * What makes a resource one deployed resource, for merging findings by message: its most
 * specific identity (an ARM resource id, a Terraform address, an `az` command's name), the parent
 * its command names (`--cluster-name`, `--workspace-name`), and for an element of a resource (an
 * agent pool profile, an inline rule) its parent's.
 */
function deployedIdentity(r: Resource, depth = 0): string {
  const parentRefs = PARENT_REFS.map((k) => r.refs.get(k)).map((v) => (v?.kind === 'string' ? v.value : '')).join(',');
  const parent = r.parent && depth < 8 ? deployedIdentity(r.parent, depth + 1) : '';
  return `${r.identity[0] ?? ''}\u0000${parentRefs}\u0000${parent}`;
}

/** The references that name a resource's parent (an `az aks nodepool add --cluster-name`, an `az ml compute create -w`). */
const PARENT_REFS = ['cluster', 'workspace'] as const;

/**
 * Where a resource is declared, for merging: its extent (the block or object that declares it)
 * or its header, and its parent's for an element of a resource (the NSG of an inline rule). A
 * resource declared on its own is its header whatever its parent: a plan that leaves the parent's
 * id unknown until apply (a compute of a workspace the plan creates) does not link the parent the
 * `.tf` run links, and is the same declaration (review 71). (The extent first: two Terraform
 * workloads whose object is one template or local share its `kind:` header, but are two
 * declarations, review 102.)
 */
function declarationKey(r: Resource): string {
  const at = r.extent ?? r.header;
  let key = `${at.file}:${at.range.start.offset}`;
  if (!r.element) return key;
  // Parents are a short chain (rule → NSG, pool → cluster); the bound only guards a mistaken cycle.
  for (let p = r.parent, depth = 0; p && depth < 8; p = p.parent, depth++) key += `<${p.header.file}:${p.header.range.start.offset}`;
  return key;
}
