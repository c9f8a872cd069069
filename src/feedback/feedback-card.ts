import { card, text, type AdaptiveCard } from '../cards/adaptive';
import { TEXTS } from '../texts';
import { FEEDBACK_REASONS, type Reaction } from './reasons';

/** The custom feedback form (a Teams dialog): fixed reasons for a thumbs-down, a thank-you for a thumbs-up. */
export function feedbackForm(reaction: Reaction): AdaptiveCard {
  const submit = { type: 'Action.Submit', title: TEXTS.feedback.send };
  if (reaction === 'like') return card([text(TEXTS.feedback.thanks)], [submit]);
  return card(
    [
      text(TEXTS.feedback.whatWasWrong, { weight: 'Bolder' }),
      {
        type: 'Input.ChoiceSet',
        id: 'reasons',
        isMultiSelect: true,
        style: 'expanded',
        label: TEXTS.feedback.reasonsLabel,
        choices: FEEDBACK_REASONS.map((r) => ({ title: r.label, value: r.id })),
      },
      text(TEXTS.feedback.noFreeText, { size: 'Small', isSubtle: true }),
    ],
    [submit],
  );
}
