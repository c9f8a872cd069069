import { defineConfig } from 'vitest/config';

/** `npm test`: the fast lane – unit and conversation tests, no Azurite, no servers, no sockets. */
export const INTEGRATION = ['tests/storage/**', 'tests/http/**', 'tests/broadcast/*-integration.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', ...INTEGRATION],
    setupFiles: ['tests/setup.ts'],
    // Pure tests share one module graph per worker: teams-ai and the knowledge load once, not per file (≈ 4× faster).
    isolate: false,
    testTimeout: 20_000,
  },
});
