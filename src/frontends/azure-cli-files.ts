/**
 * `az ml compute|workspace create|update --file X [--set k=v …]`: the Azure ML YAML the command
 * reads becomes the command's resources (FORMATS.md §1(e) trap 8, §4(d)), evaluated as that
 * command runs it:
 *
 * - **Which file.** A heredoc earlier in the same file that writes the same path
 *   (`cat > compute.yml <<EOF`) wins: the script wrote it just before. Otherwise a scanned file,
 *   looked up relative to the working directory the command most likely has: for a script, its
 *   own folder, then the repository root (scan root); for a workflow or pipeline step, the
 *   repository root (where CI steps start: for a GitHub workflow the folder above its `.github/`,
 *   then the scan root), then the CI file's folder. The first that exists
 *   is read, through the Host (never outside the scan root: an absolute path or one that
 *   climbs out is not read). A path with an unknown part (`$DIR/compute.yml`), a file not
 *   found and a heredoc that is not YAML give a resource whose attributes are all unknown, so
 *   `--verbose` says what could not be decided and nothing is reported.
 * - **Overrides.** `--set k=v` replaces the key (dotted paths, later wins) and `--name` the
 *   `name`; a finding about a replaced key points at the `--set` value, the file's value is a
 *   related location. A key one of the command's other flags names (`--min-instances` →
 *   `min_instances`) is undecided: whether such a flag replaces the file's key is not
 *   documented (azure-cli-sets.ts `flagOverrides`). An unquoted unknown expansion in the
 *   command may carry any of them: nothing of the file, as that command uses it, is decided.
 * - **Heredocs.** Parsed in place (positions are the script's). An unquoted delimiter expands
 *   `$VAR`/`${VAR}`/`$(…)` (→ unknown values); `<<'EOF'` is literal — except that GitHub and
 *   Azure Pipelines substitute `${{ }}`/`$( )` in a CI file before the shell sees it.
 * - **Context.** The resources join the command's unit (its environment class and variant), a
 *   compute is linked to the workspace of `--workspace-name/-w`, a workspace takes the
 *   azure-cli identity of its name (so `az ml compute create -w <name>` in the same file links
 *   to it). Addresses (fingerprints) follow the azure-cli convention: step + `az <command>` +
 *   the `--name` argument as written, else `--file <path as written>`.
 * - **No double report.** A scanned file read here is listed in `linkedFiles`: its stand-alone
 *   evaluation by the azureml-yaml front end is dropped (FrontEndResult.evaluatedElsewhere), so
 *   a file is linted as its commands use it — once per command; the engine merges identical
 *   findings (same rule, place and attribute) of several commands into one.
 */
import path from 'node:path';
import { relativeToRoot } from '../core/paths.js';
import type { Location } from '../core/source.js';
import { str, unknown, type Value } from '../core/value.js';
import type { HeredocWrite } from '../eval/azcli/interpret.js';
import { besideScriptPath, checkoutPath } from '../eval/azcli/words.js';
import { UNKNOWN_FOLDER, within, type FolderState } from '../eval/azcli/folders.js';
import type { Evaluation, Fact, Resource, ResourceKind } from '../model/resource.js';
import { AZUREML_YAML_TABLE } from '../model/tables/azureml-yaml.js';
import { amlYamlResources, type AmlYamlOverride, type AmlYamlText } from './azureml-yaml.js';
import type { FrontEndContext, Problem, SuppressionSource } from './types.js';
import { foldersBetween, githubRepository, isClassified } from './shared.js';
import { opaqueReason, type Opaque } from './azure-cli-sets.js';

/** One `az ml … --file` command to link, as the azure-cli front end read it. */
export interface FileCommand {
  /** The file the command is written in. */
  file: string;
  /** Whether that file is a script run on its own (its folder is the likely working directory) or a CI file. */
  inScript: boolean;
  subject: string;
  command: string;
  kind: 'ml.compute' | 'ml.workspace';
  verb: 'create' | 'update';
  /** The `--file` value and the text it was written as. */
  path: Value;
  /**
   * The folder the command runs in when not the one its script starts in (folders.ts): a CI
   * step's working directory, a `cd` before the command; unknown when either is not known.
   */
  folder?: FolderState;
  pathRaw: string;
  /** The `--file` value's word in the command. */
  pathAt: Location;
  /** `--set k=v` overrides, then the command's flags as overrides (`flag` names the flag, for labels). */
  sets: { key: string; value: Value; range: Location['range']; flag?: string }[];
  name?: { value: Value; raw: string };
  /** `--workspace-name/-w` of a compute command. */
  workspace?: Value;
  /** An unquoted unknown expansion in the command: it may carry `--set k=v` or flags that replace any key. */
  opaque?: Opaque;
  /** The `az` token. */
  at: Location;
  /** Heredocs of the same file (any order; those written before `at` count). */
  heredocs: readonly HeredocWrite[];
}

/** What the linking found besides resources, for the front end's result. */
export interface FileLinks {
  /** Scanned files evaluated in a command's context (their stand-alone evaluation is dropped). */
  linkedFiles: Set<string>;
  problems: Problem[];
  suppressionSources: SuppressionSource[];
  /** Files whose syntax error or comments were already handed on (once per file, not per command). */
  handedOn: Set<string>;
}

export function newFileLinks(): FileLinks {
  return { linkedFiles: new Set(), problems: [], suppressionSources: [], handedOn: new Set() };
}

/**
 * Identity key of a resource the azure-cli way (`ml.workspace:<name>`, `acr:<name>`): what a
 * create command names, so a flag or file that names it (`-w <name>`, `--container-registry
 * <id>`) links to it.
 */
export function identityKey(kind: ResourceKind, name: string): string {
  return `${kind}:${name}`;
}
/** A registry's ARM id (`/subscriptions/…/providers/Microsoft.ContainerRegistry/registries/acrx`): its name. */
const REGISTRY_ID = /\/providers\/Microsoft\.ContainerRegistry\/registries\/([^/\s]+)\/?$/i;

/**
 * `a/./b`, `./a` → `a/b`; undefined for an absolute path. A path that climbs (`../x.yml`) stays
 * relative: from a script in `scripts/` it names a file of the repository; `candidates` drops the
 * working directories from which it would leave the scan root.
 */
function cleanRelative(p: string): string | undefined {
  const slashed = p.replace(/\\/g, '/').trim();
  if (slashed === '' || slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed) || slashed.startsWith('~')) return undefined;
  const n = path.posix.normalize(slashed);
  return n === '..' ? undefined : n;
}

/** The latest heredoc written before the command that writes the same path. */
function heredocFor(cmd: FileCommand, rel: string): HeredocWrite | undefined {
  let best: HeredocWrite | undefined;
  for (const h of heredocsByTarget(cmd.heredocs).get(rel) ?? []) {
    if (h.file !== cmd.file) continue;
    if (h.heredoc.range.start.offset >= cmd.at.range.start.offset) continue;
    if (!best || h.heredoc.range.start.offset > best.heredoc.range.start.offset) best = h;
  }
  return best;
}

/**
 * A script's heredocs by the file each writes (its path cleaned as `--file` paths are), made once
 * per script: every `--file` command looked at every heredoc, which made a script of thousands of
 * both quadratic (issue 15's hostile input).
 */
const HEREDOCS_BY_TARGET = new WeakMap<readonly HeredocWrite[], Map<string, HeredocWrite[]>>();
function heredocsByTarget(heredocs: readonly HeredocWrite[]): Map<string, HeredocWrite[]> {
  let out = HEREDOCS_BY_TARGET.get(heredocs);
  if (!out) {
    out = new Map();
    for (const h of heredocs) {
      if (h.target.kind !== 'string') continue;
      const rel = cleanRelative(h.target.value);
      if (rel === undefined) continue;
      const list = out.get(rel);
      if (list) list.push(h);
      else out.set(rel, [h]);
    }
    HEREDOCS_BY_TARGET.set(heredocs, out);
  }
  return out;
}

/**
 * A script's `--file "$SCRIPT_DIR/../aml/c.yml"` or `"$(dirname "$0")/c.yml"` (eval/azcli/words.ts
 * `SCRIPT_DIR_IDIOM`): the path from the script's own folder, whatever the working directory is;
 * as a path from the scan root. Undefined for any other path.
 */
function besideScript(cmd: FileCommand, root: string): { rel: string; outside: boolean } | undefined {
  // (A composite action's `${{ github.action_path }}/c.yml`, `$GITHUB_ACTION_PATH/c.yml`: beside its action.yml, the file.)
  const beside = besideScriptPath(cmd.path);
  if (!beside || beside.script !== cmd.file) return undefined;
  const rel = path.relative(root, beside.path).replace(/\\/g, '/');
  return { rel, outside: rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) };
}

/**
 * The files a relative path may name, most likely working directory first; read from the folder
 * the command moved to (`cmd.folder`) when it did: an absolute folder names one file, one from the
 * checkout's top is looked up from the repository's top.
 */
function candidates(cmd: FileCommand, rel: string, root: string): { order: string[]; first: ReadonlySet<string> } {
  const folder = cmd.folder === UNKNOWN_FOLDER ? undefined : cmd.folder;
  const at = folder === undefined ? rel : within(folder, rel).path;
  // A script may be run from anywhere: beside itself first, then from the scan root or the
  // repository's top (a folder between the scan root and the script).
  const repository = cmd.inScript && !folder?.fromCheckout ? undefined : githubRepository(cmd.file);
  const own = path.join(path.dirname(cmd.file), at);
  const fromRoot = path.join(root, at);
  // A repository linted from a folder above it: its top is a folder between the scan root and the file (nearest the root first).
  const between = foldersBetween(root, path.dirname(path.resolve(cmd.file))).map((d) => path.join(d, at));
  const fromTop = [...(repository === undefined ? [] : [path.join(repository, at)]), fromRoot, ...between];
  // (A script's path from the repository's top is found whatever folder the linter runs from: review 82.)
  const order = path.isAbsolute(at) ? [at] : folder?.fromCheckout ? fromTop : cmd.inScript ? [own, ...fromTop] : [...fromTop, own];
  const inside = [...new Set(order)].filter((p) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  // The places that win over the folders between (a script's own folder, the scan root).
  return { order: inside, first: new Set(path.isAbsolute(at) ? [at] : [own, fromRoot]) };
}

/**
 * The resources of one `az ml … --file` command (in `evaluation`, which the caller replaces
 * with the command's unit). Never throws on bad input.
 */
export function fileCommandResources(command: FileCommand, evaluation: Evaluation, ctx: FrontEndContext, links: FileLinks): Resource[] {
  const beside = besideScript(command, ctx.root);
  // A path from the checkout's folder (`"$GITHUB_WORKSPACE/aml/c.yml"`, `${{ github.workspace }}/…`)
  // is one from the repository's top, wherever the step or a `cd` went (review 70).
  const fromTop = beside ? undefined : checkoutPath(command.path);
  const cmd: FileCommand = fromTop === undefined ? command : { ...command, folder: { path: '', fromCheckout: true } };
  const p = beside ? str(beside.rel) : fromTop !== undefined ? str(fromTop) : cmd.path;
  if (p.kind !== 'string') return [undecidable(cmd, evaluation, `the file named by --file (${cmd.pathRaw}) is not known: ${p.kind === 'unknown' ? p.reason : 'not a string'}`)];
  if (beside?.outside) return [undecidable(cmd, evaluation, `the file named by --file (${cmd.pathRaw}) is outside the scan root; it is not read`)];
  const rel = cleanRelative(p.value);
  if (rel === undefined) return [undecidable(cmd, evaluation, `the file named by --file (${p.value}) is outside the scan root; it is not read`)];
  const hd = heredocFor(cmd, rel);
  let src: AmlYamlText;
  let scanned: string | undefined;
  if (hd) {
    const text = ctx.host.readText(cmd.file);
    if (text === undefined) return [undecidable(cmd, evaluation, `${rel} is written by a heredoc that could not be read`)];
    const body = hd.heredoc.text;
    // GitHub/Azure Pipelines substitute their expressions even inside a quoted heredoc.
    const ciExpressions = !cmd.inScript && /\$\{\{|\$\(/.test(body);
    const span: NonNullable<AmlYamlText['span']> = { start: hd.heredoc.range.start.offset, end: hd.heredoc.range.end.offset, at: hd.heredoc.range.start };
    // `<<-` strips leading tabs, which YAML does not take as indentation: a tab becomes a space
    // (positions stay). Only the part is copied, not the whole script per heredoc.
    if (hd.heredoc.stripTabs) span.text = text.slice(span.start, span.end).replace(/^\t+/gm, (t) => ' '.repeat(t.length));
    src = { file: cmd.file, text, span, shellExpansions: !hd.heredoc.quoted || ciExpressions, typeHint: typeHintOf(cmd) };
    // An unquoted heredoc expands the script's variables as they are when it is written.
    if (!hd.heredoc.quoted) src.shellEnv = hd.env;
  } else {
    // After a `cd` to a folder not known (or from a working directory that is an expression), the file is not known.
    if (cmd.folder === UNKNOWN_FOLDER && !beside) return [undecidable(cmd, evaluation, `the file named by --file (${p.value}) is read from a folder that is not known (a cd before the command, or the step's working directory)`)];
    const places = beside ? { order: [path.join(ctx.root, rel)], first: new Set<string>() } : candidates(cmd, rel, ctx.root);
    const tried = places.order;
    if (tried.length === 0) return [undecidable(cmd, evaluation, `the file named by --file (${p.value}) is outside the scan root; it is not read`)];
    const found = tried.filter((f) => ctx.host.isFile(f));
    // A script run from a folder not known: a file beside it, else from the scan root, is the one;
    // else one of the folders between them and the script (a repository's top below the scan
    // root), and two such files are either (self-review 83).
    const fromScript = cmd.inScript && !beside && !places.first.has(found[0]!);
    if (fromScript && found.length > 1) {
      const either = found.map((f) => relativeToRoot(ctx.root, f)).join(' or ');
      return [undecidable(cmd, evaluation, `the file named by --file (${rel}) may be ${either}: the folder the script runs from is not known`)];
    }
    scanned = found[0];
    const text = scanned === undefined ? undefined : ctx.host.readText(scanned);
    if (scanned === undefined || text === undefined) {
      const where = tried.map((f) => relativeToRoot(ctx.root, f) || '.').join(' or ');
      return [undecidable(cmd, evaluation, `the file named by --file (${rel}) is not in the scan (looked for ${where})`)];
    }
    src = { file: scanned, text, typeHint: typeHintOf(cmd) };
  }
  // A `--set $KEY=v` may replace any key: nothing of the file, as this command uses it, is decided.
  const unknownKey = cmd.sets.find((s) => /[$`]/.test(s.key));
  if (unknownKey || cmd.opaque) {
    if (scanned) links.linkedFiles.add(scanned);
    return [undecidable(cmd, evaluation, unknownKey ? `--set ${unknownKey.key}=… may replace any key of the file` : opaqueReason(cmd.opaque!, 'a --set or flags that replace any key of the file'))];
  }
  const result = amlYamlResources(src, overridesOf(cmd), evaluation);
  if (result.problems.length > 0) {
    // A file another front end claimed reports its own syntax error; a heredoc's is not the script's
    // (its text may be shell-expanded into valid YAML). Nothing of a broken text is decided.
    if (scanned && !isClassified(ctx, scanned)) reportOnce(links, scanned, () => links.problems.push(...result.problems));
    return [undecidable(cmd, evaluation, `${rel} is not YAML this reader parses: ${result.problems[0]!.message}`)];
  }
  if (scanned) {
    // Only a file that is an Azure ML document for this command replaces its stand-alone evaluation.
    if (result.resources.length > 0) links.linkedFiles.add(scanned);
    if (!isClassified(ctx, scanned)) reportOnce(links, scanned, () => links.suppressionSources.push(result.suppressionSource));
  }
  const many = result.resources.length > 1;
  return result.resources.map((r, i) => inCommandContext(r, cmd, many ? i : undefined));
}

function typeHintOf(cmd: FileCommand): 'workspace' | 'amlcompute' {
  return cmd.kind === 'ml.workspace' ? 'workspace' : 'amlcompute';
}

function reportOnce(links: FileLinks, file: string, act: () => void): void {
  if (links.handedOn.has(file)) return;
  links.handedOn.add(file);
  act();
}

/** `--set k=v` in order, then `--name` (the CLI applies the name over the file's). */
function overridesOf(cmd: FileCommand): AmlYamlOverride[] {
  const out: AmlYamlOverride[] = [];
  for (const s of cmd.sets) {
    const word: Location = { file: cmd.file, range: s.range };
    const location: Location = s.value.origin ?? word;
    // A value written elsewhere (a variable's assignment, a matrix entry): the `--set` is where it is used.
    const inWord = s.value.origin?.file === cmd.file && s.value.origin.range.start.offset >= s.range.start.offset && s.value.origin.range.end.offset <= s.range.end.offset;
    const resolved = inWord || !s.value.origin ? s.value : { ...s.value, via: [...(s.value.via ?? []), { ...word, label: s.flag ?? `--set ${s.key}` }] };
    out.push({ path: s.key, value: s.value.kind === 'string' ? s.value.value : '', location, resolved });
  }
  if (cmd.name) {
    const v = cmd.name.value;
    out.push({ path: 'name', value: v.kind === 'string' ? v.value : '', location: v.origin ?? cmd.at, resolved: v.kind === 'unknown' ? { ...v, token: cmd.name.raw } : v });
  }
  return out;
}

/**
 * The address the azure-cli way: step + `az <command>` + the name as written, else the name a
 * `--set name=…` gives (two creates from one file, renamed so, are two computes: review 66),
 * else the file as written.
 */
function addressOf(cmd: FileCommand, doc: number | undefined): string {
  const renamed = cmd.sets.findLast((s) => s.flag === undefined && s.key === 'name');
  const what = cmd.name ? cmd.name.raw : renamed?.value.kind === 'string' ? `--file ${cmd.pathRaw} --set name=${renamed.value.value}` : `--file ${cmd.pathRaw}`;
  return `${cmd.subject}: az ${cmd.command} ${what}${doc !== undefined ? ` #${doc}` : ''}`;
}

function inCommandContext(r: Resource, cmd: FileCommand, doc: number | undefined): Resource {
  r.address = addressOf(cmd, doc);
  r.readBy = { ...cmd.at, label: `az ${cmd.command} --file` };
  if (r.kind === 'ml.compute' && cmd.workspace?.kind === 'string') r.refs.set('workspace', str(identityKey('ml.workspace', cmd.workspace.value), cmd.workspace.origin));
  if (r.kind === 'ml.workspace') {
    // `container_registry:` names the registry by its ARM id, as `--container-registry` does: a
    // registry an `az acr create` of the scan makes is that one (AML002).
    const acr = r.refs.get('containerRegistry');
    const name = acr?.kind === 'string' ? REGISTRY_ID.exec(acr.value)?.[1] : undefined;
    if (name !== undefined) r.refs.set('containerRegistry', str(identityKey('acr', name), acr!.origin));
  }
  if (r.kind === 'ml.workspace' && r.name?.kind === 'string' && cmd.verb === 'create') r.identity.push(identityKey('ml.workspace', r.name.value));
  // A resource of its own (not an inline element of the workspace it is linked to).
  else r.identity.push(placeIdentity(cmd.at));
  // `update` changes only what the file gives: no defaults for absent keys.
  if (cmd.verb === 'update') for (const [a, f] of [...r.attrs]) if (f.defaulted) r.attrs.delete(a);
  return r;
}

/** Every attribute an Azure ML YAML of this command could set, unknown for `reason` (`--verbose`). */
function undecidable(cmd: FileCommand, evaluation: Evaluation, reason: string): Resource {
  const at: Location = cmd.pathAt;
  const specs = cmd.kind === 'ml.workspace' ? [AZUREML_YAML_TABLE.workspace] : [AZUREML_YAML_TABLE.amlcompute, AZUREML_YAML_TABLE.computeinstance];
  const attrs = new Map<string, Fact>();
  for (const spec of specs) {
    for (const a of spec.attrs) attrs.set(a.canonical, { value: unknown(reason, at), defaulted: false, at, sourcePath: a.paths[0] ?? a.canonical });
    for (const a of Object.keys(spec.fixed ?? {})) attrs.set(a, { value: unknown(reason, at), defaulted: false, at, sourcePath: a });
  }
  const r: Resource = {
    address: addressOf(cmd, undefined),
    kind: cmd.kind,
    sourceType: `az ${cmd.command}`,
    format: 'azure-cli',
    header: cmd.at,
    attrs,
    identity: [],
    refs: new Map(),
    evaluation,
  };
  if (cmd.name) {
    r.name = cmd.name.value.kind === 'unknown' ? { ...cmd.name.value, token: cmd.name.raw } : cmd.name.value;
    attrs.set('name', { value: r.name, defaulted: false, at: cmd.name.value.origin ?? cmd.at, sourcePath: '--name' });
  }
  if (cmd.kind === 'ml.compute' && cmd.workspace?.kind === 'string') r.refs.set('workspace', str(identityKey('ml.workspace', cmd.workspace.value), cmd.workspace.origin));
  return r;
}

/**
 * The identity of a command without a known name (or an update): its place. Every command is a
 * resource of its own; without an identity, one linked to a parent (`az ml compute create -w ws`)
 * would read as an inline element of it (isInlineElement), which TAG001 and GOV001 skip.
 */
export function placeIdentity(at: Location): string {
  return `az:${at.file}:${at.range.start.offset}`;
}
