import {
  card,
  heading,
  label,
  openUrl,
  plain,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive';
import { TEXTS } from '../texts';
import { berlinInputs, berlinLabel } from './berlin-time';
import { choices, DISTRICT_LABELS, SCHOOL_TYPE_LABELS, TOPIC_LABELS } from './labels';
import type { Broadcast, NewsItem, NewsTopic } from './model';

/** What subscribers see: the news, a link, and one-click "Abbestellen". */
export function newsCard(news: NewsItem, version = 1, broadcastId?: string): AdaptiveCard {
  return card(
    [
      small(`${TEXTS.news.from} · ${TOPIC_LABELS[news.topic]}`),
      heading(news.title),
      text(plain(news.text)),
      ...(version > 1 ? [small(TEXTS.news.corrected)] : []),
    ],
    [
      ...(news.link ? [openUrl(TEXTS.news.more, news.link)] : []),
      ...(news.acknowledge && broadcastId
        ? [submit(TEXTS.news.acknowledge, { verb: 'news-ack', id: broadcastId })]
        : []),
      submit(TEXTS.news.unsubscribe, { verb: 'unsubscribe' }),
    ],
  );
}

/** Notification preview text (instead of Teams' "Sent a card"). */
export const newsSummary = (news: NewsItem) => `${TEXTS.news.previewPrefix}: ${news.title}`.slice(0, 120);

const input = (
  id: string,
  title: string,
  value: string | undefined,
  extra: Record<string, unknown> = {},
): CardElement[] => [label(title), { type: 'Input.Text', id, value: value ?? '', ...extra }];

/** What the date and time fields show: a stored time (Dortmund's clock) or what was typed. */
export type ScheduleFields = { readonly date?: string; readonly time?: string };
export const scheduleFieldsOf = (sendAt?: number): ScheduleFields | undefined =>
  sendAt === undefined ? undefined : berlinInputs(sendAt);

/** Date and time inputs on Dortmund's clock (compose form, "Zeitpunkt ändern"). */
export function scheduleInputs(value?: ScheduleFields): CardElement[] {
  return [
    label(TEXTS.news.sendDateLabel),
    { type: 'Input.Date', id: 'sendDate', value: value?.date ?? '' },
    { type: 'Input.Time', id: 'sendTime', value: value?.time ?? '', label: TEXTS.news.sendTimeLabel },
  ];
}

/** The coordinator's form; `draft` pre-fills it (editing or correcting). A correction has no time fields. */
export function composeCard(
  topics: readonly NewsTopic[],
  draft?: Partial<NewsItem>,
  correcting?: string,
  when?: ScheduleFields,
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
      heading(correcting ? TEXTS.news.correctTitle : TEXTS.news.composeTitle),
      ...input('title', TEXTS.news.titleLabel, draft?.title, {
        maxLength: 120,
        isRequired: true,
        errorMessage: TEXTS.news.titleMissing,
      }),
      ...input('text', TEXTS.news.textLabel, draft?.text, {
        isMultiline: true,
        maxLength: 2000,
        isRequired: true,
        errorMessage: TEXTS.news.textMissing,
      }),
      ...input('link', TEXTS.news.linkLabel, draft?.link, { style: 'Url', placeholder: 'https://…' }),
      label(TEXTS.news.topicLabel),
      {
        type: 'Input.ChoiceSet',
        id: 'topic',
        style: 'expanded',
        choices: topics.map((t) => ({ title: TOPIC_LABELS[t], value: t })),
        value: draft?.topic ?? topics[0],
      },
      ...multi('schoolTypes', TEXTS.news.schoolTypesLabel, SCHOOL_TYPE_LABELS, draft?.audience?.schoolTypes),
      ...multi('districts', TEXTS.news.districtsLabel, DISTRICT_LABELS, draft?.audience?.districts),
      {
        type: 'Input.Toggle',
        id: 'acknowledge',
        title: TEXTS.news.askAcknowledge,
        value: draft?.acknowledge ? 'true' : 'false',
        valueOn: 'true',
        valueOff: 'false',
      },
      ...(correcting ? [] : scheduleInputs(when)),
    ],
    [submit(TEXTS.news.preview, { verb: 'broadcast', action: 'preview', ...(correcting ? { correcting } : {}) })],
  );
}

/** Preview before sending: the news as recipients will see it, how many will get it, when, and whether it needs approval. */
export function previewCard(
  news: NewsItem,
  recipients: number,
  correcting?: string,
  plan: { sendAt?: number; approval?: boolean } = {},
): AdaptiveCard {
  const sendLabel = correcting
    ? TEXTS.news.sendCorrection
    : plan.approval
      ? TEXTS.news.submitForApproval
      : plan.sendAt !== undefined
        ? TEXTS.news.schedule
        : TEXTS.news.sendNow;
  return card(
    [
      heading(correcting ? TEXTS.news.previewCorrectTitle : TEXTS.news.previewTitle),
      text(TEXTS.news.recipients(recipients), { weight: 'Bolder' }),
      ...(plan.sendAt !== undefined
        ? [text(TEXTS.news.scheduledFor(berlinLabel(plan.sendAt)), { weight: 'Bolder' })]
        : []),
      ...(plan.approval && !correcting ? [small(TEXTS.news.approvalNote)] : []),
      { type: 'Container', style: 'emphasis', items: newsCard(news).body },
      small(TEXTS.news.previewButtons(!!news.link)),
    ],
    [
      submit(sendLabel, { verb: 'broadcast', action: 'send' }),
      submit(TEXTS.news.edit, { verb: 'broadcast', action: 'edit' }),
      submit(TEXTS.news.discard, { verb: 'broadcast', action: 'discard' }),
    ],
  );
}

export function recallConfirmCard(broadcast: Broadcast): AdaptiveCard {
  return card(
    [heading(TEXTS.news.recallQuestion), text(plain(broadcast.news.title))],
    [
      submit(TEXTS.news.recallConfirm, { verb: 'broadcast', action: 'recall-confirm', id: broadcast.id }),
      submit(TEXTS.news.keep, { verb: 'broadcast', action: 'discard' }),
    ],
  );
}
