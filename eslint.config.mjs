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
    // The fence: only edge files talk to the SDKs (teams-ai, botbuilder, restify); everything else is plain TypeScript.
    files: ['src/**/*.ts'],
    ignores: [
      // edge: HTTP, adapter, app, its deps and the turn plumbing
      'src/server.ts',
      'src/http-guard.ts',
      'src/adapter.ts',
      'src/app.ts',
      'src/app-deps.ts',
      'src/connector-reuse.ts',
      'src/turn/**',
      // edge: one thin route file per feature
      'src/**/*-routes.ts',
      // edge: storage implementations of botbuilder's Storage, proactive delivery
      'src/storage/stores.ts',
      'src/storage/azure/azure-stores.ts',
      'src/storage/sqlite/sqlite-state-storage.ts',
      'src/broadcast/connector-sender.ts',
      'src/broadcast/conversation-key.ts',
      'src/broadcast/delivery-setup.ts',
      'src/forwarding/adapter-messenger.ts',
      'src/cli/bench.ts',
      'src/cli/bench-echo-bot.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', 'botframework*', '@microsoft/teams-ai', 'restify'],
              message: 'Only edge files import the SDKs (see README, folder layout).',
            },
          ],
        },
      ],
    },
  },
);
