// Web lint: ESLint's recommended rules, typescript-eslint's recommended rules and React's hooks
// rules (with the React Compiler checks of eslint-plugin-react-hooks 7). `npm run lint` must report
// zero errors; scripts/test runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/artifacts', 'lighthouse/artifacts', 'test-results', 'src/api/schema.d.ts'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/pwa/sw.ts'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    // Node scripts and the E2E specs; page.evaluate callbacks run in the browser.
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
