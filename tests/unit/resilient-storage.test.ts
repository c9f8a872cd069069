import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ResilientStorage } from '../../src/bot/resilient-storage';
import { logger } from '../../src/shared/logger';

describe('When two turns write the same conversation state', () => {
  it("merges both users' slots instead of failing", async () => {
    const memory = new MemoryStorage();
    const storage = new ResilientStorage(memory, logger);
    await storage.write({ conv: { users: {}, welcomedAt: 1 } });
    const turnA = (await storage.read(['conv'])).conv;
    const turnB = (await storage.read(['conv'])).conv;
    await storage.write({ conv: { ...turnA, users: { a: { lastRef: 'step:anhoerung', updatedAt: 10 } } } });
    await storage.write({ conv: { ...turnB, users: { b: { lastRef: 'agency:kubdo', updatedAt: 11 } } } });
    const stored = (await storage.read(['conv'])).conv;
    expect(Object.keys(stored.users)).toEqual(['a', 'b']);
    expect(stored.welcomedAt).toBe(1);
  });

  it('lets the plain MemoryStorage fail, so the test above means something', async () => {
    const memory = new MemoryStorage();
    await memory.write({ conv: { users: {} } });
    const a = (await memory.read(['conv'])).conv;
    const b = (await memory.read(['conv'])).conv;
    await memory.write({ conv: { ...a, x: 1 } });
    await expect(memory.write({ conv: { ...b, y: 1 } })).rejects.toThrow(/eTag conflict/);
  });

  it('keeps the newer slot of the same user', async () => {
    const storage = new ResilientStorage(new MemoryStorage(), logger);
    await storage.write({ conv: { users: {} } });
    const old = (await storage.read(['conv'])).conv;
    const fresh = (await storage.read(['conv'])).conv;
    await storage.write({ conv: { ...fresh, users: { a: { lastRef: 'new', updatedAt: 20 } } } });
    await storage.write({ conv: { ...old, users: { a: { lastRef: 'old', updatedAt: 5 } } } });
    expect((await storage.read(['conv'])).conv.users.a.lastRef).toBe('new');
  });
});
