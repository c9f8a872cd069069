import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness, buttonData, cardTitle } from '../support/bot-harness';

describe('Privacy', () => {
  it('"Meine Daten löschen" asks first, then deletes the user\'s data everywhere', async () => {
    const h = botHarness();
    await h.say('Wie läuft die Anhörung?');
    const confirm = await h.say('Meine Daten löschen');
    expect(cardTitle(confirm[0])).toBe(TEXTS.privacy.title);
    expect((await h.say({ type: 'message', value: buttonData(confirm, TEXTS.privacy.confirm) }))[0]?.text).toBe(
      TEXTS.privacy.done,
    );
    expect(h.forgotten).toEqual([{ userId: 'user-1' }]);
    expect((await h.say('Nächster Schritt'))[0]?.text).toBe(TEXTS.noFollowUp);
  });

  it("uninstalling removes the conversation's data", async () => {
    const h = botHarness();
    await h.say({ type: 'installationUpdate', action: 'remove', recipient: { id: 'bot', name: 'Bot' } });
    expect(h.forgotten).toEqual([{ conversationId: 'conv-1' }]);
  });

  it('no log line carries what the user typed', async () => {
    const lines: string[] = [];
    const { logger } = await import('../../src/shared/logger');
    const original = { info: logger.info, warn: logger.warn, error: logger.error };
    const spy = (obj: unknown, msg?: string) => void lines.push(JSON.stringify(obj) + (msg ?? ''));
    Object.assign(logger, { info: spy, warn: spy, error: spy });
    try {
      const h = botHarness();
      for (const text of [
        'Max Mustermann fehlt seit Montag',
        'Kontakt Jugendamt für Lisa Müller',
        'Was tun?',
        'Lea Schmidt, Gymnasium, 15 Jahre',
      ])
        await h.say(text);
    } finally {
      Object.assign(logger, original);
    }
    expect(lines.length).toBeGreaterThan(3);
    for (const name of ['Mustermann', 'Lisa', 'Müller', 'Lea', 'Schmidt']) expect(lines.join('\n')).not.toContain(name);
  });
});
