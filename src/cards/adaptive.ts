import type { CardPayload } from './actions';
/** Minimal Adaptive Card 1.5 building blocks (Teams renders up to 1.5). */
export type CardElement = Record<string, unknown>;
export type CardAction = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardAction[];
  readonly msteams?: { width: 'Full' };
}

export const card = (body: CardElement[], actions: CardAction[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
  msteams: { width: 'Full' },
});

/** Card text is markdown in Teams: neutralise characters that could change the layout. */
export const plain = (s: string): string => s.replace(/([\\`*_[\]<>#{}$])/g, '\\$1');

export const text = (value: string, opts: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...opts,
});

export const heading = (value: string): CardElement =>
  text(plain(value), { size: 'Large', weight: 'Bolder', style: 'heading' });
export const label = (value: string): CardElement => text(value, { weight: 'Bolder', spacing: 'Medium' });
export const small = (value: string): CardElement => text(value, { size: 'Small', isSubtle: true, spacing: 'Medium' });
export const bulletList = (items: readonly string[]): CardElement => text(items.map((i) => `- ${plain(i)}`).join('\n'));

export const section = (title: string, items: readonly string[]): CardElement[] =>
  items.length ? [label(title), bulletList(items)] : [];

export const notice = (style: 'attention' | 'warning' | 'accent', items: CardElement[]): CardElement => ({
  type: 'Container',
  style,
  bleed: false,
  items,
});

export const submit = (title: string, data: CardPayload): CardAction => ({
  type: 'Action.Submit',
  title,
  data,
});
export const openUrl = (title: string, url: string): CardAction => ({ type: 'Action.OpenUrl', title, url });
export const actionSet = (actions: CardAction[]): CardElement[] =>
  actions.length ? [{ type: 'ActionSet', actions }] : [];

/** Teams shows at most six actions on a card (store rule). */
export const MAX_CARD_ACTIONS = 6;

/** A part of the card that stays closed until the user opens it ("Mehr anzeigen"). */
export const hiddenPart = (id: string, items: CardElement[]): CardElement => ({
  type: 'Container',
  id,
  isVisible: false,
  items,
});

/** Opens and closes a hidden part (Adaptive Cards 1.5 `Action.ToggleVisibility`). */
export const toggle = (title: string, id: string): CardAction => ({
  type: 'Action.ToggleVisibility',
  title,
  targetElements: [id],
});

/** A tap-to-call action: `tel:` with the digits of a German number in international form. */
export const call = (title: string, number: string): CardAction => openUrl(title, telHref(number));

export const telHref = (number: string): string => {
  const digits = number.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') && !digits.startsWith('00') ? `+49${digits.slice(1)}` : digits}`;
};
