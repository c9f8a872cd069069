import type { Knowledge } from '../knowledge/knowledge';
import type { Entry } from '../knowledge/schema';
import { suggestionsWhenUnsure, type Answer } from '../search/answer';
import { T } from '../texts';
import { contactLines, sourceLine, unconfirmedLines } from './entry-facts';

const bullets = (items: readonly string[]) => items.map((i) => `  • ${i}`);
const section = (label: string, items: readonly string[]) => (items.length ? [`${label}:`, ...bullets(items)] : []);

/** The bot's answer as readable plain text (for `npm run ask` and copy-paste). */
export function answerAsText(answer: Answer, knowledge: Knowledge): string {
  const text = answerBody(answer, knowledge);
  return answer.safety === 'weak' && !text.startsWith('⚠') ? `⚠ ${T.childProtectionHint}\n\n${text}` : text;
}

function answerBody(answer: Answer, knowledge: Knowledge): string {
  const [first] = answer.candidates;
  const suggestions = suggestionsWhenUnsure(answer);
  if (suggestions.length)
    return [T.suggestTitle, T.suggestText, ...bullets(suggestions.map((c) => c.entry.title))].join('\n');
  if (answer.decision === 'unsure' || !first) {
    const [title, text] =
      answer.reason === 'out-of-scope' ? [T.outOfScopeTitle, T.outOfScopeText] : [T.unsureTitle, T.unsureText];
    return [title, text, ...bullets(T.exampleQuestions)].join('\n');
  }
  const lines: string[] = [];
  if (answer.childProtection) lines.push(`⚠ ${T.childProtectionLead}`, '');
  if (answer.decision === 'clarify') {
    lines.push(T.clarifyTitle, ...bullets(answer.candidates.slice(0, 3).map((c) => c.entry.title)), '');
  }
  lines.push(...entryAsText(first.entry, knowledge));
  return lines.join('\n');
}

export function entryAsText(entry: Entry, knowledge: Knowledge): string[] {
  const lines = [entry.title.toUpperCase(), entry.summary];
  const titles = (ids: readonly string[], find: (id: string) => Entry | undefined) =>
    ids.map((id) => find(id)?.title ?? id);
  switch (entry.kind) {
    case 'step':
      lines.push(
        ...section(T.labels.todo, entry.actions),
        ...section(T.labels.document, entry.document),
        `${T.labels.responsible}: ${entry.responsible}`,
        ...section('Stellen', titles(entry.agencies, knowledge.agency)),
        ...section(T.labels.forms, titles(entry.forms, knowledge.form)),
        ...section(T.labels.legal, entry.legal_basis),
        `${T.labels.then}: ${entry.then}`,
      );
      break;
    case 'agency':
      lines.push(`${T.labels.role}: ${entry.role}`, `${T.labels.contactWhen}: ${entry.when}`, ...contactLines(entry));
      break;
    case 'form':
      lines.push(`${T.labels.forWhom}: ${entry.for_whom}`, ...section(T.labels.legal, entry.legal_basis));
      break;
    case 'offering':
      lines.push(`${T.labels.audience}: ${entry.audience}`);
      break;
    case 'topic':
      break;
  }
  lines.push(...bullets(entry.details), ...unconfirmedLines(entry, knowledge), sourceLine(entry));
  return lines;
}
