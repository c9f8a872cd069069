import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ResilientStorage } from '../../../src/turn/resilient-storage';
import { logger } from '../../../src/shared/logger';

describe('When two overlapping turns of one user write the same state item', () => {
  it('the later write wins instead of failing the turn', async () => {
    const storage = new ResilientStorage(new MemoryStorage(), logger);
    await storage.write({ member: { lastRef: 'step:start', updatedAt: 1 } });
    const turnA = (await storage.read(['member'])).member;
    const turnB = (await storage.read(['member'])).member;
    await storage.write({ member: { ...turnA, lastRef: 'step:anhoerung', updatedAt: 10 } });
    await storage.write({ member: { ...turnB, lastRef: 'agency:kubdo', updatedAt: 11 } });
    expect((await storage.read(['member'])).member).toMatchObject({ lastRef: 'agency:kubdo', updatedAt: 11 });
  });

  it('lets the plain MemoryStorage fail, so the test above means something', async () => {
    const memory = new MemoryStorage();
    await memory.write({ member: { updatedAt: 1 } });
    const a = (await memory.read(['member'])).member;
    const b = (await memory.read(['member'])).member;
    await memory.write({ member: { ...a, x: 1 } });
    await expect(memory.write({ member: { ...b, y: 1 } })).rejects.toThrow(/eTag conflict/);
  });

  it('gives up on other errors', async () => {
    const failing = new MemoryStorage();
    failing.write = () => Promise.reject(new Error('disk full'));
    await expect(new ResilientStorage(failing, logger).write({ member: {} })).rejects.toThrow(/disk full/);
  });
});
