import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { useEffect, useRef } from 'react';

const markdown = new MarkdownIt({ linkify: true });
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

/** What a card button asks the page to do (the chat's payloads, src/cards/actions.ts). */
export type CardAsk =
  | { verb: 'show'; ref: string }
  | { verb: 'followup'; what: string; ref: string }
  | { verb: 'ask'; q: string }
  | { verb: 'guide' };

/** An entry's card exactly as the chat shows it, rendered by Microsoft's Adaptive Cards library. */
export function CardView({ card, onAsk }: { card: object; onAsk: (ask: CardAsk) => void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif' });
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AC.OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
      if (action instanceof AC.SubmitAction) {
        const data = action.data as { verb?: string } | undefined;
        if (data?.verb === 'show' || data?.verb === 'followup' || data?.verb === 'ask' || data?.verb === 'guide')
          onAsk(data as CardAsk);
      }
    };
    adaptive.parse(card);
    const rendered = adaptive.render();
    // The renderer marks heading TextBlocks role="heading" without a level; under the page's h2 they are h3.
    rendered?.querySelectorAll('[role="heading"]:not([aria-level])').forEach((h) => h.setAttribute('aria-level', '3'));
    host.current?.replaceChildren(...(rendered ? [rendered] : []));
  }, [card, onAsk]);
  return <div ref={host} className="detail" />;
}
