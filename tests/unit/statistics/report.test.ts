import { describe, expect, it } from 'vitest';
import { asCsv, asJson, byWeek, weekOf } from '../../../src/statistics/report';

describe('weekly statistics', () => {
  it.each([
    ['2026-12-03', '2026-W49'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2020-12-31', '2020-W53'],
  ])('%s lies in ISO week %s', (day, week) => expect(weekOf(day)).toBe(week));

  it('sums days to weeks and never shows a number below 5', () => {
    const weeks = byWeek([
      { metric: 'question', key: 'answer', day: '2026-11-30', n: 3 },
      { metric: 'question', key: 'answer', day: '2026-12-03', n: 4 },
      { metric: 'question', key: 'unsure', day: '2026-12-03', n: 2 },
      { metric: 'question', key: 'answer', day: '2026-12-07', n: 1 },
    ]);
    expect(weeks).toEqual([
      { week: '2026-W49', metric: 'question', key: 'answer', n: 7 },
      { week: '2026-W49', metric: 'question', key: 'unsure', n: 2 },
      { week: '2026-W50', metric: 'question', key: 'answer', n: 1 },
    ]);
    expect(asCsv(weeks)).toBe(
      'week,metric,key,count\n2026-W49,question,answer,7\n2026-W49,question,unsure,< 5\n2026-W50,question,answer,< 5\n',
    );
    expect(asJson(weeks).map((r) => r.count)).toEqual([7, '< 5', '< 5']);
  });

  it('quotes keys that would break a CSV line', () => {
    expect(asCsv([{ week: '2026-W49', metric: 'feedback', key: 'a,b', n: 9 }])).toContain('"a,b",9');
  });
});
