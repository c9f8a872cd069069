import { browse, showEntry } from '../cards/actions';
import { agencyLine } from '../cards/agency-contact';
import { actionSet, card, heading, plain, small, submit, text, type AdaptiveCard } from '../cards/adaptive';
import type { Knowledge } from '../knowledge/knowledge';
import { refOf } from '../knowledge/knowledge';
import type { Agency, AgencyCategory } from '../knowledge/schema';
import { TEXTS } from '../texts';
import { categories, CATEGORY_TITLES } from './directory';

/** "Liste aller Stellen": categories as buttons. */
export function categoriesCard(knowledge: Knowledge): AdaptiveCard {
  return card([
    heading(TEXTS.directory.title),
    text(TEXTS.directory.intro),
    ...categories(knowledge).flatMap(({ category, title, agencies }) => [
      ...actionSet([submit(`${title} (${agencies.length})`, browse(category))]),
      small(plain(agencies.map((a) => a.title).join(' · '))),
    ]),
  ]);
}

/** The agencies of one category, or of a search, with a button to each contact card. */
export function agencyListCard(title: string, agencies: readonly Agency[]): AdaptiveCard {
  return card([
    heading(title),
    ...agencies.map((a) => agencyLine(a, a.role)),
    ...actionSet(agencies.map((a) => submit(a.title, showEntry(refOf(a))))),
  ]);
}

export const categoryCard = (knowledge: Knowledge, category: AgencyCategory, agencies: readonly Agency[]) =>
  agencyListCard(CATEGORY_TITLES[category], agencies);
