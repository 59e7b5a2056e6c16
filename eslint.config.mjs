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
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Code that runs in a browser: the web extension, the web server's worker and webview scripts.
    files: ['client/src/browser.ts', 'server/src/web/**', 'media/**/*.js', 'test/web/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
);
