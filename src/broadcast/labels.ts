import type { NewsTopic } from './model';
import { DISTRICTS, SCHOOL_TYPES } from './model';

export const TOPIC_LABELS: Readonly<Record<NewsTopic, string>> = {
  fortbildungen: 'Fortbildungen',
  angebote: 'Angebote & Projekte',
  verfahren: 'Verfahren & Recht',
  netzwerk: 'Netzwerk',
};

export const SCHOOL_TYPE_LABELS: Readonly<Record<(typeof SCHOOL_TYPES)[number], string>> = {
  grundschule: 'Grundschule',
  hauptschule: 'Hauptschule',
  realschule: 'Realschule',
  gymnasium: 'Gymnasium',
  gesamtschule: 'Gesamtschule',
  sekundarschule: 'Sekundarschule',
  foerderschule: 'Förderschule',
  berufskolleg: 'Berufskolleg',
};

export const DISTRICT_LABELS: Readonly<Record<(typeof DISTRICTS)[number], string>> = {
  'innenstadt-west': 'Innenstadt-West',
  'innenstadt-nord': 'Innenstadt-Nord',
  'innenstadt-ost': 'Innenstadt-Ost',
  eving: 'Eving',
  scharnhorst: 'Scharnhorst',
  brackel: 'Brackel',
  aplerbeck: 'Aplerbeck',
  hoerde: 'Hörde',
  hombruch: 'Hombruch',
  luetgendortmund: 'Lütgendortmund',
  huckarde: 'Huckarde',
  mengede: 'Mengede',
};

export const choices = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.entries(labels) as [K, string][]).map(([value, title]) => ({ title, value }));
