import type { AdaptiveCard, CardAction, CardElement } from './adaptive';

/** What the user reads without opening anything: texts, facts and button titles outside hidden parts. */
export function firstScreenText(card: AdaptiveCard): string {
  const parts: string[] = [];
  const walk = (elements: readonly CardElement[]) => {
    for (const e of elements) {
      if (e.isVisible === false) continue;
      if (e.type === 'TextBlock') parts.push(readable(String(e.text)));
      if (e.type === 'FactSet')
        for (const f of e.facts as { title: string; value: string }[]) parts.push(readable(`${f.title} ${f.value}`));
      if (e.type === 'ActionSet') parts.push(...(e.actions as CardAction[]).map((a) => String(a.title)));
      if (Array.isArray(e.items)) walk(e.items as CardElement[]);
    }
  };
  walk(card.body);
  parts.push(...(card.actions ?? []).map((a) => String(a.title)));
  return parts.join('\n');
}

/** Markdown as it shows: link text without the address, no emphasis marks or escapes. */
const readable = (markdown: string) =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1');

/** Every action on the card, in the body's action sets (hidden parts too) and at the bottom. */
export function allActions(card: AdaptiveCard): CardAction[] {
  const found: CardAction[] = [];
  const walk = (elements: readonly CardElement[]) => {
    for (const e of elements) {
      if (e.type === 'ActionSet') found.push(...(e.actions as CardAction[]));
      if (Array.isArray(e.items)) walk(e.items as CardElement[]);
    }
  };
  walk(card.body);
  return [...found, ...(card.actions ?? [])];
}
