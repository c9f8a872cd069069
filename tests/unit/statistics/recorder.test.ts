import { describe, expect, it } from 'vitest';
import { logger } from '../../../src/shared/logger';
import type { CountRow, CountStore } from '../../../src/statistics/ports';
import { berlinDay, bufferedRecorder } from '../../../src/statistics/recorder';

function memoryCounts(failures = 0) {
  const added: CountRow[][] = [];
  let fail = failures;
  const store: CountStore = {
    add: async (rows) => {
      if (fail-- > 0) throw new Error('disk full');
      added.push([...rows]);
    },
    read: async () => [],
    deleteBefore: async () => 0,
  };
  return { store, added };
}

describe('the statistics recorder', () => {
  it('counts in memory and adds one row per metric, key and day on flush', async () => {
    const { store, added } = memoryCounts();
    const recorder = bufferedRecorder(store, logger, { now: () => Date.parse('2026-12-03T10:00:00Z') });
    recorder.count('question', 'answer');
    recorder.count('question', 'answer');
    recorder.count('entry', 'step:anhoerung');
    expect(added).toEqual([]);
    await recorder.flush();
    expect(added).toEqual([
      [
        { metric: 'question', key: 'answer', day: '2026-12-03', n: 2 },
        { metric: 'entry', key: 'step:anhoerung', day: '2026-12-03', n: 1 },
      ],
    ]);
    await recorder.flush();
    expect(added).toHaveLength(1);
  });

  it('keeps the numbers of a failed flush for the next one', async () => {
    const { store, added } = memoryCounts(1);
    const recorder = bufferedRecorder(store, logger, { now: () => Date.parse('2026-12-03T10:00:00Z') });
    recorder.count('feedback', 'step:anhoerung|dislike|veraltet');
    await recorder.flush();
    recorder.count('feedback', 'step:anhoerung|dislike|veraltet');
    await recorder.stop();
    expect(added).toEqual([[{ metric: 'feedback', key: 'step:anhoerung|dislike|veraltet', day: '2026-12-03', n: 2 }]]);
  });

  it('counts by the day in Dortmund, across the change to winter time', () => {
    expect(berlinDay(Date.parse('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
    expect(berlinDay(Date.parse('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(berlinDay(Date.parse('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  });
});
