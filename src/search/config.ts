/** Tuning of the answer engine, in one frozen place. */
export const SEARCH_CONFIG = Object.freeze({
  /** Field weights for BM25F: what a match in each field is worth. */
  fieldWeights: Object.freeze({ title: 5, aliases: 5, keywords: 2, questions: 1, summary: 1, body: 0.35 }),
  bm25: Object.freeze({ k1: 2, b: 0.5 }),
  /** Weight of terms added by synonym expansion, relative to the typed term. */
  synonymWeight: 0.7,
  /** Weight of a compound part or a compound containing the term. */
  compoundWeight: 0.7,
  containedWeight: 0.45,
  /** Fuse.js threshold for typo matches against the vocabulary (0 exact … 1 anything). */
  fuzzyThreshold: 0.22,
  fuzzyMinLength: 5,
  compoundMinPart: 4,
  /** Below this score the engine says it is not sure. */
  answerThreshold: 0.3,
  /** A case story spreads its words over many entries: from this many distinct terms, a lower bar. */
  storyTerms: 14,
  /** In a story (≥ storyTerms), the asking sentences' words count this much once more. */
  questionFocus: 1,
  answerThresholdStory: 0.25,
  /** Share of the query (idf-weighted) that must be understood to answer. */
  minCoverage: 0.3,
  /** Evidence that the question is about this domain: idf mass of its subject words … */
  minAnchorMass: 2,
  /** … or less, when the best entry matches very well. */
  minAnchorMassStrongMatch: 0.6,
  strongMatchScore: 0.75,
  /** Subject words must outweigh unknown words by at least this ratio; long messages carry more filler. */
  anchorToUnknown: 0.6,
  anchorToUnknownLong: 0.25,
  longQuestionTerms: 5,
  /** A word understood only as pieces of compounds ("Elterngeld" → Eltern + Geld) is this unknown. */
  partialUnknown: 0.7,
  /** A known word that is no subject word (only in question variants or body) counts this much. */
  weakTermCoverage: 0.5,
  /** Second candidate within this ratio of the first → "Meinten Sie …?". */
  clarifyRatio: 0.9,
  /**
   * The learned scope model: at or above `outside` a question is someone else's matter, unless an entry matches it
   * at `ownSubject` or better; at or below `inside` it is the bot's, however many of its words are unknown
   * (chosen by leave-one-set-out over the analysis sets).
   */
  scopeModel: Object.freeze({ outside: 0.75, ownSubject: 0.6, inside: 0.05 }),
  maxCandidates: 5,
  /** Multiplier when the question hints at a kind of entry ("Vordruck", "Telefon", "Fortbildung" …). */
  kindBoost: Object.freeze({ step: 1.15, topic: 1.1, agency: 1.25, form: 1.25, offering: 1.2 }),
  /** Entries about practice in other regions (scope `andere`) weigh this much. */
  otherRegionPrior: 0.85,
  /** Without such a hint: forms and offerings are secondary to steps, topics and agencies. */
  kindPrior: Object.freeze({ step: 1, topic: 1, agency: 1, form: 0.9, offering: 0.85 }),
  /** A vocabulary term sharing this long a prefix is a related form (dokumentieren ~ Dokumentation). */
  relatedPrefix: 7,
  relatedWeight: 0.75,
  /** …and differs in length by at most this much. */
  relatedMaxGap: 4,
  /** Typo matches differ in length by at most this much. */
  fuzzyMaxGap: 2,
  /** English questions: the typed word's own matches count this much next to its German synonyms. */
  englishOwnWeight: 0.4,
});

/** Words (normalised) that hint which kind of entry the teacher wants. */
export const KIND_HINTS = Object.freeze({
  form: ['vordruck', 'formular', 'bogen', 'muster', 'vorlage', 'anhoerungsbogen', 'anhoerungsschreiben', 'form'],
  agency: [
    'tel',
    'phone',
    'contact',
    'kontakt',
    'telefon',
    'telefonnummer',
    'nummer',
    'hotline',
    'adresse',
    'erreichen',
    'anrufen',
    'mail',
    'email',
    'ansprechpartner',
    'ansprechpartnerin',
    'sprechzeiten',
  ],
  offering: [
    'angebot',
    'angebote',
    'fortbildung',
    'fortbildungen',
    'projekt',
    'projekte',
    'siegel',
    'fachtag',
    'schulung',
    'workshop',
    'veranstaltung',
  ],
  topic: [
    'bis wann',
    'ab wann',
    'wie lange',
    'wie hoch',
    'wie viele',
    'was ist',
    'was bedeutet',
    'was heisst',
    'unterschied',
    'anzeichen',
    'merkmale',
  ],
  step: [
    'was tun',
    'was jetzt',
    'was nun',
    'was mache',
    'was soll',
    'was muss',
    'wie weiter',
    'naechster schritt',
    'vorgehen',
    'ablauf',
  ],
} as const);

/**
 * Words that say what kind of answer is wanted (a phone number, an address, a form), not what it is about:
 * the kind hint uses them; where the knowledge base does not know them they never count as unknown words.
 */
export const FACET_WORDS: ReadonlySet<string> = new Set([
  ...Object.values(KIND_HINTS).flatMap((hints) => hints.filter((h) => !h.includes(' '))),
  ...['tel', 'fon', 'handy', 'phone', 'number', 'call', 'reach', 'contact', 'address', 'hours', 'website', 'webseite'],
  ...['homepage', 'link', 'download', 'template', 'letter', 'schreiben', 'pdf', 'who', 'wer', 'wen', 'wem'],
]);
