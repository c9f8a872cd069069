import { describe, expect, it } from 'vitest';
import { backends, useBackend } from './backends';

describe.each(backends())('$name: anonymous counters', (backend) => {
  const { fresh } = useBackend(backend);

  it('adds up per metric, key and day, and reads a range of days', async () => {
    const { counts } = await fresh()();
    await counts.add([
      { metric: 'route', key: 'answer', day: '2026-12-01', n: 2 },
      { metric: 'route', key: 'unsure', day: '2026-12-01', n: 1 },
      { metric: 'route', key: 'answer', day: '2026-12-02', n: 1 },
    ]);
    await counts.add([{ metric: 'route', key: 'answer', day: '2026-12-01', n: 3 }]);
    expect(await counts.read({ from: '2026-12-01', to: '2026-12-01' })).toEqual([
      { metric: 'route', key: 'answer', day: '2026-12-01', n: 5 },
      { metric: 'route', key: 'unsure', day: '2026-12-01', n: 1 },
    ]);
    expect(await counts.read({ from: '2026-12-02', to: '2026-12-31', metric: 'route' })).toEqual([
      { metric: 'route', key: 'answer', day: '2026-12-02', n: 1 },
    ]);
    expect(await counts.read({ from: '2026-12-01', to: '2026-12-31', metric: 'feedback' })).toEqual([]);
  });

  it('loses no increment when two instances add to the same day at once', async () => {
    const open = fresh();
    const [a, b] = await Promise.all([open(), open()]);
    const one = (n: number) => [{ metric: 'feedback', key: `step:anhoerung|dislike|veraltet`, day: '2026-12-03', n }];
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).counts.add(one(1))));
    expect(await a.counts.read({ from: '2026-12-03', to: '2026-12-03' })).toEqual([
      { metric: 'feedback', key: 'step:anhoerung|dislike|veraltet', day: '2026-12-03', n: 10 },
    ]);
  });

  it('deletes the days before a date', async () => {
    const { counts } = await fresh()();
    await counts.add([
      { metric: 'route', key: 'answer', day: '2026-08-01', n: 1 },
      { metric: 'route', key: 'answer', day: '2026-12-01', n: 1 },
    ]);
    expect(await counts.deleteBefore('2026-09-01')).toBe(1);
    expect((await counts.read({ from: '2026-01-01', to: '2026-12-31' })).map((r) => r.day)).toEqual(['2026-12-01']);
  });
});
