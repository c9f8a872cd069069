import type { Knowledge } from '../knowledge/knowledge';
import { TEXTS } from '../texts';
import { actionSet, call, notice, plain, text, type AdaptiveCard, type CardElement } from './adaptive';

export interface EmergencyPhone {
  readonly label: string;
  readonly number: string;
}

/** The emergency agencies' numbers, each number once. */
export function emergencyPhones(knowledge: Knowledge): EmergencyPhone[] {
  const phones = knowledge.agencies.filter((a) => a.emergency).flatMap((a) => a.contact.phone);
  return phones.filter((p, i) => phones.findIndex((o) => digits(o.number) === digits(p.number)) === i);
}

const digits = (number: string) => number.replace(/\D/g, '');

/**
 * The child-protection banner: the line, 110/112 for acute danger, and the emergency number as a
 * tap-to-call button – the only place the number stands on the card.
 */
export function childProtectionBanner(knowledge: Knowledge, line: string): CardElement {
  const phones = emergencyPhones(knowledge);
  return notice('attention', [
    text(`**${plain(line)}**`),
    text(plain(TEXTS.acuteDanger), { size: 'Small' }),
    ...(phones.length
      ? [text(plain(phones.map((p) => p.label).join(' · ')), { size: 'Small', weight: 'Bolder' })]
      : []),
    ...actionSet(phones.map((p) => call(TEXTS.buttons.call(p.number), p.number))),
  ]);
}

/** A card with the banner on top; the number is named once, so the card's other texts point to the button. */
export function withChildProtectionBanner(card: AdaptiveCard, knowledge: Knowledge, line: string): AdaptiveCard {
  const patterns = emergencyPhones(knowledge).map(numberPattern);
  const scrub = (value: string) => patterns.reduce((v, p) => v.replace(p, TEXTS.numberAbove), value);
  const clean = (e: CardElement): CardElement => ({
    ...e,
    ...(e.type === 'TextBlock' ? { text: scrub(String(e.text)) } : {}),
    ...(e.type === 'FactSet'
      ? { facts: (e.facts as { title: string; value: string }[]).map((f) => ({ ...f, value: scrub(f.value) })) }
      : {}),
    ...(Array.isArray(e.items) ? { items: (e.items as CardElement[]).map(clean) } : {}),
  });
  return { ...card, body: [childProtectionBanner(knowledge, line), ...card.body.map(clean)] };
}

/** "0231 50-12345", "50-12345", "(0231) 5012345": the number with or without area code and separators. */
function numberPattern(phone: EmergencyPhone): RegExp {
  const all = digits(phone.number);
  const local = all.startsWith('0231') ? all.slice(4) : all;
  const spaced = (d: string) => d.split('').join('[\\s\\-/]*');
  return new RegExp(`(?:\\[)?(?:\\(?0231\\)?[\\s\\-/]*)?${spaced(local)}(?:\\]\\([^)]*\\))?`, 'g');
}
