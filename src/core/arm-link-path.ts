/**
 * Where a `templateLink.relativePath` points: resolved against the folder of the template that
 * writes it ("The relativePath property can be used to deploy a linked template at a location
 * relative to the parent", ARM REST API, TemplateLink); and where a `templateLink.uri` built on
 * the template's own URL points (`besideOwnLink`). Its own module: planning (the front end's
 * units and files-only folders) resolves links before any evaluator is loaded.
 */
import path from 'node:path';

/** A literal `relativePath` (not an `[expression]`) resolved against the folder of the template that writes it. */
export function relativeLinkPath(fromFile: string, rel: string): string | undefined {
  const text = rel.trim();
  if (text === '' || text.startsWith('[')) return undefined;
  return path.resolve(path.dirname(fromFile), text);
}

/**
 * The file a link built on the template's own URL names (`uri(deployment().properties.templateLink.uri,
 * 'nested/x.json')`, the quickstart `uri(parameters('_artifactsLocation'), …)` with its default):
 * ARM's `uri(baseUri, relativeUri)` drops "everything from the last slash onward" of a base that
 * does not end in a slash and resolves the rest "as specified in RFC 3986, section 5"
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uri:
 * `uri('http://contoso.org/firstpath/azuredeploy.json', 'myscript.sh') -> http://contoso.org/firstpath/myscript.sh`).
 * A template's URL ends in its file name, so the relative part names a file from the template's
 * folder. Its query or fragment (`?<SAS token>`) is no part of the path; an absolute reference (a
 * scheme, `//host`, `/path`) or an empty one (the template itself) names no file beside it: undefined.
 */
export function besideOwnLink(fromFile: string, relative: string): string | undefined {
  const ref = relative.replace(/[?#][\s\S]*$/, '');
  if (ref.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.includes('\\')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref);
  } catch {
    return undefined;
  }
  return path.resolve(path.dirname(fromFile), decoded);
}
