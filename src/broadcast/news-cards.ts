import {
  card,
  heading,
  label,
  notice,
  openUrl,
  plain,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive';
import { T } from '../texts';
import { choices, DISTRICT_LABELS, SCHOOL_TYPE_LABELS, TOPIC_LABELS } from './labels';
import type { Broadcast, DeliveryReport, NewsItem, NewsTopic } from './model';

/** What subscribers see: the news, a link, and one-click "Abbestellen". */
export function newsCard(news: NewsItem, version = 1): AdaptiveCard {
  return card(
    [
      small(`${T.news.from} · ${TOPIC_LABELS[news.topic]}`),
      heading(news.title),
      text(plain(news.text)),
      ...(version > 1 ? [small(T.news.corrected)] : []),
    ],
    [...(news.link ? [openUrl(T.news.more, news.link)] : []), submit(T.news.unsubscribe, { verb: 'unsubscribe' })],
  );
}

/** Notification preview text (instead of Teams' "Sent a card"). */
export const newsSummary = (news: NewsItem) => `${T.news.previewPrefix}: ${news.title}`.slice(0, 120);

const input = (
  id: string,
  title: string,
  value: string | undefined,
  extra: Record<string, unknown> = {},
): CardElement[] => [label(title), { type: 'Input.Text', id, value: value ?? '', ...extra }];

/** The coordinator's form; `draft` pre-fills it (editing or correcting). */
export function composeCard(
  topics: readonly NewsTopic[],
  draft?: Partial<NewsItem>,
  correcting?: string,
): AdaptiveCard {
  const multi = (
    id: string,
    title: string,
    labels: Readonly<Record<string, string>>,
    value: readonly string[] = [],
  ) => [
    label(title),
    {
      type: 'Input.ChoiceSet',
      id,
      isMultiSelect: true,
      style: 'compact',
      choices: choices(labels),
      value: value.join(','),
    },
  ];
  return card(
    [
      heading(correcting ? T.news.correctTitle : T.news.composeTitle),
      ...input('title', T.news.titleLabel, draft?.title, {
        maxLength: 120,
        isRequired: true,
        errorMessage: T.news.titleMissing,
      }),
      ...input('text', T.news.textLabel, draft?.text, {
        isMultiline: true,
        maxLength: 2000,
        isRequired: true,
        errorMessage: T.news.textMissing,
      }),
      ...input('link', T.news.linkLabel, draft?.link, { style: 'Url', placeholder: 'https://…' }),
      label(T.news.topicLabel),
      {
        type: 'Input.ChoiceSet',
        id: 'topic',
        style: 'expanded',
        choices: topics.map((t) => ({ title: TOPIC_LABELS[t], value: t })),
        value: draft?.topic ?? topics[0],
      },
      ...multi('schoolTypes', T.news.schoolTypesLabel, SCHOOL_TYPE_LABELS, draft?.audience?.schoolTypes),
      ...multi('districts', T.news.districtsLabel, DISTRICT_LABELS, draft?.audience?.districts),
    ],
    [submit(T.news.preview, { verb: 'broadcast', action: 'preview', ...(correcting ? { correcting } : {}) })],
  );
}

/** Preview before sending: the news as recipients will see it, and how many will get it. */
export function previewCard(news: NewsItem, recipients: number, correcting?: string): AdaptiveCard {
  return card(
    [
      heading(correcting ? T.news.previewCorrectTitle : T.news.previewTitle),
      text(T.news.recipients(recipients), { weight: 'Bolder' }),
      { type: 'Container', style: 'emphasis', items: newsCard(news).body },
      small(T.news.previewButtons(!!news.link)),
    ],
    [
      submit(correcting ? T.news.sendCorrection : T.news.sendNow, { verb: 'broadcast', action: 'send' }),
      submit(T.news.edit, { verb: 'broadcast', action: 'edit' }),
      submit(T.news.discard, { verb: 'broadcast', action: 'discard' }),
    ],
  );
}

/** The coordinator's confirmation card, updated with progress and the final report. */
export function progressCard(broadcast: Broadcast, report: DeliveryReport, recall?: DeliveryReport): AdaptiveCard {
  const done = report.pending === 0;
  const reasons = Object.entries(report.reasons).map(([r, n]) => `${r}: ${n}`);
  const facts = [
    { title: T.news.factRecipients, value: String(report.total) },
    { title: T.news.factSent, value: String(report.sent) },
    { title: T.news.factPending, value: String(report.pending) },
    { title: T.news.factFailed, value: String(report.failed) },
    { title: T.news.factRemoved, value: String(report.removed) },
  ];
  const status =
    broadcast.status === 'recalled'
      ? T.news.statusRecalled(recall?.sent ?? 0, recall?.pending ?? 0)
      : done
        ? T.news.statusDone
        : T.news.statusSending;
  return card(
    [
      small(status),
      heading(broadcast.news.title),
      { type: 'FactSet', facts },
      ...(reasons.length
        ? [notice('warning', [text(`${T.news.reasons}: ${plain(reasons.join('; '))}`, { size: 'Small' })])]
        : []),
      ...(broadcast.version > 1 ? [small(T.news.versionNote(broadcast.version))] : []),
    ],
    broadcast.status === 'recalled'
      ? []
      : [
          submit(T.news.correct, { verb: 'broadcast', action: 'correct', id: broadcast.id }),
          submit(T.news.recall, { verb: 'broadcast', action: 'recall', id: broadcast.id }),
        ],
  );
}

export function recallConfirmCard(broadcast: Broadcast): AdaptiveCard {
  return card(
    [heading(T.news.recallQuestion), text(plain(broadcast.news.title))],
    [
      submit(T.news.recallConfirm, { verb: 'broadcast', action: 'recall-confirm', id: broadcast.id }),
      submit(T.news.keep, { verb: 'broadcast', action: 'discard' }),
    ],
  );
}
