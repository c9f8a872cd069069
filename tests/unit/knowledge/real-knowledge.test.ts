import { describe, expect, it } from 'vitest';
import { CONTRACT_IDS } from '../../../src/knowledge/contract';
import { realCore } from '../../support/bot-harness';

describe('The real knowledge/ folder', () => {
  const { knowledge } = realCore();

  it.each(Object.entries(CONTRACT_IDS).flatMap(([kind, ids]) => ids.map((id) => `${kind}:${id}`)))(
    'holds %s',
    (ref) => {
      expect(knowledge.byRef(ref)).toBeDefined();
    },
  );

  it('orders the procedure steps 0 to 12', () => {
    expect(knowledge.steps.map((s) => s.order)).toEqual([...Array(13).keys()]);
  });

  it('marks every unverified entry with the unconfirmed points', () => {
    for (const entry of knowledge.entries.filter((e) => !e.verified))
      expect(entry.unconfirmed.length).toBeGreaterThan(0);
  });

  it('knows no Vordrucke 010, 020, 110 or 120 (they are not known)', () => {
    expect(knowledge.forms.map((f) => f.number)).not.toEqual(expect.arrayContaining(['010']));
    for (const n of ['010', '020', '110', '120']) expect(knowledge.forms.some((f) => f.number === n)).toBe(false);
  });

  it('gives the child-protection emergency number only from the fact sheet', () => {
    const phones = knowledge.agencies.filter((a) => a.emergency).flatMap((a) => a.contact.phone.map((p) => p.number));
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p.replace(/\D/g, '')).toBe('02315012345');
  });
});
