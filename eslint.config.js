import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureCore = {
  patterns: [
    {
      group: [
        '**/platform/**',
        '**/background/**',
        '**/content/**',
        '**/reader/**',
        '**/options/**',
        '**/cli/**',
      ],
      message: 'core/ and rules/ are pure: no glue imports.',
    },
    {
      group: ['webextension-polyfill'],
      message: 'Only src/platform may import webextension-polyfill.',
    },
    {
      group: ['jsdom', 'node:*', 'fs', 'path'],
      message: 'core/ and rules/ run in the browser too.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'demo/**',
      'artifacts/**',
      'src/core/test-pages/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Later blocks win: core/ and rules/ get the stricter list below.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Import from src/platform instead.' }],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**', '**/test-random.ts'],
    rules: { 'no-restricted-imports': ['error', pureCore] },
  },
);
