import { z } from 'zod';

/** Ids: lowercase letters, digits and hyphens, unique across the whole knowledge base. */
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Id = z.string().regex(idPattern, 'Id: nur Kleinbuchstaben, Ziffern und Bindestriche');

export const StepId = Id.brand<'StepId'>();
export type StepId = z.infer<typeof StepId>;
export const AgencyId = Id.brand<'AgencyId'>();
export type AgencyId = z.infer<typeof AgencyId>;
export const FormId = Id.brand<'FormId'>();
export type FormId = z.infer<typeof FormId>;

export const ENTRY_KINDS = ['step', 'agency', 'form', 'topic', 'offering'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

/** A reference to any entry, written `kind:id` (e.g. `agency:jugendamt`). */
export const EntryRef = z
  .string()
  .regex(/^(step|agency|form|topic|offering):[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Verweis im Format kind:id');

export const NonEmpty = z.string().trim().min(1);

export const Scope = z.enum(['dortmund', 'nrw', 'andere']);
export type Scope = z.infer<typeof Scope>;

export const SHORT_TITLE_MAX = 40;

/** Fields every entry has: what search sees, provenance, and the verification flag. */
const base = {
  id: Id,
  title: NonEmpty,
  /** Button and card title: at most 40 characters, so Teams never cuts it off. */
  short_title: NonEmpty.max(SHORT_TITLE_MAX, `höchstens ${SHORT_TITLE_MAX} Zeichen (Teams kürzt längere Knopftitel)`),
  /** One to three sentences: the short answer shown first. */
  summary: NonEmpty,
  /** Further facts as short bullet points. */
  details: z.array(NonEmpty).default([]),
  /** How teachers might ask for this entry (own words, not eval questions). */
  questions: z.array(NonEmpty).default([]),
  keywords: z.array(NonEmpty).default([]),
  sources: z.array(z.string().url()).min(1, 'mindestens eine Quelle (URL)'),
  scope: Scope,
  /** When the source was current, e.g. "2024" or "2021-11". */
  as_of: NonEmpty,
  /** false where the fact sheet marks a point UNSICHER or NICHT GEFUNDEN. */
  verified: z.boolean().default(true),
  /** The unconfirmed points, in plain words; required when verified is false. */
  unconfirmed: z.array(NonEmpty).default([]),
  /** Agencies to ask about the unconfirmed points. */
  ask: z.array(AgencyId).default([]),
  related: z.array(EntryRef).default([]),
};

export const Step = z.object({
  kind: z.literal('step'),
  ...base,
  order: z.number().int().min(0),
  /** When this step applies. */
  when: NonEmpty,
  /** "Was jetzt zu tun ist": a checklist. */
  actions: z.array(NonEmpty).min(1),
  /** What to document. */
  document: z.array(NonEmpty).default([]),
  forms: z.array(FormId).default([]),
  /** Who at school is responsible, in words. */
  responsible: NonEmpty,
  agencies: z.array(AgencyId).default([]),
  legal_basis: z.array(NonEmpty).default([]),
  /** "Danach": what comes next, in words, and the step ids it leads to. */
  then: NonEmpty,
  next: z.array(StepId).default([]),
  /** How a teacher names this step when telling it was done ("Klassenkonferenz", "the hearing"): the case reading. */
  mentions: z.array(NonEmpty).default([]),
}).strict();
export type Step = z.infer<typeof Step>;

export const AGENCY_CATEGORIES = [
  'schule',
  'jugendhilfe',
  'beratung',
  'ordnung',
  'uebergang',
] as const;
export const AgencyCategory = z.enum(AGENCY_CATEGORIES);
export type AgencyCategory = z.infer<typeof AgencyCategory>;

export const Contact = z
  .object({
    phone: z.array(z.object({ label: NonEmpty, number: NonEmpty })).default([]),
    email: z.string().email().optional(),
    address: NonEmpty.optional(),
    web: z.string().url().optional(),
    /** How to find the page when no direct URL is known. */
    web_path: NonEmpty.optional(),
    hours: NonEmpty.optional(),
    people: z.array(NonEmpty).default([]),
    /** When the contact facts were current. */
    as_of: NonEmpty.optional(),
    /** Set when the contact facts are old or unconfirmed. */
    unconfirmed: z.boolean().default(false),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

export const Agency = z.object({
  kind: z.literal('agency'),
  ...base,
  /** Abbreviations and other names (JA, SSA, BR, JuCops …). */
  aliases: z.array(NonEmpty).default([]),
  category: AgencyCategory,
  /** What it does in absenteeism cases. */
  role: NonEmpty,
  /** When to contact it. */
  when: NonEmpty,
  contact: Contact.default({}),
  /** Emergency contact shown first (e.g. child-protection hotline). */
  emergency: z.boolean().default(false),
  /**
   * A city or state office with many services besides school attendance (Ordnungsamt, Gesundheitsamt …):
   * a question that names only the office and some other matter asks for another of its services.
   */
  many_services: z.boolean().default(false),
}).strict();
export type Agency = z.infer<typeof Agency>;

export const Form = z.object({
  kind: z.literal('form'),
  ...base,
  /** The Vordruck number as printed, e.g. "080". */
  number: z.string().regex(/^\d{3}$/, 'dreistellige Vordrucknummer'),
  for_whom: NonEmpty,
  /** Who the form is sent to or filled in by: the parents, the young person, the training company. */
  addressee: z.enum(['eltern', 'jugendliche', 'betrieb']).optional(),
  step: StepId,
  /** The page where schools download the form (every form card links to it). */
  download: z.string().url(),
  legal_basis: z.array(NonEmpty).default([]),
}).strict();
export type Form = z.infer<typeof Form>;

export const Topic = z.object({
  kind: z.literal('topic'),
  ...base,
}).strict();
export type Topic = z.infer<typeof Topic>;

export const OFFERING_TOPICS = ['fortbildungen', 'angebote', 'verfahren', 'netzwerk'] as const;
export const OfferingTopic = z.enum(OFFERING_TOPICS);

export const Offering = z.object({
  kind: z.literal('offering'),
  ...base,
  provider: AgencyId.optional(),
  audience: NonEmpty,
  topic: OfferingTopic,
}).strict();
export type Offering = z.infer<typeof Offering>;

export const Entry = z
  .discriminatedUnion('kind', [Step, Agency, Form, Topic, Offering])
  .superRefine((entry, ctx) => {
    if (!entry.verified && entry.unconfirmed.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['unconfirmed'],
        message: 'verified: false braucht mindestens einen Punkt unter unconfirmed',
      });
    }
  });
export type Entry = z.infer<typeof Entry>;

/** A knowledge file: a list of entries. */
export const EntryFile = z.object({ entries: z.array(z.unknown()) }).strict();

/** synonyms.yaml: groups of equivalent terms (danger to a child is read by src/safety/, not by words here). */
export const SynonymFile = z
  .object({
    groups: z.array(z.array(NonEmpty).min(2)),
  })
  .strict();
export type SynonymFile = z.infer<typeof SynonymFile>;

/**
 * sources.yaml: sources of doubtful standing (document-sharing sites that copy others' papers). They stay in the
 * data for the editors; users are never shown them.
 */
export const SourceQualityFile = z
  .object({
    doubtful: z.array(
      z
        .object({
          host: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Hostname ohne https:// und Pfad, z. B. yumpu.com'),
          reason: NonEmpty,
        })
        .strict(),
    ),
  })
  .strict();
export type SourceQualityFile = z.infer<typeof SourceQualityFile>;

