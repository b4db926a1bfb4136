/**
 * V8 flags the CLI sets for itself at start-up (issue 15). The bin (src/cli/entry.ts) is the
 * one place that applies them, before it compiles any pipeline code: V8's code cache carries
 * a hash of the flags, so the cache the build makes (src/cli/code-cache.ts) is made under
 * these flags and checked against them. Setting other flags later (in main.ts, say) would
 * make every cache the build ships be rejected; test/ship/code-cache.test.ts would fail.
 */
export function startupV8Flags(): string {
  return '';
}
