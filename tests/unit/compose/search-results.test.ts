import { describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, searchResults, shareable } from '../../../src/compose/search-results';
import { DEFAULT_POPULAR, UsageCounter } from '../../../src/search/usage';
import { entryCard } from '../../../src/cards/entry-card';
import { realCore } from '../../support/bot-harness';

const { engine, knowledge } = realCore();

describe('When searching from the compose box', () => {
  it('finds steps, agencies and forms for a query', () => {
    const refs = searchResults('Anhörung', engine, knowledge, new UsageCounter(DEFAULT_POPULAR)).map((r) => r.ref);
    expect(refs[0]).toBe('step:anhoerung');
    expect(refs.some((r) => r.startsWith('form:'))).toBe(true);
  });

  it('shows the most used entries for an empty query, and learns from use', () => {
    const usage = new UsageCounter(DEFAULT_POPULAR);
    expect(searchResults('  ', engine, knowledge, usage).map((r) => r.ref)).toEqual(DEFAULT_POPULAR);
    usage.record('agency:polizei');
    usage.record('agency:polizei');
    expect(searchResults('', engine, knowledge, usage)[0]?.ref).toBe('agency:polizei');
  });

  it('keeps every entry card below 28 KB and free of buttons that would post to the bot', () => {
    for (const entry of knowledge.entries) {
      const card = shareable(entryCard(entry, knowledge));
      expect(Buffer.byteLength(JSON.stringify(card)), entry.id).toBeLessThan(MAX_CARD_BYTES);
      expect(JSON.stringify(card)).not.toContain('Action.Submit');
    }
  });

  it('returns nothing for gibberish', () => {
    expect(searchResults('qwertz uiop', engine, knowledge, new UsageCounter([]))).toEqual([]);
  });
});
