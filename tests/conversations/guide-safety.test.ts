import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness, cardText } from '../support/bot-harness';

describe('Child protection inside the guided dialog', () => {
  it('a weak sign in a typed reply keeps the dialog going, with the child-protection line and numbers on top', async () => {
    const h = botHarness();
    await h.say('Was tun?');
    const replies = await h.say('Unentschuldigtes Fehlen, er hat eine Verletzung an der Hand');
    const text = cardText(replies.at(-1));
    expect(text).toContain(TEXTS.childProtectionHint);
    expect(text).toContain('Was wurde schon unternommen?');
  });

  it('a reply without any sign shows no such line', async () => {
    const h = botHarness();
    await h.say('Was tun?');
    expect(cardText((await h.say('Unentschuldigtes Fehlen')).at(-1))).not.toContain(TEXTS.childProtectionHint);
  });
});
