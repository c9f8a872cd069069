import type { AdaptiveCard } from '../cards/adaptive';
import { entryCard } from '../cards/entry-card';
import type { Knowledge } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import type { AnswerEngine } from '../search/engine';
import type { UsageCounter } from '../search/usage';

/** Teams rejects message-extension result cards above 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;
const MAX_RESULTS = 8;
const MIN_SCORE = 0.2;

export interface SearchResult {
  readonly ref: string;
  readonly title: string;
  readonly preview: string;
  readonly card: AdaptiveCard;
}

/** Cards inserted into a chat: no Action.Submit (they would go to whoever posted them). */
export function shareable(card: AdaptiveCard): AdaptiveCard {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node))
      return node
        .filter((n) => !(n && typeof n === 'object' && (n as { type?: string }).type === 'Action.Submit'))
        .map(strip)
        .filter(
          (n) =>
            !(
              n &&
              typeof n === 'object' &&
              (n as { type?: string; actions?: unknown[] }).type === 'ActionSet' &&
              (n as { actions: unknown[] }).actions.length === 0
            ),
        );
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strip(v)]));
    return node;
  };
  return strip(card) as AdaptiveCard;
}

const bytes = (card: AdaptiveCard) => Buffer.byteLength(JSON.stringify(card), 'utf8');

function resultFor(entry: Entry, knowledge: Knowledge): SearchResult {
  let card = shareable(entryCard(entry, knowledge));
  if (bytes(card) > MAX_CARD_BYTES) card = shareable(entryCard({ ...entry, details: [] }, knowledge));
  return { ref: `${entry.kind}:${entry.id}`, title: entry.title, preview: entry.summary.slice(0, 160), card };
}

/** Compose-box search: matching steps, agencies, forms …; an empty query shows the most used. */
export function searchResults(
  query: string,
  engine: AnswerEngine,
  knowledge: Knowledge,
  usage: UsageCounter,
): SearchResult[] {
  const q = query.trim();
  const answer = q ? engine.ask(q) : undefined;
  const entries = answer
    ? withChildProtectionHint(
        answer.candidates.filter((c) => c.score >= MIN_SCORE).map((c) => c.entry),
        answer.safety === 'weak' ? knowledge.byRef(`step:${CHILD_PROTECTION_STEP}`) : undefined,
      )
    : usage
        .top(MAX_RESULTS)
        .map((ref) => knowledge.byRef(ref))
        .filter((e): e is Entry => !!e);
  return entries.slice(0, MAX_RESULTS).map((e) => resultFor(e, knowledge));
}

/** A weak sign of danger: the child-protection step is offered second (a clear sign already leads with it). */
function withChildProtectionHint(entries: Entry[], childProtection: Entry | undefined): Entry[] {
  if (!childProtection || entries.includes(childProtection)) return entries;
  return [...entries.slice(0, 1), childProtection, ...entries.slice(1)];
}
