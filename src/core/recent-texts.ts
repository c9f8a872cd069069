import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Option, QuestionNode } from '../dialog/flow-schema';
import type { Core } from './bootstrap';

/** Distinct texts remembered. Questions repeat across teachers; each result is a pure function of the text. */
export const RECENT_TEXTS = 2_000;

/**
 * The bot's engines, with results for recently seen texts remembered in memory (lost on restart).
 * Keys are SHA-256 hashes, so the cache never holds what somebody typed (only the latest text is kept
 * by reference, until the next one, to hash it once per turn).
 */
export function rememberRecentTexts(core: Core, max = RECENT_TEXTS): Core {
  const { engine, reader } = core;
  const extract = remembered((text) => Object.freeze(reader.extract(text)), max);
  // A reply to an open question: remembered per question and fuzziness (a miss too).
  const matches = new Map<string, (text: string) => { option?: Option }>();
  const match = (question: QuestionNode, text: string, allowFuzzy = true): Option | undefined => {
    const id = `${question.id}\n${allowFuzzy}`;
    let byText = matches.get(id);
    if (!byText)
      matches.set(id, (byText = remembered((t) => ({ option: reader.match(question, t, allowFuzzy) }), max)));
    return byText(text).option;
  };
  return {
    ...core,
    engine: {
      index: engine.index,
      ask: remembered(engine.ask, max),
      safety: remembered(engine.safety, max),
    },
    // Callers may add to a prefill: each gets its own copy.
    // A reading (already split and stemmed) is not remembered: it is the caller's own, for one text.
    reader: {
      ...reader,
      extract: (text) => (typeof text === 'string' ? { ...extract(text) } : reader.extract(text)),
      match,
    },
  };
}

/** One turn looks up the same text several times: its hash is computed once. */
let lastText: string | undefined;
let lastKey = '';
function keyOf(text: string): string {
  if (text !== lastText) {
    lastKey = createHash('sha256').update(text).digest('base64');
    lastText = text;
  }
  return lastKey;
}

function remembered<T extends NonNullable<unknown>>(compute: (text: string) => T, max: number) {
  const cache = new LRUCache<string, T>({ max });
  return (text: string): T => {
    const key = keyOf(text);
    let result = cache.get(key);
    if (result === undefined) {
      result = compute(text);
      cache.set(key, result);
    }
    return result;
  };
}
