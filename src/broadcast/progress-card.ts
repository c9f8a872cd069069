import {
  card,
  heading,
  notice,
  plain,
  small,
  submit,
  text,
  type AdaptiveCard,
  type CardAction,
} from '../cards/adaptive';
import { TEXTS } from '../texts';
import { berlinLabel } from './berlin-time';
import { startsNow } from './broadcast-lifecycle';
import type { Broadcast, DeliveryReport, Signature } from './model';
import type { BroadcastPayload } from './payloads';

type Step = BroadcastPayload['action'];
import { newsCard, scheduleFieldsOf, scheduleInputs } from './news-cards';

const T = TEXTS.news;
const who = (s: Signature) => plain(s.id || T.someone);

/** The status line: what state the item is in, in the coordinator's words. */
function statusLine(b: Broadcast, report: DeliveryReport, recall?: DeliveryReport): string {
  switch (b.status) {
    case 'recalled':
      return T.statusRecalled(recall?.sent ?? 0, recall?.pending ?? 0);
    case 'awaiting-approval':
      return b.sendAt === undefined
        ? T.statusAwaiting
        : `${T.statusAwaiting} · ${T.scheduledFor(berlinLabel(b.sendAt))}`;
    case 'scheduled':
      return startsNow(b) ? T.statusStarting : T.statusScheduled(berlinLabel(b.sendAt ?? 0));
    case 'paused':
      return T.statusPaused;
    case 'cancelled':
      return T.statusCancelled(report.sent);
    default:
      return report.pending === 0 ? T.statusDone : T.statusSending;
  }
}

/** Who wrote, approved and last paused or cancelled it (the report names both coordinators). */
export function signatures(b: Broadcast): string[] {
  const lines = [
    ...(b.author ? [T.writtenBy(who(b.author))] : []),
    ...(b.approvedBy ? [T.approvedBy(who(b.approvedBy), berlinLabel(b.approvedBy.at))] : []),
    ...(b.changedBy
      ? [T.changedBy(T.actionNames[b.changedBy.action] ?? '', who(b.changedBy), berlinLabel(b.changedBy.at))]
      : []),
  ];
  return lines.length ? [...lines, T.idsNote] : [];
}

/** The buttons that fit the state; the service checks the state again when one is pressed. */
function buttons(b: Broadcast, report: DeliveryReport): CardAction[] {
  const press = (title: string, action: Step) => submit(title, { verb: 'broadcast', action, id: b.id });
  const amendOrRecall = [press(T.correct, 'correct'), ...(report.sent > 0 ? [press(T.recall, 'recall')] : [])];
  switch (b.status) {
    case 'recalled':
      return [];
    case 'awaiting-approval':
    case 'scheduled':
      return [press(T.reschedule, 'reschedule'), press(T.correct, 'correct'), press(T.cancel, 'cancel')];
    case 'sending':
      return report.pending > 0
        ? [press(T.pause, 'pause'), press(T.cancel, 'cancel'), ...amendOrRecall]
        : amendOrRecall;
    case 'paused':
      return [press(T.resume, 'resume'), press(T.cancel, 'cancel'), ...amendOrRecall];
    default:
      return report.sent > 0 ? amendOrRecall : [];
  }
}

/** The coordinator's confirmation card, updated with progress and the final report. */
export function progressCard(broadcast: Broadcast, report: DeliveryReport, recall?: DeliveryReport): AdaptiveCard {
  // Jobs a cancel stopped are 'removed' with reason 'cancelled': counted on their own, not as lost subscriptions.
  const cancelled = report.reasons.cancelled ?? 0;
  const reasons = Object.entries(report.reasons)
    .filter(([r]) => r !== 'cancelled')
    .map(([r, n]) => `${r}: ${n}`);
  const before = broadcast.status === 'awaiting-approval' || broadcast.status === 'scheduled';
  const facts = [
    { title: T.factRecipients, value: String(report.total) },
    { title: T.factSent, value: String(report.sent) },
    { title: T.factPending, value: String(report.pending) },
    { title: T.factFailed, value: String(report.failed) },
    { title: T.factRemoved, value: String(report.removed - cancelled) },
    ...(cancelled ? [{ title: T.factCancelled, value: String(cancelled) }] : []),
  ];
  return card(
    [
      small(statusLine(broadcast, report, recall)),
      heading(broadcast.news.title),
      ...(before ? [] : [{ type: 'FactSet', facts }]),
      ...(reasons.length
        ? [notice('warning', [text(`${T.reasons}: ${plain(reasons.join('; '))}`, { size: 'Small' })])]
        : []),
      ...(broadcast.version > 1 ? [small(T.versionNote(broadcast.version))] : []),
      ...signatures(broadcast).map(small),
      ...(before ? scheduleInputs(scheduleFieldsOf(broadcast.sendAt)) : []),
    ],
    buttons(broadcast, report),
  );
}

/** One item waiting for approval, as a second coordinator sees it: the news, when, who wrote it. */
export function approvalCard(b: Broadcast): AdaptiveCard {
  const press = (title: string, action: Step) => submit(title, { verb: 'broadcast', action, id: b.id });
  return card(
    [
      small(b.sendAt === undefined ? T.statusAwaiting : T.scheduledFor(berlinLabel(b.sendAt))),
      { type: 'Container', style: 'emphasis', items: newsCard(b.news).body },
      ...signatures(b).map(small),
    ],
    [press(T.approve, 'approve'), press(T.cancel, 'cancel')],
  );
}
