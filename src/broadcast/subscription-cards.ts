import {
  actionSet,
  card,
  heading,
  label,
  plain,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive';
import { TEXTS } from '../texts';
import { choices, DISTRICT_LABELS, SCHOOL_TYPE_LABELS, TOPIC_LABELS } from './labels';
import type { Subscription } from './model';

const multi = (
  id: string,
  title: string,
  options: { title: string; value: string }[],
  value: readonly string[],
  compact = false,
): CardElement[] => [
  label(title),
  {
    type: 'Input.ChoiceSet',
    id,
    isMultiSelect: true,
    style: compact ? 'compact' : 'expanded',
    choices: options,
    value: value.join(','),
  },
];

/** "Abonnieren": topics and optional filters, pre-set to what the conversation has. */
export function subscribeCard(current?: Subscription): AdaptiveCard {
  return card(
    [
      heading(TEXTS.news.subscribeTitle),
      text(TEXTS.news.subscribeIntro),
      ...multi('topics', TEXTS.news.topicsLabel, choices(TOPIC_LABELS), current?.topics ?? []),
      ...multi(
        'schoolTypes',
        TEXTS.news.schoolTypesLabel,
        choices(SCHOOL_TYPE_LABELS),
        current?.audience.schoolTypes ?? [],
        true,
      ),
      ...multi(
        'districts',
        TEXTS.news.districtsLabel,
        choices(DISTRICT_LABELS),
        current?.audience.districts ?? [],
        true,
      ),
      small(TEXTS.news.filterHint),
    ],
    [submit(TEXTS.news.save, { verb: 'subscribe' }), submit(TEXTS.news.unsubscribe, { verb: 'unsubscribe' })],
  );
}

const list = (values: readonly string[], labels: Readonly<Record<string, string>>, none: string) =>
  values.length ? values.map((v) => labels[v] ?? v).join(', ') : none;

/** "Meine Abos": what this conversation receives. */
export function mySubscriptionsCard(sub: Subscription | undefined): AdaptiveCard {
  if (!sub || sub.topics.length === 0) {
    return card(
      [heading(TEXTS.news.mineTitle), text(TEXTS.news.noneYet)],
      [submit(TEXTS.news.subscribeButton, { verb: 'subscribe-form' })],
    );
  }
  return card([
    heading(TEXTS.news.mineTitle),
    {
      type: 'FactSet',
      facts: [
        { title: TEXTS.news.topicsLabel, value: plain(list(sub.topics, TOPIC_LABELS, '–')) },
        {
          title: TEXTS.news.schoolTypesLabel,
          value: plain(list(sub.audience.schoolTypes, SCHOOL_TYPE_LABELS, TEXTS.news.all)),
        },
        {
          title: TEXTS.news.districtsLabel,
          value: plain(list(sub.audience.districts, DISTRICT_LABELS, TEXTS.news.all)),
        },
      ],
    },
    ...actionSet([
      submit(TEXTS.news.change, { verb: 'subscribe-form' }),
      submit(TEXTS.news.unsubscribe, { verb: 'unsubscribe' }),
    ]),
  ]);
}
