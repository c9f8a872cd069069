import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness, buttonData, cardText, cardTitle, type CardReply } from '../support/bot-harness';

const title = (r: CardReply[]) => cardTitle(r[0]);
const text = (r: CardReply[]) => cardText(r[0]);

describe('The agency directory', () => {
  it.each([
    ['Kontakt Jugendamt', /Jugendamt/, /tel:\+49231/],
    ['Telefon KUBDO', /KUBDO/, /tel:\+492315010017/],
    ['telefonnummer kubdo', /KUBDO/, /tel:\+492315010017/],
    ['Kontakt JA', /Jugendamt/, /50-12345/],
    ['Kontakt Jgendamt', /Jugendamt/, /Kontakt/],
    ['Adresse KJP', /Kinder- und Jugendpsychiatrie/, /Marsbruchstr/],
    ['Wer ist zuständig für Zwangszuführung?', /Ordnungsamt/, /Zwangszuführung/],
  ])('"%s" shows the contact card', async (question, heading, detail) => {
    const replies = await botHarness().say(question);
    expect(title(replies)).toMatch(heading);
    expect(text(replies)).toMatch(detail);
  });

  it('says when contact data is unknown and names who can help instead', async () => {
    const replies = await botHarness().say('Kontakt Rechtsamt');
    expect(text(replies)).toContain(TEXTS.labels.contactUnknown);
    expect(text(replies)).toMatch(/Nachfragen bei: .*Schulamt/);
  });

  it('lists the categories and browses one by clicking', async () => {
    const { say } = botHarness();
    const list = await say('Liste aller Stellen');
    expect(title(list)).toBe(TEXTS.directory.title);
    for (const category of [
      'Schule & Schulaufsicht',
      'Jugendhilfe & Kinderschutz',
      'Beratung & Gesundheit',
      'Ordnung & Justiz',
      'Übergang & Beruf',
    ]) {
      expect(text(list)).toContain(category);
    }
    const browse = await say({ type: 'message', value: buttonData(list, /^Jugendhilfe & Kinderschutz/) });
    expect(title(browse)).toBe('Jugendhilfe & Kinderschutz');
    expect(text(browse)).toMatch(/Jugendamt/);
    const card = await say({ type: 'message', value: buttonData(browse, /^Jugendamt/) });
    expect(title(card)).toMatch(/Jugendamt/);
  });

  it('falls back to the overview when nothing matches', async () => {
    const replies = await botHarness().say('Kontakt Wetterdienst Timbuktu');
    expect(text(replies)).toContain(TEXTS.directory.notFound);
  });

  it('refuses a forged category', async () => {
    const replies = await botHarness().say({ type: 'message', value: { verb: 'directory', category: 'geheim' } });
    expect(replies[0]?.text).toBe(TEXTS.staleAction);
  });
});
