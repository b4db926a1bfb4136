import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // The rule tables (one file per rule) share one module graph: isolated, each file would
      // load the whole linter again (about 1 s a file). They hold no global state.
      { extends: true, test: { name: 'rules', include: ['test/rules/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/rules/**'] } },
    ],
  },
});
