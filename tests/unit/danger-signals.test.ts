import { describe, expect, it } from 'vitest';
import { realCore } from '../support/bot-harness';

describe('danger to a child (child protection first)', () => {
  const { engine } = realCore();

  it.each([
    'Ein Kind traut sich nicht nach Hause.',
    'Lina kommt seit Tagen in denselben schmutzigen Sachen und hat nie Frühstück dabei.',
    'Er kommt ohne Frühstück und ungewaschen in die Schule.',
    'Sie hat Angst vor dem neuen Freund ihrer Mutter.',
    'Der Vater schlägt ihn, er hat blaue Flecken.',
    'Sie sagt, sie will nicht mehr leben.',
  ])('sees danger in "%s"', (text) => {
    expect(engine.signalsDanger(text)).toBe(true);
  });

  it.each([
    'Es gibt keine Gewalt, er fehlt nur oft.',
    'Ohne akute Gefahr: wann schalte ich das Jugendamt ein?',
    'Schüler hat Angst, das Haus zu verlassen.',
    'Kind hat Angst vor der Schule und will morgens nicht aus dem Haus.',
    'Er geht nach der Schule nach Hause und frühstückt nie.',
    'Wann ist die Verletzung der Schulpflicht ein Fall für das Bußgeld?',
  ])('sees no danger in "%s"', (text) => {
    expect(engine.signalsDanger(text)).toBe(false);
  });
});
