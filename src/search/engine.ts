import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import type { Knowledge } from '../knowledge/knowledge';
import type { EntryKind } from '../knowledge/schema';
import { areLinked } from '../knowledge/links';
import { afterWhat, asksWhatFollows, reportsDoneAndAsksNext } from './after-step';
import { questionsOf, whatIsAsked } from './asked';
import { createCaseReader, type CaseReader } from './case-reading';
import { readRules, type SafetyDetector, type SafetySignal } from '../safety/detector';
import { analyze, looksEnglish } from './analyzer';
import type { Answer, Candidate } from './answer';
import { FACET_WORDS, KIND_HINTS, SEARCH_CONFIG } from './config';
import { buildIndex, type SearchIndex } from './search-index';
import { normalize } from '../text/normalize';
import { rank, type Ranking } from './rank';
import { scopeOf } from './scope';
import { synonymAlternatives } from './synonyms';

export interface AnswerEngine {
  ask(question: string): Answer;
  /** What the child-protection detector reads in a text (it runs first on every text). */
  safety(text: string): SafetySignal;
  readonly index: SearchIndex;
}

/** What the case reading (shared with the guided dialog) tells the engine about a text. */
export interface CaseSignals {
  /** Anxiety or separation anxiety is told (negation read): no sanction step leads. */
  readonly anxious: (text: string) => boolean;
  /** The learned scope model: how likely the question is someone else's matter (0.5: no opinion). */
  readonly outside: (text: string) => number;
  /** The step the guided dialog leads to once a step is done (one way on for answers and the dialog). */
  readonly nextAfter: (step: string) => string | undefined;
}
const NO_CASE_SIGNALS: CaseSignals = { anxious: () => false, outside: () => 0.5, nextAfter: () => undefined };

/** Builds the index once; `ask` is pure and synchronous (a few hundred microseconds). */
export function createAnswerEngine(
  knowledge: Knowledge,
  detect: SafetyDetector = readRules,
  signals: Partial<CaseSignals> = {},
): AnswerEngine {
  const index = buildIndex(knowledge);
  const childProtectionRefs = [
    `step:${CHILD_PROTECTION_STEP}`,
    ...knowledge.agencies.filter((a) => a.emergency).map((a) => `agency:${a.id}`),
  ];
  const stepsDone = createCaseReader(knowledge.entries.filter((e) => e.kind === 'step'));
  return {
    index,
    ask: (question) =>
      answer(question, index, childProtectionRefs, detect, stepsDone, { ...NO_CASE_SIGNALS, ...signals }),
    safety: detect,
  };
}

function answer(
  question: string,
  index: SearchIndex,
  childProtectionRefs: readonly string[],
  detect: SafetyDetector,
  stepsDone: CaseReader,
  signals: CaseSignals,
): Answer {
  const safety = detect(question).level;
  const childProtection = safety === 'clear';
  const typed = withoutUnknownFacets(analyze(question), index);
  if (typed.length === 0 && !childProtection)
    return { decision: 'unsure', candidates: [], childProtection, safety, reason: 'empty' };

  const whole = rank(typed, synonymAlternatives(typed, index.synonyms), index, {
    preferSynonyms: looksEnglish(question),
  });
  const ranking = withQuestionFocus(whole, question, typed, index);
  const hinted = hintedKinds(question);
  let candidates: Candidate[] = [...ranking.scores]
    .map(([doc, raw]) => {
      const { ref, entry } = index.docs[doc]!;
      const kind = hinted.has(entry.kind) ? SEARCH_CONFIG.kindBoost[entry.kind] : SEARCH_CONFIG.kindPrior[entry.kind];
      // Practice from other regions answers only when nothing from Dortmund or NRW fits as well.
      const boost = entry.scope === 'andere' ? kind * SEARCH_CONFIG.otherRegionPrior : kind;
      return { ref, entry, score: calibrate((raw * boost) / ranking.maxPossible) };
    })
    .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));

  if (childProtection) {
    // Child protection leads; the question's own answer, when it is the bot's matter and clear enough, comes right
    // after the step, so a teacher who asked for a form among the signs still gets it one click away.
    const own = candidates.filter((c) => !childProtectionRefs.includes(c.ref));
    const scope = scopeOf(question);
    const asksSomething = question.includes('?') || whatIsAsked(question) !== 'none';
    const asked =
      asksSomething && own[0] && own[0].score >= answerThreshold(typed) && (scope === 'in' || scope === 'attendance')
        ? own[0]
        : undefined;
    const [step, ...bodies] = childProtectionRefs;
    // The lead block gets descending synthetic scores (as the step and bodies always had); the rest stays below it.
    const leadRefs = [step!, ...(asked ? [asked.ref] : []), ...bodies];
    const lead = leadRefs.map((ref, i) => ({
      ref,
      entry: index.docs.find((d) => d.ref === ref)!.entry,
      score: 1 - i * 0.02,
    }));
    const below = 1 - lead.length * 0.02;
    candidates = [...lead, ...own.filter((c) => c !== asked).map((c) => ({ ...c, score: Math.min(c.score, below) }))];
    return {
      decision: 'answer',
      candidates: candidates.slice(0, SEARCH_CONFIG.maxCandidates),
      childProtection,
      safety,
      reason: 'child-protection',
    };
  }
  // Someone else's matter (the asker's own job, another offence, another service): no procedure card.
  const scope = scopeOf(question);
  // Two readers of whose matter it is: the rules (scope.ts) and the learned model; a clear verdict of either
  // counts – except that the model does not overrule a question that names an entry's own subject (strong match).
  const outside = signals.outside(question);
  const modelSaysOutside =
    outside >= SEARCH_CONFIG.scopeModel.outside && (candidates[0]?.score ?? 0) < SEARCH_CONFIG.scopeModel.ownSubject;
  if ((scope !== 'in' && scope !== 'attendance') || asksOfficeAboutOtherMatter(ranking) || modelSaysOutside)
    return { decision: 'unsure', candidates: [], childProtection, safety, reason: 'out-of-scope' };
  const caseNext = nextStepFromCase(question, stepsDone, signals.nextAfter);
  candidates = withoutSanctionsForAnxiety(
    () => signals.anxious(question),
    promoteNextStep(question, caseNext, candidates, index, childProtectionRefs, stepsDone, signals.nextAfter),
    index,
  ).slice(0, SEARCH_CONFIG.maxCandidates);
  const [first] = candidates;
  const second = first && candidates.slice(1).find((c) => !areLinked(first.entry, c.entry));
  const base = { candidates, childProtection, safety };
  if (!first) return { ...base, decision: 'unsure', reason: 'no-match' };
  // The case says what was done and asks what follows: its next step is the answer, however the words rank.
  if (first.ref === caseNext) return { ...base, decision: 'answer', reason: 'case' };
  // A question about a pupil's attendance is the bot's matter even when many of its words are unknown.
  // … and the model, sure the question is the bot's matter, vouches for one whose words are mostly unknown.
  const vouched = outside <= SEARCH_CONFIG.scopeModel.inside;
  if (scope !== 'attendance' && !vouched && !inDomain(ranking, first.score, new Set(typed).size))
    return { ...base, decision: 'unsure', reason: 'low-coverage' };
  if (first.score < answerThreshold(typed)) return { ...base, decision: 'unsure', reason: 'weak' };
  if (second && second.score >= first.score * SEARCH_CONFIG.clarifyRatio)
    return { ...base, decision: 'clarify', reason: 'close' };
  return { ...base, decision: 'answer', reason: 'clear' };
}

/**
 * "Nach der Versäumnisanzeige fehlt er immer noch – was nun?": when the question names a step
 * as done and asks what follows, that step's next step leads.
 */
function promoteNextStep(
  question: string,
  caseNext: string | undefined,
  candidates: Candidate[],
  index: SearchIndex,
  childProtectionRefs: readonly string[],
  stepsDone: CaseReader,
  nextAfter: CaseSignals['nextAfter'],
): Candidate[] {
  if (candidates.length === 0) return candidates;
  const fromCase = caseNext && index.docs.find((d) => d.ref === caseNext);
  if (fromCase) return leadWith(fromCase, candidates);
  const done = afterWhat(question);
  // "Die Aufforderung ist raus, keine Reaktion – wie geht es weiter?": the step the question is about is done.
  if (!done && !reportsDoneAndAsksNext(question)) return candidates;
  const named = done
    ? answer(done, index, childProtectionRefs, readRules, stepsDone, NO_CASE_SIGNALS).candidates[0]?.entry
    : candidates[0]!.entry;
  const step =
    named?.kind === 'step'
      ? named
      : named?.kind === 'form'
        ? index.docs.find((d) => d.ref === `step:${named.step}`)?.entry
        : undefined;
  const nextId =
    step?.kind === 'step' ? (nextAfter(step.id) ?? step.next.find((id) => id !== CHILD_PROTECTION_STEP)) : undefined;
  const next = nextId && index.docs.find((d) => d.ref === `step:${nextId}`);
  return next ? leadWith(next, candidates) : candidates;
}

/** "Gespräche, Konferenz und Aufforderung hatten wir schon – was ist jetzt dran?": the step after the latest done. */
function nextStepFromCase(
  question: string,
  stepsDone: CaseReader,
  nextAfter: CaseSignals['nextAfter'],
): string | undefined {
  // Both readers of "what follows": the story's phrases ("hat nichts gebracht") and the question itself.
  const told = asksWhatFollows(question) || whatIsAsked(question) === 'next-step' ? stepsDone(question) : [];
  const latest = told[told.length - 1];
  const open = (id?: string) => !!id && id !== CHILD_PROTECTION_STEP && !told.some((t) => t.id === id);
  // The dialog's way on first (after the class conference: the written request), else the step's own list.
  const dialogs = latest && nextAfter(latest.id);
  const next = open(dialogs) ? dialogs : latest?.next.find(open);
  return next && `step:${next}`;
}

/** `doc` leads, scored at least as the answer threshold, ahead of the other candidates. */
function leadWith(doc: SearchIndex['docs'][number], candidates: readonly Candidate[]): Candidate[] {
  const lead = { ref: doc.ref, entry: doc.entry, score: Math.max(candidates[0]!.score, SEARCH_CONFIG.answerThreshold) };
  return [lead, ...candidates.filter((c) => c.ref !== doc.ref)];
}

/** Steps that press or sanction (class conference, written request, hearing, report, escort), and their forms. */
const SANCTION_STEPS = new Set([
  'step:schulinterne-massnahmen',
  'step:schriftliche-aufforderung',
  'step:anhoerung',
  'step:versaeumnisanzeige',
  'step:zwangszufuehrung',
]);
/** How far down a sanction step counts as offered (the lead and a clarify's choices). */
const SANCTION_REACH = 3;
/**
 * Anxiety and separation anxiety need help, not pressure: a sanction step never leads such a question, nor is it
 * offered as a choice; the first other candidate leads, or the specialist counselling step.
 */
function withoutSanctionsForAnxiety(anxious: () => boolean, candidates: Candidate[], index: SearchIndex): Candidate[] {
  const [first] = candidates;
  const sanction = (c: Candidate) =>
    SANCTION_STEPS.has(c.ref) || (c.entry.kind === 'form' && SANCTION_STEPS.has(`step:${c.entry.step}`));
  // The case reading runs only when a sanction would be offered (it is not free on every question).
  if (!first || !candidates.slice(0, SANCTION_REACH).some(sanction) || !anxious()) return candidates;
  const help = !sanction(first)
    ? undefined
    : (candidates.find((c) => !sanction(c) && c.entry.kind === 'step') ??
      (() => {
        const doc = index.docs.find((d) => d.ref === 'step:fachberatung');
        return doc && { ref: doc.ref, entry: doc.entry, score: first.score };
      })());
  const rest = candidates.filter((c) => c.ref !== help?.ref);
  // Nor is one offered among the choices of a clarify: sanctions go behind every other candidate.
  return [
    ...(help ? [{ ...help, score: Math.max(help.score, first.score) }] : []),
    ...rest.filter((c) => !sanction(c)),
    ...rest.filter(sanction),
  ];
}

/** Enough subject words, not drowned by unknown ones, and enough of the question understood. */
/**
 * "Ordnungsamt Lärmbeschwerde", "Gesundheitsamt rabies shots": the only domain word is the name of an office
 * with many services, next to words the knowledge base does not know – the question is about another service.
 */
function asksOfficeAboutOtherMatter(r: Ranking): boolean {
  return r.anchorMass > 0 && r.matterMass === 0 && r.unknownMass > 0;
}

function inDomain(r: Ranking, topScore: number, terms: number): boolean {
  const ratio =
    terms >= SEARCH_CONFIG.longQuestionTerms ? SEARCH_CONFIG.anchorToUnknownLong : SEARCH_CONFIG.anchorToUnknown;
  const anchored =
    r.anchorMass >= SEARCH_CONFIG.minAnchorMass ||
    (r.anchorMass >= SEARCH_CONFIG.minAnchorMassStrongMatch && topScore >= SEARCH_CONFIG.strongMatchScore);
  return anchored && r.anchorMass >= ratio * r.unknownMass && r.coverage >= SEARCH_CONFIG.minCoverage;
}

const FACET_STEMS = new Set([...FACET_WORDS].flatMap((w) => analyze(w)));

/** "kubdo tel", "phone number KUBDO": words that only say what is wanted are no unknown subject. */
function withoutUnknownFacets(typed: readonly string[], index: SearchIndex): string[] {
  const kept = typed.filter((t) => !FACET_STEMS.has(t) || index.postings.has(t));
  return kept.length > 0 ? kept : [...typed];
}

/** The score an answer needs: lower for a story, whose many words spread the match. */
const answerThreshold = (typed: readonly string[]) =>
  new Set(typed).size >= SEARCH_CONFIG.storyTerms ? SEARCH_CONFIG.answerThresholdStory : SEARCH_CONFIG.answerThreshold;

/** Raw BM25F share of the best possible score → confidence in [0, 1]. */
const calibrate = (ratio: number) => Math.min(1, Math.sqrt(Math.max(0, ratio)));

function hintedKinds(question: string): Set<EntryKind> {
  const text = ` ${normalize(question)} `;
  const kinds = new Set<EntryKind>();
  for (const [kind, hints] of Object.entries(KIND_HINTS) as [EntryKind, readonly string[]][]) {
    if (hints.some((h) => text.includes(` ${h} `) || (h.length > 6 && text.includes(h)))) kinds.add(kind);
  }
  return kinds;
}

/** "if/wenn/falls …" up to the next comma or the end: the condition, not what is asked. */
const CONDITION = /(?:^|,|\s)(?:wenn|falls|sofern|if|when|once)\s[^,?!.]*/gi;
const withoutConditions = (text: string) => text.replace(CONDITION, ' ').trim() || text;

/** In a long story the asking sentences say what is wanted: their words count once more in the ranking. */
function withQuestionFocus(whole: Ranking, question: string, typed: readonly string[], index: SearchIndex): Ranking {
  const beta = SEARCH_CONFIG.questionFocus;
  const asking = questionsOf(question).join(' ');
  const unconditioned = withoutConditions(asking);
  // A story, or a question with a condition ("… fine …, if their kid keeps skipping school?"): what is asked counts.
  if (new Set(typed).size < SEARCH_CONFIG.storyTerms && unconditioned === asking) return whole;
  const asked = withoutUnknownFacets(analyze(unconditioned), index);
  if (asked.length === 0 || new Set(asked).size >= new Set(typed).size) return whole;
  const focus = rank(asked, synonymAlternatives(asked, index.synonyms), index, {
    preferSynonyms: looksEnglish(question),
  });
  const scores = new Map(whole.scores);
  for (const [doc, s] of focus.scores) scores.set(doc, (scores.get(doc) ?? 0) + beta * s);
  return { ...whole, scores, maxPossible: whole.maxPossible + beta * focus.maxPossible };
}
