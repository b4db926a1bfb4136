// ESLint flat config: typescript-eslint recommended rules over our sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layers import only downward (README "Architecture"). Each zone lists what its files may
 * NOT import; `npm run lint` (run by CI) keeps the layering true.
 */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});
const RULE_MODULE = '**/[A-Z]*[0-9][0-9][0-9]-*';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'fixtures/**', 'examples/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  layer(['src/core/**/*.ts'], ['**/parse/**', '**/eval/**', '**/model/**', '**/engine/**', '**/frontends/**', '**/report/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js'], 'src/core is the bottom layer: it imports nothing of the project.'),
  layer(['src/parse/**/*.ts'], ['**/eval/**', '**/model/**', '**/engine/**', '**/frontends/**', '**/report/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js'], 'src/parse imports only src/core.'),
  layer(['src/eval/**/*.ts'], ['**/model/**', '**/engine/**', '**/frontends/**', '**/report/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js'], 'src/eval imports only src/core and src/parse.'),
  layer(['src/model/**/*.ts'], ['**/parse/**', '**/engine/**', '**/frontends/**', '**/report/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js'], 'src/model imports only src/core and the outputs of src/eval.'),
  layer(['src/engine/**/*.ts'], ['**/parse/**', '**/eval/**', '**/frontends/**', '**/report/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js'], 'src/engine imports only src/core and src/model.'),
  layer(['src/frontends/**/*.ts'], ['**/engine/**', '**/report/**', '**/config/**', '**/rules/**', '**/api.js', '**/cli/**', '**/action/**'], 'A front end imports core, parse, eval and model; never the engine or the rules.'),
  layer(['src/report/**/*.ts'], ['**/parse/**', '**/eval/**', '**/model/**', '**/frontends/**', '**/config/**', '**/discover/**', '**/rules/**', '**/api.js', '**/engine/!(result|types).js'], 'src/report reads only the engine\'s result types (and src/core positions).'),
  layer(['rules/**/*.ts'], ['**/src/parse/**', '**/src/eval/**', '**/src/frontends/**', '**/src/report/**', '**/src/config/**', '**/src/discover/**', '**/api.js', RULE_MODULE], 'A rule imports only src/engine and src/model (and src/core types), never another rule.'),
  { files: ['rules/index.ts'], rules: { 'no-restricted-imports': 'off' } },
);
