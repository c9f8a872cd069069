import { describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/cards/answer-card';
import { answerAsText } from '../../../src/cards/plain-text';
import type { Answer } from '../../../src/search/answer';
import { TEXTS } from '../../../src/texts';
import { realCore } from '../../support/bot-harness';

const { knowledge } = realCore();
const candidates = ['topic:schulangst', 'step:gespraeche', 'step:erste-reaktion', 'agency:kubdo'].map((ref, i) => ({
  ref,
  entry: knowledge.byRef(ref)!,
  score: 0.28 - i * 0.01,
}));
const unsure = (reason: Extract<Answer, { decision: 'unsure' }>['reason']): Answer => ({
  decision: 'unsure',
  safety: 'none',
  candidates,
  childProtection: false,
  reason,
});
const json = (value: unknown) => JSON.stringify(value);

describe('When the engine is unsure', () => {
  it('offers the three best entries and the guided dialog for an in-domain story (weak match)', () => {
    const card = json(answerCard(unsure('weak'), knowledge));
    expect(card).toContain(TEXTS.suggestTitle);
    for (const c of candidates.slice(0, 3)) expect(card).toContain(c.entry.short_title);
    expect(card).not.toContain(candidates[3]!.entry.short_title);
    expect(card).toContain(TEXTS.buttons.startGuide);
    expect(card).not.toContain(TEXTS.unsureText);
    expect(answerAsText(unsure('weak'), knowledge)).toContain(candidates[0]!.entry.title);
  });

  it('offers no entries for an out-of-scope question, only what the bot can help with', () => {
    for (const reason of ['low-coverage', 'no-match', 'empty'] as const) {
      const card = json(answerCard(unsure(reason), knowledge));
      expect(card).toContain(TEXTS.unsureText);
      expect(card).not.toContain(candidates[0]!.entry.title);
      expect(answerAsText(unsure(reason), knowledge)).not.toContain(candidates[0]!.entry.title);
    }
  });
});
