import { describe, expect, it } from 'vitest';
import { backends, useBackend } from './backends';
import { stateKey } from './fixtures';

const CONFLICT = /eTag conflict/;
const key = stateKey.conversation('a:1chat');

describe.each(backends())('$name: bot state (botbuilder Storage)', (backend) => {
  const { fresh } = useBackend(backend);

  it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
    const { state } = await fresh()();
    await state.write({ [key]: { users: { u: { lastRef: 'step:1', updatedAt: 1 } }, note: 'Grüße' } });
    const read = await state.read([key, 'unknown']);
    expect(Object.keys(read)).toEqual([key]);
    expect(read[key]).toMatchObject({ users: { u: { lastRef: 'step:1' } }, note: 'Grüße' });
    expect(typeof read[key].eTag).toBe('string');
  });

  it('lets exactly one of two writers with the same eTag win (two instances)', async () => {
    const open = fresh();
    const [a, b] = [(await open()).state, (await open()).state];
    await a.write({ [key]: { n: 0 } });
    const { eTag } = (await a.read([key]))[key];
    const results = await Promise.allSettled([a.write({ [key]: { n: 1, eTag } }), b.write({ [key]: { n: 2, eTag } })]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(String((rejected[0] as PromiseRejectedResult).reason)).toMatch(CONFLICT);
    const winner = results[0]!.status === 'fulfilled' ? 1 : 2;
    expect((await b.read([key]))[key].n).toBe(winner);
  });

  it('rejects a stale eTag and keeps the newer value', async () => {
    const { state } = await fresh()();
    await state.write({ [key]: { n: 1 } });
    const first = (await state.read([key]))[key];
    await state.write({ [key]: { ...first, n: 2 } });
    await expect(state.write({ [key]: { ...first, n: 3 } })).rejects.toThrow(CONFLICT);
    const current = (await state.read([key]))[key];
    expect(current.n).toBe(2);
    expect(current.eTag).not.toBe(first.eTag);
  });

  it("always accepts '*' and writes without eTag", async () => {
    const { state } = await fresh()();
    await state.write({ [key]: { n: 1 } });
    await state.write({ [key]: { n: 2, eTag: '*' } });
    await state.write({ [key]: { n: 3 } });
    expect((await state.read([key]))[key].n).toBe(3);
  });

  it('treats an eTag for an item that is gone as a conflict (no resurrection after delete)', async () => {
    const { state } = await fresh()();
    await state.write({ [key]: { n: 1 } });
    const { eTag } = (await state.read([key]))[key];
    await state.delete([key]);
    await expect(state.write({ [key]: { n: 2, eTag } })).rejects.toThrow(CONFLICT);
    expect(await state.read([key])).toEqual({});
  });

  it('deletes, ignoring unknown keys', async () => {
    const { state } = await fresh()();
    const other = stateKey.user('29:u');
    await state.write({ [key]: { n: 1 }, [other]: { n: 2 } });
    await state.delete([key, 'unknown']);
    expect(Object.keys(await state.read([key, other]))).toEqual([other]);
  });

  it('creates an item if absent for exactly one of two instances, readable as normal state', async () => {
    const open = fresh();
    const [a, b] = [await open(), await open()];
    const created = await Promise.all([
      a.createStateIfAbsent(key, { welcomedAt: 1 }),
      b.createStateIfAbsent(key, { welcomedAt: 2 }),
    ]);
    expect(created.filter(Boolean)).toHaveLength(1);
    const item = (await a.state.read([key]))[key];
    expect(item.welcomedAt).toBe(created[0] ? 1 : 2);
    expect(typeof item.eTag).toBe('string');
    await a.state.write({ [key]: { ...item, welcomedAt: 3 } });
    expect(await b.createStateIfAbsent(key, { welcomedAt: 4 })).toBe(false);
    expect((await b.state.read([key]))[key].welcomedAt).toBe(3);
    await a.state.delete([key]);
    expect(await b.createStateIfAbsent(key, { welcomedAt: 5 })).toBe(true);
  });
});
