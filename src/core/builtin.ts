/**
 * A Node.js built-in module, loaded synchronously where it is first needed (not at start-up).
 * `process.getBuiltinModule` is Node 20.16+; the package runs on every Node 20 (package.json
 * `engines`), so older ones load it through a `require` made for this module.
 */
import { createRequire } from 'node:module';

export function builtinModule<T>(name: `node:${string}`): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return (typeof get === 'function' ? get(name) : createRequire(import.meta.url)(name)) as T;
}
