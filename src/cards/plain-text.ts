import type { Knowledge } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import { suggestionsWhenUnsure, type Answer } from '../search/answer';
import { TEXTS } from '../texts';
import { contactLines, sourceLine, unconfirmedLines } from './entry-facts';

const bullets = (items: readonly string[]) => items.map((i) => `  • ${i}`);
const section = (label: string, items: readonly string[]) => (items.length ? [`${label}:`, ...bullets(items)] : []);

/** The bot's answer as readable plain text (for `npm run ask` and copy-paste). */
export function answerAsText(answer: Answer, knowledge: Knowledge): string {
  const text = answerBody(answer, knowledge);
  return answer.safety === 'weak' && !text.startsWith('⚠') ? `⚠ ${TEXTS.childProtectionHint}\n\n${text}` : text;
}

function answerBody(answer: Answer, knowledge: Knowledge): string {
  const [first] = answer.candidates;
  const suggestions = suggestionsWhenUnsure(answer);
  if (suggestions.length)
    return [TEXTS.suggestTitle, TEXTS.suggestText, ...bullets(suggestions.map((c) => c.entry.title))].join('\n');
  if (answer.decision === 'unsure' || !first) {
    const [title, text] =
      answer.reason === 'out-of-scope'
        ? [TEXTS.outOfScopeTitle, TEXTS.outOfScopeText]
        : [TEXTS.unsureTitle, TEXTS.unsureText];
    return [title, text, ...bullets(TEXTS.exampleQuestions)].join('\n');
  }
  const lines: string[] = [];
  if (answer.childProtection) lines.push(`⚠ ${TEXTS.childProtectionLead}`, '');
  if (answer.decision === 'clarify') {
    lines.push(TEXTS.clarifyTitle, ...bullets(answer.candidates.slice(0, 3).map((c) => c.entry.title)), '');
  }
  lines.push(...entryAsText(first.entry, knowledge));
  return lines.join('\n');
}

export function entryAsText(entry: Entry, knowledge: Knowledge): string[] {
  const lines = [entry.title.toUpperCase(), entry.summary];
  const titles = <Id extends string>(ids: readonly Id[], find: (id: Id) => Entry | undefined) =>
    ids.map((id) => find(id)?.title ?? id);
  switch (entry.kind) {
    case 'step':
      lines.push(
        ...section(TEXTS.labels.todo, entry.actions),
        ...section(TEXTS.labels.document, entry.document),
        `${TEXTS.labels.responsible}: ${entry.responsible}`,
        ...section(TEXTS.labels.agencies, titles(entry.agencies, knowledge.agency)),
        ...section(TEXTS.labels.forms, titles(entry.forms, knowledge.form)),
        ...section(TEXTS.labels.legal, entry.legal_basis),
        `${TEXTS.labels.then}: ${entry.then}`,
      );
      break;
    case 'agency':
      lines.push(
        `${TEXTS.labels.role}: ${entry.role}`,
        `${TEXTS.labels.contactWhen}: ${entry.when}`,
        ...contactLines(entry),
      );
      break;
    case 'form':
      lines.push(`${TEXTS.labels.forWhom}: ${entry.for_whom}`, ...section(TEXTS.labels.legal, entry.legal_basis));
      break;
    case 'offering':
      lines.push(`${TEXTS.labels.audience}: ${entry.audience}`);
      break;
    case 'topic':
      break;
  }
  lines.push(...bullets(entry.details), ...unconfirmedLines(entry, knowledge), sourceLine(entry, knowledge));
  return lines;
}
