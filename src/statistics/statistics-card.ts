import { card, heading, label, small, text, type AdaptiveCard, type CardElement } from '../cards/adaptive';
import type { Knowledge } from '../knowledge/knowledge';
import { TEXTS } from '../texts';
import { shown, type WeekRow } from './report';

const ROUTES = ['answer', 'clarify', 'unsure', 'out-of-scope', 'guide', 'child-protection'] as const;

const sumOf = (rows: readonly WeekRow[], week: string, metric: string, key?: (k: string) => boolean) =>
  rows.filter((r) => r.week === week && r.metric === metric && (!key || key(r.key))).reduce((s, r) => s + r.n, 0);

/** ↑, ↓ or → from the week before to the last week (only when both are shown as numbers). */
const trend = (before: number, last: number) =>
  before < 5 || last < 5 ? '' : last > before ? ' ↑' : last < before ? ' ↓' : ' →';

function table(weeks: readonly string[], lines: readonly FigureLine[]): CardElement {
  const cell = (value: string, bold = false) => ({
    type: 'TableCell',
    items: [text(value, bold ? { weight: 'Bolder' } : {})],
  });
  return {
    type: 'Table',
    firstRowAsHeaders: true,
    showGridLines: false,
    columns: [{ width: 3 }, ...weeks.map(() => ({ width: 1 }))],
    rows: [
      { type: 'TableRow', cells: [cell(TEXTS.statistics.week, true), ...weeks.map((w) => cell(w.slice(5), true))] },
      ...lines.map(([name, value]) => {
        const values = weeks.map(value);
        const last = values.length - 1;
        return {
          type: 'TableRow',
          cells: [
            cell(name),
            ...values.map((v, i) => cell(`${shown(v)}${i === last && last > 0 ? trend(values[last - 1]!, v) : ''}`)),
          ],
        };
      }),
    ],
  };
}

/** One line of a figures table: a name and its sum per week. */
export type FigureLine = readonly [name: string, value: (week: string) => number];

/** The figures the network looks at, in two tables and the most used entries – shared by the card and the tab. */
export function figureTables(rows: readonly WeekRow[]) {
  const routes = ROUTES.map(
    (r): FigureLine => [TEXTS.statistics.routes[r], (w) => sumOf(rows, w, 'question', (k) => k === r)],
  );
  const guide: FigureLine[] = [
    [TEXTS.statistics.guideStarts, (w) => sumOf(rows, w, 'guide', (k) => k === 'start')],
    [TEXTS.statistics.guideOutcomes, (w) => sumOf(rows, w, 'guide', (k) => k.startsWith('outcome:'))],
    [TEXTS.statistics.guideAbandoned, (w) => sumOf(rows, w, 'guide', (k) => k.startsWith('abandon:'))],
    [TEXTS.statistics.childProtection, (w) => sumOf(rows, w, 'child-protection')],
    [TEXTS.statistics.liked, (w) => sumOf(rows, w, 'feedback', (k) => k.includes('|like|'))],
    [TEXTS.statistics.disliked, (w) => sumOf(rows, w, 'feedback', (k) => k.includes('|dislike|'))],
    [TEXTS.statistics.forwarded, (w) => sumOf(rows, w, 'forwarded', (k) => k.endsWith('|open'))],
    [TEXTS.statistics.forwardedAnswered, (w) => sumOf(rows, w, 'forwarded', (k) => k.endsWith('|answered'))],
    [TEXTS.statistics.subscriptions, (w) => sumOf(rows, w, 'subscription', (k) => k.startsWith('topic:'))],
    [TEXTS.statistics.newsDelivered, (w) => sumOf(rows, w, 'news', (k) => k === 'send|sent')],
    [TEXTS.statistics.newsAcknowledged, (w) => sumOf(rows, w, 'news', (k) => k === 'ack')],
    [TEXTS.statistics.newsFailed, (w) => sumOf(rows, w, 'news', (k) => k === 'send|failed' || k === 'send|removed')],
  ];
  const entries = new Map<string, number>();
  for (const r of rows) if (r.metric === 'entry') entries.set(r.key, (entries.get(r.key) ?? 0) + r.n);
  const top = [...entries].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return { routes, guide, top };
}

/** The coordinators' figures of the last weeks: questions by route, guide, feedback, most used entries. */
export function statisticsCard(rows: readonly WeekRow[], weeks: readonly string[], knowledge: Knowledge): AdaptiveCard {
  const { routes, guide, top } = figureTables(rows);
  return card([
    heading(TEXTS.statistics.title),
    small(TEXTS.statistics.privacy),
    label(TEXTS.statistics.questions),
    table(weeks, routes),
    label(TEXTS.statistics.guideAndFeedback),
    table(weeks, guide),
    label(TEXTS.statistics.topEntries),
    top.length
      ? text(top.map(([ref, n]) => `- ${knowledge.byRef(ref)?.title ?? ref}: ${shown(n)}`).join('\n'))
      : text(TEXTS.statistics.none),
  ]);
}
