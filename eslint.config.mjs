// ESLint's flat config: typescript-eslint's recommended rules (syntax only, so `npm run lint`
// stays fast without type information); formatting is Prettier's job (`.prettierrc.json`).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The rules match control characters on purpose (NUL, CR, escape sequences in terminal output).
      'no-control-regex': 'off',
      // A few modules load node:worker_threads or node:os with a late require() so that the check of
      // one spec does not pay for them; the bundles run as a vm.Script, where import() is not at hand.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^node:'] }],
      // An object literal's getters reach the class that made it through a local (`const facts = this`).
      // A callback declared before the value it reads is made (a view, a subscription) reads it later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['facts'] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Code that runs in a browser: the web extension, the web server's worker and webview scripts.
    files: ['client/src/browser.ts', 'client/src/preview/webview/**', 'server/src/web/**', 'test/web/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
);
