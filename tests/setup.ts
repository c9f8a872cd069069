import { afterEach, beforeEach, vi } from 'vitest';
import { logger } from '../src/shared/logger';

logger.level = 'silent';

// Nothing may log through console: tests fail on any console.* call.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
beforeEach(() => {
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${m} called: ${args.map(String).join(' ').slice(0, 200)}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
