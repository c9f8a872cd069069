import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { berlinDay } from '../../src/statistics/recorder';
import { lastWeeks } from '../../src/statistics/figures';
import { botHarness, cardText } from '../support/bot-harness';

const COORDINATOR = { id: 'coord', name: 'Koordination', aadObjectId: 'aad-coordinator' };
const TEACHER = { id: 'teacher', name: 'Lehrkraft', aadObjectId: 'aad-teacher' };

describe('"Statistik" for the network\'s coordinators', () => {
  it('is refused politely to everyone else', async () => {
    const { say } = botHarness({ coordinators: ['aad-coordinator'] });
    const [reply] = await say('Statistik', TEACHER);
    expect(reply?.text).toBe(TEXTS.statistics.notCoordinator);
  });

  it('shows the last four weeks, small numbers as "< 5", and the most used entries', async () => {
    const { say, stores } = botHarness({ coordinators: ['aad-coordinator'] });
    const today = berlinDay(Date.now());
    await stores.counts.add([
      { metric: 'question', key: 'answer', day: today, n: 17 },
      { metric: 'question', key: 'unsure', day: today, n: 3 },
      { metric: 'entry', key: 'step:anhoerung', day: today, n: 9 },
      { metric: 'feedback', key: 'step:anhoerung|dislike|veraltet', day: today, n: 2 },
    ]);
    const [reply] = await say('Statistik', COORDINATOR);
    const shown = cardText(reply);
    expect(shown).toContain(TEXTS.statistics.title);
    expect(shown).toMatch(/beantwortet[\s\S]*17/);
    expect(shown).toMatch(/unsicher[\s\S]*< 5/);
    expect(shown).toMatch(/Schritt 9|Anhörung[^\n]*: 9/);
    expect(shown).not.toMatch(/\b3\b/);
    const table = reply?.card?.body.find((b) => b.type === 'Table') as { rows: unknown[]; columns: unknown[] };
    expect(table.columns).toHaveLength(1 + lastWeeks(Date.now()).weeks.length);
  });

  it('names four ISO weeks ending with this one', () => {
    const { weeks, from, to } = lastWeeks(Date.parse('2026-12-03T10:00:00Z'));
    expect(weeks).toEqual(['2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect([from, to]).toEqual(['2026-11-09', '2026-12-03']);
  });
});
