import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: the bot in the Agents Playground, driven by headless Chromium (see tests/e2e/README.md). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // No tests/setup.ts: Playwright and the child processes' plumbing may touch console.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
