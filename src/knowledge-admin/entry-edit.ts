import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { KnowledgeFiles } from '../knowledge/knowledge-files';
import { ENTRY_KINDS, type EntryKind } from '../knowledge/schema';
import { FLOW_FILE } from '../dialog/flow-loader';

/** What coordinators edit: the five entry kinds, and the guided dialog's nodes (`node:<id>`). */
export const EDITABLE_KINDS = [...ENTRY_KINDS, 'node'] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/** The file a new entry of a kind goes to (existing entries stay where they are). */
export const FILE_OF_KIND: Readonly<Record<EditableKind, string>> = {
  step: 'steps.yaml',
  agency: 'agencies.yaml',
  form: 'forms.yaml',
  topic: 'topics.yaml',
  offering: 'offerings.yaml',
  node: FLOW_FILE,
};

export interface ParsedRef {
  readonly kind: EditableKind;
  readonly id: string;
}

export function parseRef(ref: string): ParsedRef | undefined {
  const m = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(ref);
  if (!m || !(EDITABLE_KINDS as readonly string[]).includes(m[1]!)) return undefined;
  return { kind: m[1] as EditableKind, id: m[2]! };
}

export interface ListedEntry {
  readonly ref: string;
  readonly kind: EditableKind;
  readonly title: string;
  readonly file: string;
}

/** The list a file keeps its items in: `entries` (entry files) or `nodes` (flow.yaml). */
const listKey = (file: string) => (file === FLOW_FILE ? 'nodes' : 'entries');

const parse = (text: string): Document => parseDocument(text, { uniqueKeys: true });

function itemsOf(file: string, text: string): { doc: Document; items: Record<string, unknown>[] } {
  const doc = parse(text);
  const list = doc.get(listKey(file), true);
  const items = isSeq(list) ? list.items.map((n) => (isMap(n) ? (n.toJSON() as Record<string, unknown>) : {})) : [];
  return { doc, items };
}

const refOfItem = (file: string, item: Record<string, unknown>): string | undefined => {
  const kind = file === FLOW_FILE ? 'node' : item.kind;
  return typeof kind === 'string' && typeof item.id === 'string' ? `${kind}:${item.id}` : undefined;
};

const titleOf = (item: Record<string, unknown>): string =>
  [item.title, item.text, item.note, item.id].find((v): v is string => typeof v === 'string') ?? '';

interface Located {
  readonly file: string;
  readonly item: Record<string, unknown>;
}

/** Every editable entry by ref, parsing each file once. */
function entryMap(files: KnowledgeFiles): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const [file, text] of files) {
    if (!Object.values(FILE_OF_KIND).includes(file)) continue;
    for (const item of itemsOf(file, text).items) {
      const ref = refOfItem(file, item);
      if (ref && parseRef(ref) && !out.has(ref)) out.set(ref, { file, item });
    }
  }
  return out;
}

/** Every editable entry of a version, in file order. */
export const listEntries = (files: KnowledgeFiles): ListedEntry[] =>
  [...entryMap(files)].map(([ref, { file, item }]) => ({ ref, kind: parseRef(ref)!.kind, title: titleOf(item), file }));

/** The entry as written in the YAML (plain data), or undefined. */
export const readEntry = (files: KnowledgeFiles, ref: string): Record<string, unknown> | undefined =>
  entryMap(files).get(ref)?.item;

/**
 * The files with one entry replaced (or added to its kind's file, or removed with `undefined`).
 * Edits go through the YAML document, so comments and layout elsewhere in the file stay.
 */
export function writeEntry(
  files: KnowledgeFiles,
  ref: string,
  entry: Record<string, unknown> | undefined,
): KnowledgeFiles {
  const parsed = parseRef(ref);
  if (!parsed) throw new Error(`unknown ref ${ref}`);
  const file = entryMap(files).get(ref)?.file ?? FILE_OF_KIND[parsed.kind];
  const { doc, items } = itemsOf(file, files.get(file) ?? `${listKey(file)}: []\n`);
  const index = items.findIndex((item) => refOfItem(file, item) === ref);
  const key = listKey(file);
  if (index < 0 && entry === undefined) return files;
  if (index >= 0 && JSON.stringify(items[index]) === JSON.stringify(entry)) return files;
  if (entry === undefined) {
    if (index >= 0) doc.deleteIn([key, index]);
  } else if (index >= 0) {
    patch(doc, [key, index], items[index], entry);
  } else {
    if (!isSeq(doc.get(key, true))) doc.set(key, doc.createNode([]));
    doc.addIn([key], doc.createNode(entry));
  }
  return new Map([...files, [file, doc.toString(KEEP_LAYOUT)]]);
}

/** Untouched lines stay as they were: no folding, `[a, b]` without padding. */
const KEEP_LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets only what changed, so unchanged fields keep their quoting and comments. */
function patch(doc: Document, path: (string | number)[], before: unknown, after: unknown): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const k of Object.keys(before)) if (!(k in after)) doc.deleteIn([...path, k]);
    for (const [k, v] of Object.entries(after)) {
      if (k in before) patch(doc, [...path, k], before[k], v);
      else doc.setIn([...path, k], doc.createNode(v));
    }
  } else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((v, i) => patch(doc, [...path, i], before[i], v));
  } else {
    const node = doc.getIn(path, true);
    // A changed scalar keeps its node, so its quoting stays ("0231 …" stays a quoted string).
    if (isScalar(node) && (after === null || typeof after !== 'object')) node.value = after;
    else doc.setIn(path, doc.createNode(after));
  }
}

/** Entries whose YAML differs between two versions (added, changed or removed). */
export function changedRefs(before: KnowledgeFiles, after: KnowledgeFiles): string[] {
  const serialised = (files: KnowledgeFiles) =>
    new Map([...entryMap(files)].map(([ref, { item }]) => [ref, JSON.stringify(item)]));
  const a = serialised(before);
  const b = serialised(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((ref) => a.get(ref) !== b.get(ref)).sort();
}

export const isEditableKind = (kind: string): kind is EditableKind | EntryKind =>
  (EDITABLE_KINDS as readonly string[]).includes(kind);
