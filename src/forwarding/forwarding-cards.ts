import {
  card,
  heading,
  notice,
  plain,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive';
import { TEXTS } from '../texts';
import type { ForwardedQuestion, QuestionState, QuestionTopic } from './model';

const T = TEXTS.forwarding;
const facts = (items: readonly [string, string][]): CardElement => ({
  type: 'FactSet',
  facts: items.map(([title, value]) => ({ title, value: plain(value) })),
});

/** The teacher's form: the question (editable), the school type if wanted, "Antwort an mich". */
export function forwardForm(
  schoolTypes: readonly { value: string; title: string }[],
  values: { text?: string; schoolType?: string; replyToMe?: boolean } = {},
  problem?: string,
): AdaptiveCard {
  return card(
    [
      heading(T.title),
      ...(problem ? [notice('warning', [text(problem, { weight: 'Bolder' })])] : []),
      notice('attention', [text(T.noNames, { wrap: true })]),
      {
        type: 'Input.Text',
        id: 'text',
        label: T.questionLabel,
        isMultiline: true,
        maxLength: 1500,
        isRequired: true,
        errorMessage: T.questionMissing,
        value: values.text ?? '',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'schoolType',
        label: T.schoolTypeLabel,
        placeholder: T.schoolTypeNone,
        choices: schoolTypes.map((s) => ({ title: s.title, value: s.value })),
        value: values.schoolType ?? '',
      },
      {
        type: 'Input.Toggle',
        id: 'replyToMe',
        title: T.replyToMe,
        valueOn: 'true',
        valueOff: 'false',
        value: values.replyToMe ? 'true' : 'false',
      },
      small(T.replyToMeNote),
    ],
    [submit(T.next, { verb: 'forward', action: 'preview' })],
  );
}

/** Exactly what will be sent, before anything is: the teacher confirms, edits or cancels. */
export function previewCard(p: {
  text: string;
  topic: QuestionTopic;
  schoolType?: { value: string; title: string };
  replyToMe: boolean;
  name: string;
}): AdaptiveCard {
  return card(
    [
      heading(T.previewTitle),
      text(T.previewIntro),
      notice('accent', [text(plain(p.text))]),
      facts([
        [T.topic, T.topics[p.topic]],
        ...(p.schoolType ? [[T.schoolType, p.schoolType.title] as [string, string]] : []),
        [T.sender, p.replyToMe ? p.name : T.anonymous],
      ]),
      notice('attention', [text(T.noNames)]),
    ],
    [
      submit(T.send, {
        verb: 'forward',
        action: 'send',
        text: p.text,
        replyToMe: p.replyToMe,
        ...(p.schoolType ? { schoolType: p.schoolType.value } : {}),
      }),
      submit(T.edit, {
        verb: 'forward',
        action: 'edit',
        text: p.text,
        schoolType: p.schoolType?.value ?? '',
        replyToMe: p.replyToMe,
      }),
      submit(T.cancel, { verb: 'forward', action: 'cancel' }),
    ],
  );
}

const stateLabel = (state: QuestionState) => T.states[state];

/** The coordination's card in the team channel; it is updated for everyone when the state changes. */
export function coordinationCard(q: ForwardedQuestion, schoolTypeTitle?: string): AdaptiveCard {
  const body: CardElement[] = [
    heading(T.channelTitle),
    notice('accent', [text(plain(q.text))]),
    facts([
      [T.state, stateLabel(q.state)],
      [T.topic, T.topics[q.topic]],
      ...(schoolTypeTitle ? [[T.schoolType, schoolTypeTitle] as [string, string]] : []),
      [T.sender, q.replyTo ? q.replyTo.name : T.anonymousChannel],
      [T.received, new Date(q.createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })],
    ]),
  ];
  if (q.answer) body.push(text(T.answerLabel, { weight: 'Bolder' }), text(plain(q.answer)));
  const answerForm = {
    type: 'Action.ShowCard',
    title: T.answer,
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Input.Text',
          id: 'answer',
          isMultiline: true,
          maxLength: 3000,
          isRequired: true,
          label: T.answerLabel,
          errorMessage: T.answerMissing,
        },
      ],
      actions: [submit(q.replyTo ? T.sendAnswer : T.saveAnswer, { verb: 'forwarded', action: 'answer', id: q.id })],
    },
  };
  const actions =
    q.state === 'open'
      ? [answerForm, submit(T.close, { verb: 'forwarded', action: 'close', id: q.id })]
      : q.state === 'answered'
        ? [
            submit(T.suggest, { verb: 'forwarded', action: 'suggest', id: q.id }),
            submit(T.close, { verb: 'forwarded', action: 'close', id: q.id }),
          ]
        : [];
  if (!q.replyTo) body.push(small(T.noReplyPossible));
  return card(body, actions);
}

/** A draft knowledge entry from an answer: a summary for the editors (editing comes with the Koordination tab). */
export function suggestionCard(q: ForwardedQuestion): AdaptiveCard {
  return card([
    heading(T.suggestionTitle),
    small(T.suggestionNote),
    facts([
      ['kind', 'topic'],
      ['title', q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text],
      ['body', q.answer ?? ''],
      ['verified', 'false'],
      [
        'source',
        T.suggestionSource(
          new Date(q.answeredAt ?? q.createdAt).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }),
        ),
      ],
    ]),
  ]);
}
