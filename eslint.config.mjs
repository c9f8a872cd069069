import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'build/', 'test-results/', 'coverage/', 'data/', '.prof/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: [
      'src/knowledge/**',
      'src/search/**',
      'src/evaluation/**',
      'src/dialog/flow-*.ts',
      'src/dialog/outcome.ts',
      'src/dialog/prefill.ts',
      'src/dialog/dialog-state.ts',
      'src/contacts/directory.ts',
      'src/cards/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@microsoft/teams-ai', 'restify'],
              message: 'Domain code stays free of SDK imports.',
            },
          ],
        },
      ],
    },
  },
);
