import { describe, expect, it } from 'vitest';
import { allActions, firstScreenText } from '../../../src/cards/card-measure';
import { entryCard, FIRST_SCREEN_MAX } from '../../../src/cards/entry-card';
import { MAX_CARD_ACTIONS, type AdaptiveCard } from '../../../src/cards/adaptive';
import { outcomeCard } from '../../../src/dialog/guide-cards';
import { entryAsText } from '../../../src/cards/plain-text';
import type { Answers } from '../../../src/dialog/flow-engine';
import { resolveOutcome } from '../../../src/dialog/outcome';
import { SHORT_TITLE_MAX } from '../../../src/knowledge/schema';
import { TEXTS } from '../../../src/texts';
import { realCore } from '../../support/bot-harness';

const { knowledge, guide } = realCore();

/** Every way through the real flow: each reachable outcome with the answers that lead there. */
function everyOutcome(): { path: string; outcome: string; answers: Answers }[] {
  const found: { path: string; outcome: string; answers: Answers }[] = [];
  const walk = (state: ReturnType<typeof guide.start>, path: string[]) => {
    const node = guide.current(state);
    if (!node) return;
    if (node.kind === 'outcome')
      return void found.push({ path: path.join(' → '), outcome: node.id, answers: state.answers });
    for (const option of node.options) walk(guide.choose(state, option.value)!, [...path, option.value]);
  };
  walk(guide.start(), []);
  return found;
}

/** The limits a teacher between two lessons needs: a short first screen, few buttons, short titles, no repeats. */
function problemsOf(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const first = firstScreenText(card);
  if (first.length > FIRST_SCREEN_MAX) problems.push(`first screen ${first.length} > ${FIRST_SCREEN_MAX}`);
  const actions = allActions(card);
  if (actions.length > MAX_CARD_ACTIONS) problems.push(`${actions.length} actions > ${MAX_CARD_ACTIONS}`);
  const titles = actions.map((a) => String(a.title));
  for (const t of titles) if (t.length > SHORT_TITLE_MAX) problems.push(`button "${t}" longer than ${SHORT_TITLE_MAX}`);
  const repeated = titles.filter((t, i) => titles.indexOf(t) !== i);
  if (repeated.length) problems.push(`repeated buttons: ${repeated.join(', ')}`);
  return problems;
}

describe('Every card a teacher can get fits a phone’s first screen', () => {
  it('every entry, plain and with the child-protection banner', () => {
    const problems = knowledge.entries.flatMap((entry) =>
      [{}, { banner: TEXTS.childProtectionLead }].flatMap((options) =>
        problemsOf(entryCard(entry, knowledge, { ...options, also: knowledge.entries.slice(0, 3) })).map(
          (p) => `${entry.kind}:${entry.id}${'banner' in options ? ' (banner)' : ''}: ${p}`,
        ),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('every outcome of the guided dialog, by every path', () => {
    const outcomes = everyOutcome();
    expect(new Set(outcomes.map((o) => o.outcome)).size).toBeGreaterThan(5);
    const problems = outcomes.flatMap(({ path, outcome, answers }) => {
      const node = guide.node(outcome);
      if (node.kind !== 'outcome') return [`${outcome} is not an outcome`];
      return problemsOf(outcomeCard(resolveOutcome(node, answers, knowledge), knowledge, true)).map(
        (p) => `${outcome} via ${path}: ${p}`,
      );
    });
    expect(problems).toEqual([]);
  });

  it('every short title fits a button', () => {
    const long = knowledge.entries.filter((e) => e.short_title.length > SHORT_TITLE_MAX).map((e) => e.id);
    expect(long).toEqual([]);
  });
});

describe('Every form card links to the Dortmund download page of the Vordrucke', () => {
  it.each(knowledge.forms.map((f) => [f.id, f] as const))('%s', (_id, form) => {
    const links = allActions(entryCard(form, knowledge)).filter((a) => a.type === 'Action.OpenUrl');
    expect(links.map((a) => a.url)).toContain('https://www.dortmund.de/schulabsentismus');
  });
});

describe('Sources of doubtful standing (knowledge/sources.yaml) are never shown', () => {
  const doubtful = ['fdokument.com', '9dok.net', 'studylibde.com', 'yumpu.com', 'publ.at'];
  it('the data still cites them (for the editors)', () => {
    const cited = knowledge.entries.flatMap((e) => e.sources).join(' ');
    for (const host of doubtful) expect(cited).toContain(host);
  });
  it('no card and no plain-text answer names them', () => {
    const shown = knowledge.entries
      .map((e) => JSON.stringify(entryCard(e, knowledge)) + entryAsText(e, knowledge).join(' '))
      .join(' ');
    for (const host of doubtful) expect(shown).not.toContain(host);
  });
});
