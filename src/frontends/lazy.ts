/**
 * Front ends whose code is imported on demand. The Bicep and CI front ends bring large parsers
 * (the Bicep evaluator; the `yaml` library): a run with no file of theirs (the usual one-file
 * pre-commit call on Terraform) should neither compile nor initialise them. Their `byName`
 * answers without the import; `load()` imports the rest, and lint() awaits it when a listed
 * file may be theirs, before classifying.
 */
import type { Host } from '../core/host.js';
import type { ClassifiedFile, FrontEnd, FrontEndContext } from './types.js';

export function lazyFrontEnd(head: Pick<FrontEnd, 'name' | 'family' | 'byName' | 'stage' | 'filesOnlyFolders' | 'mayRead'>, importImpl: () => Promise<FrontEnd>): FrontEnd {
  let impl: FrontEnd | undefined;
  // The implementation's classifiers, bound once when it is loaded.
  let ownContent: FrontEnd['byContent'];
  let ownHead: FrontEnd['byHead'];
  const loaded = (): FrontEnd => {
    if (!impl) throw new Error(`internal: the ${head.name} front end was used before its load()`);
    return impl;
  };
  return {
    name: head.name,
    family: head.family,
    byName: head.byName,
    ...(head.stage ? { stage: head.stage } : {}),
    // Asked before any front end is loaded (a files-only run's walk): answered by the head.
    ...(head.filesOnlyFolders ? { filesOnlyFolders: head.filesOnlyFolders } : {}),
    ...(head.mayRead ? { mayRead: head.mayRead } : {}),
    async load() {
      if (impl) return;
      impl = await importImpl();
      ownContent = impl.byContent?.bind(impl);
      ownHead = impl.byHead?.bind(impl);
    },
    // Once loaded, the classifiers are the implementation's own (absent when it has none, so
    // lint() does not read a file's text for a front end that classifies by a peek only).
    get byContent() {
      return impl ? ownContent : (file: string, text: string, rel: string) => loaded().byContent?.(file, text, rel);
    },
    get byHead() {
      return impl ? ownHead : (file: string, host: Host) => loaded().byHead?.(file, host);
    },
    // Called for every front end; without files of its own (and so never loaded) it takes nothing.
    supersedes: (files: readonly ClassifiedFile[], ctx: FrontEndContext) =>
      impl === undefined && files.length === 0 ? new Set<string>() : (loaded().supersedes?.(files, ctx) ?? new Set<string>()),
    // Without files of its own (never loaded) there is nothing to split.
    units: (files: readonly ClassifiedFile[], ctx: FrontEndContext) => {
      if (files.length === 0) return [];
      const split = loaded().units;
      return split ? split(files, ctx) : [[...files]];
    },
    // A unit of its files exists only once it is loaded.
    unitCacheKey: (files: readonly ClassifiedFile[], ctx: FrontEndContext) => (impl ? (impl.unitCacheKey?.(files, ctx) ?? '') : ''),
    evaluatesOthers: (files: readonly ClassifiedFile[], ctx: FrontEndContext) => (impl ? (impl.evaluatesOthers?.(files, ctx) ?? []) : []),
    // What the implementation imports before its units run (a front end without files is never loaded: nothing).
    beforeUnits: async (files: readonly ClassifiedFile[], ctx: FrontEndContext) => {
      if (impl?.beforeUnits) await impl.beforeUnits(files, ctx);
    },
    run: (files, ctx) => loaded().run(files, ctx),
  };
}
