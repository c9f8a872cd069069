import { defineConfig } from 'vitest/config';
import { INTEGRATION } from './vitest.config';

/** `npm run test:integration`: storage contracts (SQLite, Azurite), HTTP edge, delivery integration. */
export default defineConfig({
  test: {
    include: INTEGRATION.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.ts` : glob)),
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
  },
});
