import { describe, expect, it } from 'vitest';
import { berlinInputs, berlinLabel, berlinToEpoch, plannedTime } from '../../../src/broadcast/berlin-time';

describe("Scheduled news run on Dortmund's clock, whatever zone the server is in", () => {
  it.each([
    ['winter (CET, UTC+1)', '2027-01-11', '10:00', '2027-01-11T09:00:00.000Z'],
    ['summer (CEST, UTC+2)', '2027-07-12', '10:00', '2027-07-12T08:00:00.000Z'],
    ['the evening before the spring change', '2027-03-27', '23:30', '2027-03-27T22:30:00.000Z'],
    ['the morning after the spring change', '2027-03-28', '08:00', '2027-03-28T06:00:00.000Z'],
    ['a time the spring change skips: an hour later', '2027-03-28', '02:30', '2027-03-28T01:30:00.000Z'],
    ['a time the autumn change repeats: the winter-time one', '2027-10-31', '02:30', '2027-10-31T01:30:00.000Z'],
    ['the morning after the autumn change', '2027-10-31', '08:00', '2027-10-31T07:00:00.000Z'],
  ])('%s', (_case, date, time, utc) => {
    const at = berlinToEpoch(date, time);
    expect(new Date(at!).toISOString()).toBe(utc);
  });

  it('reads back the same wall-clock time it was given, on both sides of a change', () => {
    for (const [date, time] of [
      ['2027-03-27', '09:15'],
      ['2027-03-29', '09:15'],
      ['2027-10-30', '18:00'],
      ['2027-11-01', '18:00'],
    ] as const) {
      const at = berlinToEpoch(date, time)!;
      expect(berlinInputs(at)).toEqual({ date, time });
      expect(berlinLabel(at)).toContain(`${time} Uhr`);
    }
  });

  it.each([
    ['2027-02-30', '10:00'],
    ['2027-13-01', '10:00'],
    ['2027-01-01', '25:00'],
    ['01.02.2027', '10:00'],
    ['2027-01-01', '10 Uhr'],
  ])('refuses %s %s', (date, time) => expect(berlinToEpoch(date, time)).toBeUndefined());

  it('asks for both fields and a time ahead; both empty means at once', () => {
    const now = berlinToEpoch('2027-05-03', '12:00')!;
    expect(plannedTime(undefined, undefined, now)).toBeUndefined();
    expect(plannedTime('2027-05-03', undefined, now)).toBe('invalid');
    expect(plannedTime(undefined, '13:00', now)).toBe('invalid');
    expect(plannedTime('2027-05-03', '11:59', now)).toBe('invalid');
    expect(plannedTime('2027-05-03', '12:00', now)).toBe('invalid');
    expect(plannedTime('2027-05-03', '12:01', now)).toBe(now + 60_000);
  });
});
