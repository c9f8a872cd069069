import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rememberRecentTexts } from '../../../src/core/recent-texts';
import { realCore } from '../../support/bot-harness';

const questions = readFileSync(resolve(__dirname, '../../eval/project.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { q: string }).q);

describe('rememberRecentTexts', () => {
  it('gives the same results as the engines themselves, the second time without computing', () => {
    const core = realCore();
    const remembering = rememberRecentTexts(core);
    for (const q of questions) {
      const first = remembering.engine.ask(q);
      expect(first).toEqual(core.engine.ask(q));
      expect(remembering.engine.ask(q)).toBe(first);
      expect(remembering.engine.safety(q)).toEqual(core.engine.safety(q));
      expect(remembering.reader.extract(q)).toEqual(core.reader.extract(q));
    }
  });

  it('hands each caller its own prefill copy', () => {
    const remembering = rememberRecentTexts(realCore());
    const text = 'Gymnasium, 15 Jahre, unentschuldigt';
    const first = remembering.reader.extract(text);
    expect(Object.keys(first).length).toBeGreaterThan(0);
    first.injected = 'x';
    expect(remembering.reader.extract(text)).not.toHaveProperty('injected');
  });

  it('matches replies to each open question like the reader, misses included', () => {
    const core = realCore();
    const remembering = rememberRecentTexts(core);
    for (const question of core.guide.questions) {
      for (const reply of [
        '1',
        '2',
        'ja',
        'nein',
        '15 Jahre',
        'Grundschule',
        'keine Ahnung',
        question.options[0]!.title,
      ]) {
        for (const fuzzy of [true, false]) {
          const expected = core.reader.match(question, reply, fuzzy);
          expect(remembering.reader.match(question, reply, fuzzy)).toBe(expected);
          expect(remembering.reader.match(question, reply, fuzzy)).toBe(expected);
        }
      }
    }
  });

  it('keeps at most `max` texts', () => {
    const core = realCore();
    const ask = vi.fn(core.engine.ask);
    const remembering = rememberRecentTexts({ ...core, engine: { ...core.engine, ask } }, 2);
    for (const q of ['Jugendamt', 'Schulpsychologie', 'Jugendamt', 'Bußgeld', 'Jugendamt']) remembering.engine.ask(q);
    // Jugendamt, Schulpsychologie, (hit), Bußgeld evicts Schulpsychologie, Jugendamt still there.
    expect(ask).toHaveBeenCalledTimes(3);
    remembering.engine.ask('Schulpsychologie');
    expect(ask).toHaveBeenCalledTimes(4);
  });
});
