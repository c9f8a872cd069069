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
