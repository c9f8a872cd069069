/** Ids fixed by the knowledge contract: tests, evaluations and tools rely on them. Never rename. */
export const CONTRACT_IDS = {
  step: [
    'praevention',
    'erste-reaktion',
    'gespraeche',
    'schulinterne-massnahmen',
    'schulsozialarbeit',
    'fachberatung',
    'jugendhilfe',
    'kinderschutz',
    'schriftliche-aufforderung',
    'anhoerung',
    'versaeumnisanzeige',
    'zwangszufuehrung',
    'alternative-lernorte',
  ],
  agency: [
    'beratungsnetzwerk-uebergang',
    'gesundheitsamt',
    'kinder-jugendpsychiatrie',
    'rechtsamt',
    'bezirksregierung',
    'jugendamt',
    'koordinierung-schulsozialarbeit',
    'schulaufsicht',
    'erziehungsberatung',
    'jugendberatung',
    'lokale-projekte',
    'schulpsychologie',
    'fachstelle-kinderschutz',
    'jugendberufshaus',
    'ordnungsamt',
    'sprecher-schulformen',
    'fachstelle-schulabsentismus',
    'jugendgerichtshilfe',
    'polizei',
    'schulersatz-traeger',
    'kubdo',
  ],
  form: [
    'vordruck-030',
    'vordruck-040',
    'vordruck-050',
    'vordruck-060',
    'vordruck-070',
    'vordruck-080',
    'vordruck-090',
    'vordruck-100',
    'vordruck-130',
  ],
  topic: [
    'schulschwaenzen',
    'schulangst',
    'schulphobie',
    'zurueckhalten',
    'ferienverlaengerung',
    'unterrichtsabsentismus',
    'schulpflicht',
    'entschuldigung-attest',
    'bussgeld',
    'bussgeld-nichtzahlung',
    'dokumentation',
    'netzwerk',
    'leitfaden',
    'international',
  ],
  offering: ['fortbildung-fachstelle', 'hilfe-bevor-es-brennt', 'siegel-schulmuedigkeit'],
} as const;

/** The child-protection step: its answer leads whenever danger to a child is signalled. */
export const CHILD_PROTECTION_STEP = 'kinderschutz';

/** The guided dialog's option that means anxiety or separation anxiety: never a sanction step for it. */
export const ANXIETY_OPTION = { slot: 'situation', value: 'angst' } as const;

/** The topics that name a form of absenteeism (what "Was für eine Form von Fehlen ist das?" asks for). */
export const FORMS_OF_ABSENCE = [
  'schulschwaenzen',
  'schulangst',
  'schulphobie',
  'zurueckhalten',
  'ferienverlaengerung',
  'unterrichtsabsentismus',
  'mischformen',
] as const;
