/**
 * `loadTextContent`, `loadJsonContent`, `loadYamlContent` and `loadFileAsBase64`: the file is
 * read at compile time, relative to the calling file, so the linter reads it too, but only
 * through the `Host` (never outside the scan root, not even through a symbolic link), not
 * through a symbolic link at all (as before the Host existed), and within Bicep's size caps.
 * Anything that cannot be read is an EVAL001 and an unknown value.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Location } from '../../core/source.js';
import { containsUnknown, fromJS, str, toJS } from '../../core/value.js';
import { parseYamlFile } from '../../parse/yaml/document.js';
import { yamlLineBreaks } from '../../parse/yaml/line-breaks.js';
import { yamlValue } from '../azureml-yaml/document.js';
import type { Value } from '../../core/value.js';
import type { Expression } from '../../parse/bicep/index.js';
import { members, nodeToValue, parseJsonc, type JsonNode } from '../../parse/json/index.js';
import { problem, U } from './context.js';
import type { Locals } from './context.js';
import { pathKind } from './files.js';
import type { FileScope } from './scope.js';

/** Bicep's compile-time file size caps (`SystemNamespaceType.cs`): characters, bytes for base64. */
const LOAD_LIMITS: Record<string, number> = {
  loadtextcontent: 131072,
  loadfileasbase64: 96 * 1024,
  loadjsoncontent: 1048576,
  loadyamlcontent: 1048576,
};

/** `l` is a lower-cased function name. */
export function isLoadFunction(l: string): boolean {
  return Object.hasOwn(LOAD_LIMITS, l) || l === 'loaddirectoryfileinfo';
}

/** Evaluates a `load*()` call (`l` lower-cased). */
export function load(scope: FileScope, l: string, argExprs: Expression[], locals: Locals, loc: Location): Value {
  const args = argExprs.map((a) => scope.eval(a, locals));
  const p = args[0];
  if (p?.kind !== 'string') return U(`${l}(): the path is not known`, loc);
  if (l === 'loaddirectoryfileinfo') return U('loadDirectoryFileInfo() is not evaluated', loc);
  const host = scope.env.sources.host;
  const target = path.resolve(path.dirname(scope.file.file), p.value);
  const fail = (why: string): Value => {
    problem(scope.env, `${why}; the value is unknown`, loc);
    return U(why, loc);
  };
  const kind = pathKind(host, target);
  if (kind === 'outside') return fail(`'${p.value}' is outside the scanned folder and is not read`);
  if (kind === 'missing') return fail(`'${p.value}' does not exist`);
  if (kind === 'link') return fail(`'${p.value}' is a symbolic link and is not followed`);
  if (kind === 'other') return fail(`'${p.value}' is not a file`);
  const limit = LOAD_LIMITS[l]!;
  if (l === 'loadfileasbase64') {
    const bytes = host.readBytes(target, limit);
    if (bytes) return str(bytes.toString('base64'), loc);
    // The Host refuses a file over the cap with this message (its only failure for a regular file but I/O errors).
    const tooLarge = host.problemOf(target)?.message === `the file is larger than ${limit} bytes`;
    return fail(tooLarge ? `'${p.value}' is larger than Bicep's limit for ${l}` : `'${p.value}' cannot be read`);
  }
  const text = host.readText(target);
  if (text === undefined) return fail(host.problemOf(target)?.kind === 'binary' ? `'${p.value}' is binary, not text` : `'${p.value}' cannot be read`);
  if (text.length > limit) return fail(`'${p.value}' is larger than Bicep's limit for ${l} (${limit} characters)`);
  if (l === 'loadtextcontent') return str(text, loc);
  let data: unknown;
  try {
    data = l === 'loadjsoncontent' ? JSON.parse(text) : parseYaml(yamlLineBreaks(text));
  } catch {
    return fail(`'${p.value}' is not valid ${l === 'loadjsoncontent' ? 'JSON' : 'YAML'}`);
  }
  const jp = args[1];
  if (jp && jp.kind === 'string') {
    const sel = jsonPath(data, jp.value);
    if (sel === undefined) return fail(`path '${jp.value}' selects nothing in '${p.value}'`);
    data = sel;
  } else if (jp && jp.kind !== 'null') return U(`${l}(): the path filter is not known`, loc);
  // A JSON file's values are written in that file: each keeps its own place there (RULES.md
  // Location: "where the offending value is written"), the call being where they were loaded.
  if (l === 'loadjsoncontent') {
    const located = locatedJson(text, target, jp?.kind === 'string' ? jp.value : undefined);
    if (located) return located;
  } else {
    const located = locatedYaml(text, target, jp?.kind === 'string' ? jp.value : undefined, data);
    if (located) return located;
  }
  return fromJS(data, loc);
}

/**
 * `loadYamlContent`'s value with every node's origin in the YAML file (as `loadJsonContent`'s);
 * undefined when the file is not one plain document or the located reading differs from the
 * library's (a tag, an alias, another scalar typing): the values then keep the call's place.
 */
function locatedYaml(text: string, file: string, filter: string | undefined, data: unknown): Value | undefined {
  const parsed = parseYamlFile(text);
  if (parsed.errors.length > 0 || parsed.documents.length !== 1) return undefined;
  let v: Value | undefined = yamlValue(file, parsed.documents[0]!);
  if (filter !== undefined) {
    const steps = jsonPathSteps(filter);
    if (!steps) return undefined;
    for (const step of steps) {
      if (typeof step === 'string') v = v?.kind === 'object' ? v.entries.get(step) : undefined;
      else v = v?.kind === 'list' ? v.items[step] : undefined;
    }
  }
  return v !== undefined && !containsUnknown(v) && JSON.stringify(toJS(v)) === JSON.stringify(data) ? v : undefined;
}

/** `loadJsonContent`'s value with every node's origin in the JSON file; undefined when the located reading differs from JSON.parse's. */
function locatedJson(text: string, file: string, filter: string | undefined): Value | undefined {
  const parsed = parseJsonc(text, file);
  if (!parsed.root || parsed.errors.length > 0) return undefined;
  let node: JsonNode | undefined = parsed.root;
  if (filter !== undefined) node = jsonPathNode(node, filter);
  return node ? nodeToValue(parsed, node) : undefined;
}

/** `jsonPath` on the parsed tree (the same subset), the last of duplicate keys as JSON.parse takes it. */
function jsonPathNode(root: JsonNode, p: string): JsonNode | undefined {
  const steps = jsonPathSteps(p);
  if (!steps) return undefined;
  let cur: JsonNode | undefined = root;
  for (const step of steps) {
    if (!cur) return undefined;
    if (typeof step === 'string') cur = cur.type === 'object' ? members(cur).filter(([k]) => k === step).pop()?.[2] : undefined;
    else cur = cur.type === 'array' ? cur.children?.[step] : undefined;
  }
  return cur;
}

/** `$.a.b[0]['c']`: the subset of JSONPath that selects one node. */
function jsonPath(data: unknown, p: string): unknown {
  const steps = jsonPathSteps(p);
  if (!steps) return undefined;
  let cur: unknown = data;
  for (const step of steps) {
    if (typeof step === 'string') {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[step];
    } else {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The keys (strings) and indexes (numbers) of a path in that subset (`$` optional); undefined for any other path. */
function jsonPathSteps(p: string): (string | number)[] | undefined {
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  let s = p.trim();
  if (s.startsWith('$')) s = s.slice(1);
  const steps: (string | number)[] = [];
  for (let pos = 0; pos < s.length; ) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) return undefined;
    pos = re.lastIndex;
    steps.push(m[1] ?? m[3] ?? m[4] ?? Number(m[2]));
  }
  return steps;
}
