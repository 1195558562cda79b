import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-hostile',
      'dist-deploys',
      'dist-many',
      'public/data',
      'test-results',
      'playwright-report',
      '**/fixtures/**',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/compiler/**', 'src/bench/**', 'src/cli/**'],
    extends: [reactHooks.configs.flat.recommended, ...pluginQuery.configs['flat/recommended']],
    rules: {
      // The app may only use the compiler's JSON contract, never its Node code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)compiler/(?!contract(\\.ts)?$)',
              message: 'The app imports only compiler/contract (types).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests render what the compiler really makes of some Markdown.
    files: ['src/**/*.test.{ts,tsx}', 'src/lib/test-*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
