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
import { besideOwnLink } from '../../core/arm-link-path.js';
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
 * parameter that `given` says a parameter file or a linking deployment may set, with a relative
 * part of literals and parameters defaulting to literals (the SAS token's `""`). Such a template is
 * evaluated only through these deployments (frontends/arm.ts `linkedOnly`); any other is also
 * linted on its own, as before.
 */
export function ownFolderLinks(root: JsonNode | undefined, file: string, given: (param: string) => boolean): string[] {
  const params = getProp(root, 'parameters');
  const vars = getProp(root, 'variables');
  const out: string[] = [];
  const fixedDefault = (name: string): string | undefined => {
    if (given(name)) return undefined;
    const d = getProp(getProp(params, name), 'defaultValue');
    if (typeof d?.value !== 'string') return undefined;
    const form = classifyString(d.value);
    return form.kind === 'literal' ? form.value : undefined;
  };
  const staticText = (e: Expr): string | undefined => {
    if (e.kind === 'string') return e.value;
    if (e.kind !== 'call') return undefined;
    const param = literalArgumentOf(e, 'parameters');
    if (param !== undefined) return fixedDefault(param);
    if (e.name.toLowerCase() !== 'concat') return undefined;
    const parts = e.args.map(staticText);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  };
  const walk = (resources: JsonNode | undefined, depth: number): void => {
    if (resources?.type !== 'array' || depth > 16) return;
    for (const r of resources.children ?? []) {
      const uri = getProp(getProp(getProp(r, 'properties'), 'templateLink'), 'uri');
      const call = typeof uri?.value === 'string' ? uriLinkCall(uri.value, (n) => getProp(vars, n)) : undefined;
      if (call && ownBase(call.args[0]!)) {
        const rel = staticText(call.args[1]!);
        const target = rel === undefined ? undefined : besideOwnLink(file, rel);
        if (target !== undefined) out.push(target);
      }
      walk(getProp(r, 'resources'), depth + 1);
    }
  };
  const ownBase = (base: Expr): boolean => {
    if (isOwnLink(base)) return true;
    const name = literalArgumentOf(base, 'parameters');
    return name !== undefined && !given(name) && defaultsToOwnLink(getProp(getProp(params, name), 'defaultValue'));
  };
  walk(getProp(root, 'resources'), 0);
  return out;
}

/**
 * The parameter names a template's deployments pass (`properties.parameters` of every
 * `templateLink` deployment in it, lower-cased), `'*'` for one whose values come from a
 * `parametersLink`: what `ownFolderLinks` may not take as fixed in the templates they link.
 */
export function parametersPassedByLinks(root: JsonNode | undefined): Set<string> {
  const out = new Set<string>();
  const walk = (n: JsonNode | undefined, depth: number): void => {
    if (!n || depth > 64) return;
    if (n.type === 'object') {
      const props = getProp(n, 'properties');
      if (getProp(props, 'templateLink')) {
        for (const [k] of members(getProp(props, 'parameters'))) out.add(k.toLowerCase());
        if (getProp(props, 'parametersLink')) out.add('*');
      }
      for (const c of n.children ?? []) walk(c.children?.[1], depth + 1);
    } else if (n.type === 'array') for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}
