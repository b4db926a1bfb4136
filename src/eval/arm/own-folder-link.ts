/**
 * Links built on the template's own URL: `templateLink.uri` =
 * `[uri(deployment().properties.templateLink.uri, 'nested/x.json')]`, or the quickstart
 * `[uri(parameters('_artifactsLocation'), concat('nested/x.json', parameters('_artifactsLocationSasToken')))]`
 * whose `_artifactsLocation` defaults to `[deployment().properties.templateLink.uri]`. Such a link
 * names the file beside the template (`besideOwnLink`, ARM's `uri()`), a template of the
 * repository: it is evaluated through the deployment with the parameters it passes, as a
 * `relativePath` link is (template.ts `expandDeployment`). A base given another value (a
 * parameter file's `_artifactsLocation`) is not guessed at: the link stays a URL.
 */
import { besideOwnLink, relativeLinkPath } from '../../core/arm-link-path.js';
import { getProp, members, type JsonNode } from '../../parse/json/index.js';
import { classifyString, parseExpression, printExpr, type Expr } from './expression.js';

type Call = Extract<Expr, { kind: 'call' }>;

/** How many variables deep a link's whole text is followed (`"uri": "[variables('acrUrl')]"`). */
const MAX_LINK_VARIABLES = 8;

/** The expression a JSON string holds (`[…]`), parsed; undefined for a literal or a syntax error. */
export function expressionOf(text: string): Expr | undefined {
  const form = classifyString(text);
  if (form.kind !== 'expression') return undefined;
  const parsed = parseExpression(form.text);
  return parsed.ok ? parsed.expr : undefined;
}

/** `name('…')` with one literal argument: the argument (`parameters('x')` → `x`). */
export function literalArgumentOf(e: Expr, name: string): string | undefined {
  if (e.kind !== 'call' || e.name.toLowerCase() !== name || e.args.length !== 1) return undefined;
  const a = e.args[0]!;
  return a.kind === 'string' ? a.value : undefined;
}

/** `deployment().properties.templateLink.uri`: the URL the template being deployed was read from. */
export function isOwnLink(e: Expr): boolean {
  return printExpr(e).toLowerCase() === 'deployment().properties.templatelink.uri';
}

/** A parameter default that is the template's own link (`"[deployment().properties.templateLink.uri]"`). */
export function defaultsToOwnLink(defaultNode: JsonNode | undefined): boolean {
  if (typeof defaultNode?.value !== 'string') return false;
  const e = expressionOf(defaultNode.value);
  return e !== undefined && isOwnLink(e);
}

/**
 * A link's `uri(<base>, <relative>)` call, through variables that hold the whole link
 * (`variableNode`: a variable's value node by name); undefined for a link of another shape.
 */
export function uriLinkCall(text: string, variableNode: (name: string) => JsonNode | undefined): Call | undefined {
  let e = expressionOf(text);
  for (let depth = 0; e !== undefined && depth < MAX_LINK_VARIABLES; depth++) {
    const name = literalArgumentOf(e, 'variables');
    if (name === undefined) break;
    const node = variableNode(name);
    e = typeof node?.value === 'string' ? expressionOf(node.value) : undefined;
  }
  return e?.kind === 'call' && e.name.toLowerCase() === 'uri' && e.args.length === 2 ? e : undefined;
}

/**
 * The files a template links by a URL built on its own link that every evaluation of it resolves
 * the same way, resolved: the deployments of its own scope (top-level resources and their child
 * `resources`; a nested template's `deployment()` is not this file's) whose link reads no
 * parameter that `given` says a parameter file paired with it or a deployment linking it may set,
 * with a relative part of literals, variables holding them and parameters defaulting to them (the
 * SAS token's `""`). Planning's guess (frontends/arm.ts `linkedOnly`): the evaluation decides
 * (`ArmEvaluation.linkedFiles`), as it follows what planning cannot read (`copyIndex()`).
 */
export function ownFolderLinks(root: JsonNode | undefined, file: string, given: (param: string) => boolean): string[] {
  return ownScopeLinks(root, file, given).flatMap((l) => (l.target === undefined ? [] : [l.target]));
}

/** Each deployment of a template's own scope (top-level resources and their child `resources`) with a URL built on its own link, and the file it names when planning can tell. */
function ownScopeLinks(root: JsonNode | undefined, file: string, given: (param: string) => boolean): { deployment: JsonNode; target: string | undefined }[] {
  const params = getProp(root, 'parameters');
  const vars = getProp(root, 'variables');
  const out: { deployment: JsonNode; target: string | undefined }[] = [];
  const fixedDefault = (name: string): string | undefined => {
    if (given(name)) return undefined;
    const d = getProp(getProp(params, name), 'defaultValue');
    if (typeof d?.value !== 'string') return undefined;
    const form = classifyString(d.value);
    return form.kind === 'literal' ? form.value : undefined;
  };
  const staticText = (e: Expr, depth: number): string | undefined => {
    if (e.kind === 'string') return e.value;
    if (e.kind !== 'call' || depth > MAX_LINK_VARIABLES) return undefined;
    const param = literalArgumentOf(e, 'parameters');
    if (param !== undefined) return fixedDefault(param);
    // A variable holding the file's name (`"acrTemplateFile": "nested/acr.json"`), review 106.
    const variable = literalArgumentOf(e, 'variables');
    if (variable !== undefined) {
      const v = getProp(vars, variable)?.value;
      if (typeof v !== 'string') return undefined;
      const form = classifyString(v);
      if (form.kind === 'literal') return form.value;
      const inner = expressionOf(v);
      return inner === undefined ? undefined : staticText(inner, depth + 1);
    }
    if (e.name.toLowerCase() !== 'concat') return undefined;
    const parts = e.args.map((a) => staticText(a, depth));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  };
  const ownBase = (base: Expr): boolean => {
    if (isOwnLink(base)) return true;
    const name = literalArgumentOf(base, 'parameters');
    return name !== undefined && !given(name) && defaultsToOwnLink(getProp(getProp(params, name), 'defaultValue'));
  };
  const walk = (resources: JsonNode | undefined, depth: number): void => {
    if (resources?.type !== 'array' || depth > 16) return;
    for (const r of resources.children ?? []) {
      const uri = getProp(getProp(getProp(r, 'properties'), 'templateLink'), 'uri');
      const call = typeof uri?.value === 'string' ? uriLinkCall(uri.value, (n) => getProp(vars, n)) : undefined;
      if (call && ownBase(call.args[0]!)) {
        const rel = staticText(call.args[1]!, 0);
        out.push({ deployment: r, target: rel === undefined ? undefined : besideOwnLink(file, rel) });
      }
      walk(getProp(r, 'resources'), depth + 1);
    }
  };
  walk(getProp(root, 'resources'), 0);
  return out;
}

/**
 * The parameter names (lower-cased) a template's deployments pass to each template of the scan
 * they link, by the linked file (`properties.parameters` of a literal `relativePath` link, or of a
 * link built on the template's own URL that planning can read); `'*'` for one whose values come
 * from a `parametersLink`: what `ownFolderLinks` may not take as fixed in that template (review
 * 106: a template's own `_artifactsLocation`, passed on to the template it links, is no value
 * given to the linking one).
 */
export function parametersPassedByLinks(root: JsonNode | undefined, file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (target: string | undefined, props: JsonNode | undefined): void => {
    if (target === undefined) return;
    let names = out.get(target);
    if (!names) out.set(target, (names = new Set()));
    for (const [k] of members(getProp(props, 'parameters'))) names.add(k.toLowerCase());
    if (getProp(props, 'parametersLink')) names.add('*');
  };
  for (const l of ownScopeLinks(root, file, () => false)) add(l.target, getProp(l.deployment, 'properties'));
  const walk = (n: JsonNode | undefined, depth: number): void => {
    if (!n || depth > 64) return;
    if (n.type === 'object') {
      const props = getProp(n, 'properties');
      const rel = getProp(getProp(props, 'templateLink'), 'relativePath')?.value;
      if (typeof rel === 'string') add(relativeLinkPath(file, rel), props);
      for (const c of n.children ?? []) walk(c.children?.[1], depth + 1);
    } else if (n.type === 'array') for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}
