/** The JSON the tab API returns (src/tabs/tab-views.ts, coordination-desk.ts). */
export interface Named {
  ref: string;
  title: string;
}
export interface ProcedureStep extends Named {
  order: number;
  when: string;
  track: 'main' | 'kinderschutz';
  next: string[];
  agencies: Named[];
  forms: Named[];
}
export interface Network {
  groups: { id: string; title: string; agencies: (Named & { role: string; emergency: boolean })[] }[];
}
export interface FormRow extends Named {
  number: string;
  forWhom: string;
  download: string;
}
export interface ChildProtection {
  line: string;
  acute: string;
  phones: { label: string; number: string }[];
}
export interface EntryView extends Named {
  kind: string;
  card: object;
}
export interface SearchView {
  route: string;
  childProtection: boolean;
  childProtectionLine: boolean;
  results: (Named & { kind: string; summary: string })[];
  card: object;
}
export interface Me {
  localMode: boolean;
  signedIn?: boolean;
  coordinator: boolean;
}
export interface Shown {
  n: number | null;
  shown: string;
}
export interface Statistics {
  weeks: string[];
  privacy: string;
  tables: { title: string; lines: { name: string; values: Shown[] }[] }[];
  top: (Named & Shown)[];
}
export interface Question {
  id: string;
  text: string;
  topicTitle: string;
  schoolType?: string;
  state: 'open' | 'answered' | 'closed';
  createdAt: number;
  answer?: string;
  replyTo?: string;
}
export interface SentNews {
  id: string;
  title: string;
  topic: string;
  status: string;
  version: number;
  createdAt: number;
  sendAt?: number;
  author?: { id: string; at: number };
  approvedBy?: { id: string; at: number };
  changedBy?: { id: string; at: number; action: string };
  /** reasons.cancelled: sends a cancel stopped (not errors). */
  report: {
    total: number;
    sent: number;
    pending: number;
    failed: number;
    removed: number;
    reasons?: Record<string, number>;
  };
  acknowledge: boolean;
  acknowledged: number;
}
