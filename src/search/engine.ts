import { CHILD_PROTECTION_STEP } from '../knowledge/contract';
import type { Knowledge } from '../knowledge/knowledge';
import type { EntryKind } from '../knowledge/schema';
import { areLinked } from '../knowledge/links';
import { afterWhat } from './after-step';
import { analyze, looksEnglish, markedTerms } from './analyzer';
import type { Answer, Candidate } from './answer';
import { KIND_HINTS, SEARCH_CONFIG } from './config';
import { buildIndex, type SearchIndex } from './index';
import { normalize } from './normalize';
import { rank, type Ranking } from './rank';
import { containsPhrase, synonymAlternatives } from './synonyms';

export interface AnswerEngine {
  ask(question: string): Answer;
  /** True when the text signals danger to a child. */
  signalsDanger(text: string): boolean;
  readonly index: SearchIndex;
}

/** Builds the index once; `ask` is pure and synchronous (a few hundred microseconds). */
export function createAnswerEngine(knowledge: Knowledge): AnswerEngine {
  const index = buildIndex(knowledge);
  const childProtectionRefs = [
    `step:${CHILD_PROTECTION_STEP}`,
    ...knowledge.agencies.filter((a) => a.emergency).map((a) => `agency:${a.id}`),
  ];
  return {
    index,
    ask: (question) => answer(question, index, childProtectionRefs),
    signalsDanger: (text) => signalsDanger(text, index),
  };
}

/**
 * Danger words count unless negated ("ohne akute Gefahr"); a signal that is itself negated matches only
 * negated words ("traut sich nicht nach Hause", "kein Frühstück").
 */
function signalsDanger(text: string, index: SearchIndex): boolean {
  const terms = markedTerms(text);
  return index.dangerSignals.some((signal) => containsPhrase(terms, signal));
}

function answer(question: string, index: SearchIndex, childProtectionRefs: readonly string[]): Answer {
  const typed = analyze(question);
  const childProtection = signalsDanger(question, index);
  if (typed.length === 0 && !childProtection)
    return { decision: 'unsure', candidates: [], childProtection, reason: 'empty' };

  const ranking = rank(typed, synonymAlternatives(typed, index.synonyms), index, {
    preferSynonyms: looksEnglish(question),
  });
  const hinted = hintedKinds(question);
  let candidates: Candidate[] = [...ranking.scores]
    .map(([doc, raw]) => {
      const { ref, entry } = index.docs[doc]!;
      const boost = hinted.has(entry.kind) ? SEARCH_CONFIG.kindBoost[entry.kind] : SEARCH_CONFIG.kindPrior[entry.kind];
      return { ref, entry, score: calibrate((raw * boost) / ranking.maxPossible) };
    })
    .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));

  if (childProtection) {
    const lead = childProtectionRefs.map((ref, i) => ({
      ref,
      entry: index.docs.find((d) => d.ref === ref)!.entry,
      score: 1 - i * 0.02,
    }));
    candidates = [...lead, ...candidates.filter((c) => !childProtectionRefs.includes(c.ref))];
    return {
      decision: 'answer',
      candidates: candidates.slice(0, SEARCH_CONFIG.maxCandidates),
      childProtection,
      reason: 'child-protection',
    };
  }
  candidates = promoteNextStep(question, candidates, index, childProtectionRefs).slice(0, SEARCH_CONFIG.maxCandidates);
  const [first] = candidates;
  const second = first && candidates.slice(1).find((c) => !areLinked(first.entry, c.entry));
  if (!first) return { decision: 'unsure', candidates, childProtection, reason: 'no-match' };
  if (!inDomain(ranking, first.score, new Set(typed).size))
    return { decision: 'unsure', candidates, childProtection, reason: 'low-coverage' };
  if (first.score < SEARCH_CONFIG.answerThreshold)
    return { decision: 'unsure', candidates, childProtection, reason: 'weak' };
  if (second && second.score >= first.score * SEARCH_CONFIG.clarifyRatio)
    return { decision: 'clarify', candidates, childProtection, reason: 'close' };
  return { decision: 'answer', candidates, childProtection, reason: 'clear' };
}

/**
 * "Nach der Versäumnisanzeige fehlt er immer noch – was nun?": when the question names a step
 * as done and asks what follows, that step's next step leads.
 */
function promoteNextStep(
  question: string,
  candidates: Candidate[],
  index: SearchIndex,
  childProtectionRefs: readonly string[],
): Candidate[] {
  const done = afterWhat(question);
  if (!done || candidates.length === 0) return candidates;
  const named = answer(done, index, childProtectionRefs).candidates[0]?.entry;
  const step =
    named?.kind === 'step'
      ? named
      : named?.kind === 'form'
        ? index.docs.find((d) => d.ref === `step:${named.step}`)?.entry
        : undefined;
  const nextId = step?.kind === 'step' ? step.next.find((id) => id !== CHILD_PROTECTION_STEP) : undefined;
  const next = nextId && index.docs.find((d) => d.ref === `step:${nextId}`);
  if (!next) return candidates;
  const lead = {
    ref: next.ref,
    entry: next.entry,
    score: Math.max(candidates[0]!.score, SEARCH_CONFIG.answerThreshold),
  };
  return [lead, ...candidates.filter((c) => c.ref !== next.ref)];
}

/** Enough subject words, not drowned by unknown ones, and enough of the question understood. */
function inDomain(r: Ranking, topScore: number, terms: number): boolean {
  const C = SEARCH_CONFIG;
  const ratio = terms >= C.longQuestionTerms ? C.anchorToUnknownLong : C.anchorToUnknown;
  const anchored =
    r.anchorMass >= C.minAnchorMass || (r.anchorMass >= C.minAnchorMassStrongMatch && topScore >= C.strongMatchScore);
  return anchored && r.anchorMass >= ratio * r.unknownMass && r.coverage >= C.minCoverage;
}

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
