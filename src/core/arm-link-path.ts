/**
 * Where a `templateLink.relativePath` points: resolved against the folder of the template that
 * writes it ("The relativePath property can be used to deploy a linked template at a location
 * relative to the parent", ARM REST API, TemplateLink). Its own module: planning (the front end's
 * units and files-only folders) resolves links before any evaluator is loaded.
 */
import path from 'node:path';

/** A literal `relativePath` (not an `[expression]`) resolved against the folder of the template that writes it. */
export function relativeLinkPath(fromFile: string, rel: string): string | undefined {
  const text = rel.trim();
  if (text === '' || text.startsWith('[')) return undefined;
  return path.resolve(path.dirname(fromFile), text);
}
