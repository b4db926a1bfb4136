/**
 * The address segments of the items of a CI list (GitHub steps; Azure Pipelines stages, jobs,
 * steps and every other list the pipeline walk passes), shared by the parser (ci.ts, which
 * names each script snippet by the address of its step) and the CI model (src/eval/ci/,
 * which joins the snippets to its steps by that address): both must build the same string.
 *
 * An address is what a CI finding's fingerprint and baseline entry are made of (RULES.md
 * "Fingerprint": never a line number), so an item is named by what it is, not by where it
 * stands among its siblings: adding, removing or moving another step leaves it unchanged.
 *
 * - GitHub step: `id:`, else `name:`, else `uses:` without its `@ref` (a version bump is not
 *   a new step), else `run=` and the script's first command line (shortened):
 *   `steps[id=plan]`, `steps[name=Apply]`, `steps[uses=azure/login]`,
 *   `steps[run=terraform apply -auto-approve]`.
 * - Azure Pipelines item: `stage:`/`job:`/`deployment:`, else the step's `name:`, else
 *   `displayName:`, else `task:` without its `@version`, else `template:`, else the script
 *   kind (`script`, `bash`, `pwsh`, `powershell`) and the script's first command line, else
 *   its first key (with its value when that is a short one-line scalar: `checkout=self`):
 *   `stages[stage=Deploy]`, `jobs[deployment=Prod]`, `steps[task=AzureCLI]`,
 *   `steps[bash=terraform apply -auto-approve]`.
 *
 * - Azure Pipelines `${{ each x in collection }}:` block: named by its loop once
 *   (`stages[each env in parameters.environments][stage=deploy_${{ env }}]`): the block's key
 *   adds no segment of its own, and every iteration of the loop has the item's address (its
 *   findings merge, as a matrix's legs do).
 *
 * Items with the same name among their siblings get an occurrence index from the second on,
 * in file order (`steps[run=make]`, `steps[run=make][1]`), so two identical steps keep two
 * addresses.
 * An item that is not a mapping keeps its position (`[3]`); no step is such an item.
 * In a name, `\` and `]` are written `\\` and `\]`, so a segment ends at its first bare `]`.
 */
import type { YamlTree } from './tree.js';

/** What the names are read from: one mapping item of the list, in either reading of the file. */
export interface AddressItem {
  /** The scalar value of the first `key` entry (`''` for null), undefined when absent or not a scalar. */
  scalar(key: string): string | undefined;
  /** The first entry's key (`''` for a key that is not a scalar) and its scalar value, if any. */
  first(): { key: string; value: string | undefined } | undefined;
}

const PIPELINE_NAMED = ['stage', 'job', 'deployment', 'name', 'displayName'] as const;
const PIPELINE_SCRIPTS = ['script', 'bash', 'pwsh', 'powershell'] as const;

/** The longest first-key value kept in a name (`checkout=self`); a longer one is left out. */
const SHORT_VALUE = 60;
/** The characters of a script's first command line kept in a name (a longer one is cut, with `…`). */
const SCRIPT_LINE = 40;

function present(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

/** `owner/repo[/path]@ref` without the ref; a local path, `docker://` image or expression as written. */
function usesName(uses: string): string {
  const v = uses.trim();
  if (v.startsWith('./') || v.startsWith('.\\') || v.toLowerCase().startsWith('docker://') || v.includes('${{')) return v;
  const at = v.lastIndexOf('@');
  return at > 0 ? v.slice(0, at) : v;
}

function firstKeyName(item: AddressItem): string {
  const f = item.first();
  if (!f) return '{}';
  const v = f.value;
  return v !== undefined && v.trim() !== '' && v.length <= SHORT_VALUE && !/[\r\n]/.test(v) ? `${f.key}=${v.trim()}` : f.key;
}

/**
 * A script step by its kind and first command line (blank and `#` comment lines skipped),
 * shortened: `run=terraform apply -auto-approve`; `run` when there is none. Editing a later
 * line, or a comment, leaves it; editing the first command is a new step.
 */
function scriptName(kind: string, script: string): string {
  // Line by line up to the first command (not a split of the whole script: a step may run thousands of lines).
  for (let at = 0; at < script.length; ) {
    let end = at;
    while (end < script.length && script[end] !== '\n' && script[end] !== '\r') end++;
    const line = script.slice(at, end).trim();
    at = end + 1;
    if (line === '' || line.startsWith('#')) continue;
    const chars = [...line];
    return `${kind}=${chars.length > SCRIPT_LINE ? `${chars.slice(0, SCRIPT_LINE).join('').trimEnd()}…` : line}`;
  }
  return kind;
}

/** A GitHub Actions step's name (workflow job steps, composite action steps). */
export function githubStepName(item: AddressItem): string {
  const id = item.scalar('id');
  if (present(id)) return `id=${id.trim()}`;
  const name = item.scalar('name');
  if (present(name)) return `name=${name.trim()}`;
  const uses = item.scalar('uses');
  if (present(uses)) return `uses=${usesName(uses)}`;
  const run = item.scalar('run');
  if (run !== undefined) return scriptName('run', run);
  return firstKeyName(item);
}

/** `${{ each env in parameters.environments }}`: its loop variable and collection as written; undefined for any other key. */
export function eachLoopOf(key: string): { variable: string; collection: string } | undefined {
  const m = /^\$\{\{\s*each\s+([A-Za-z_][\w-]*)\s+in\s+([\s\S]+?)\s*\}\}$/.exec(key.trim());
  return m ? { variable: m[1]!, collection: m[2]! } : undefined;
}

/**
 * The address of the value of a mapping's `key` (`path.key`); an `${{ each }}` key adds nothing,
 * its list item's segment already names the loop.
 */
export function entryPath(path: string, key: string): string {
  if (eachLoopOf(key)) return path;
  return path ? `${path}.${key}` : key;
}

/** An Azure Pipelines list item's name (a stage, job, deployment job, step, template call or anything else in a list). */
export function pipelineItemName(item: AddressItem): string {
  for (const key of PIPELINE_NAMED) {
    const v = item.scalar(key);
    if (present(v)) return `${key}=${v.trim()}`;
  }
  const task = item.scalar('task');
  if (present(task)) {
    const t = task.trim();
    const at = t.indexOf('@');
    return `task=${at > 0 ? t.slice(0, at) : t}`;
  }
  const template = item.scalar('template');
  if (present(template)) return `template=${template.trim()}`;
  for (const key of PIPELINE_SCRIPTS) {
    const script = item.scalar(key);
    if (script !== undefined) return scriptName(key, script);
  }
  const loop = eachLoopOf(item.first()?.key ?? '');
  if (loop) return `each ${loop.variable} in ${loop.collection}`;
  return firstKeyName(item);
}

function escapeName(name: string): string {
  return name.replace(/[\\\]]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, '\\n');
}

/**
 * The segment of each item (`[name=Apply]`, `[name=Apply][1]` for the second of that name,
 * `[3]` for an item that is not a mapping), in order: names are `undefined` for such items.
 */
export function listSegments(names: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, number>();
  const out = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === undefined) {
      out[i] = `[${i}]`;
      continue;
    }
    // Counted by the written segment: two names that are written alike get an index.
    const s = `[${escapeName(name)}]`;
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    out[i] = n === 0 ? s : `${s}[${n}]`;
  }
  return out;
}

/** A positioned tree's mapping as an address item (the CI model's reading); undefined for anything else. */
export function treeAddressItem(node: YamlTree): AddressItem | undefined {
  if (node.type !== 'map') return undefined;
  return {
    scalar(key) {
      const e = node.entries.find((x) => x.key === key);
      return e?.value?.type === 'scalar' ? e.value.value : undefined;
    },
    first() {
      const e = node.entries[0];
      return e === undefined ? undefined : { key: e.key, value: e.value?.type === 'scalar' ? e.value.value : undefined };
    },
  };
}

/** The segments of a positioned tree's list items (`listSegments` of each item's name). */
export function treeSegments(items: readonly YamlTree[], name: (item: AddressItem) => string): string[] {
  return listSegments(
    items.map((i) => {
      const a = treeAddressItem(i);
      return a === undefined ? undefined : name(a);
    }),
  );
}
