import { expect } from 'vitest';
import { cardText, cardTitle, type CardReply } from './bot-harness';

/** The conversation tests' matchers, in one place: each checks the bot's replies to one turn. */
export type Check = (replies: CardReply[]) => void;

/** The first card's title matches. */
export const titleMatches =
  (re: RegExp): Check =>
  (r) =>
    expect(cardTitle(r[0])).toMatch(re);
/** The first card's text matches. */
export const textMatches =
  (re: RegExp): Check =>
  (r) =>
    expect(cardText(r[0])).toMatch(re);
/** Exactly one plain-text reply, this one. */
export const saysExactly =
  (text: string): Check =>
  (r) =>
    expect(r.map((x) => x.text)).toEqual([text]);
/** The first reply is this plain text. */
export const says =
  (text: string): Check =>
  (r) =>
    expect(r[0]?.text).toBe(text);
/** The last card asks this question (the guided dialog). */
export const asks =
  (question: string): Check =>
  (r) =>
    expect(cardTitle(r.at(-1))).toBe(question);
/** The last card's headline matches, and its text holds each of `texts`. */
export const reaches =
  (headline: RegExp, ...texts: RegExp[]): Check =>
  (r) => {
    expect(cardTitle(r.at(-1))).toMatch(headline);
    for (const t of texts) expect(cardText(r.at(-1))).toMatch(t);
  };
/** Some card of the replies shows this. */
export const shows =
  (re: RegExp): Check =>
  (r) =>
    expect(r.map(cardText).join('\n')).toMatch(re);
/** All checks hold. */
export const all =
  (...checks: Check[]): Check =>
  (r) =>
    checks.forEach((check) => check(r));
