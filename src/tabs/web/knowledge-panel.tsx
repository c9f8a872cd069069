import { Badge, Button, Input, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { headers } from './api';
import { CardView } from './card-view';
import { SchemaForm, type FieldProblems, type JsonSchema } from './schema-form';

interface Listed {
  ref: string;
  kind: string;
  title: string;
}
interface Problem {
  ref: string;
  field?: string;
  message: string;
}
interface EntryDiff {
  ref: string;
  change: string;
  patch: string;
}
interface Draft {
  version: number;
  changes: { ref: string; author: string; at: number; removed?: boolean }[];
  imported?: { author: string; at: number };
  requested?: { by: string; at: number };
  diff: EntryDiff[];
}
interface Version {
  version: number;
  author: string;
  at: number;
  summary: string;
  approvedBy?: string;
}
interface Preview {
  cards: { ref: string; title: string; card: object }[];
  asked: number;
  changed: number;
  changes: { q: string; before: string; after: string; expect?: string[] }[];
}

const KIND_TITLES: Record<string, string> = {
  step: 'Schritt',
  agency: 'Akteur',
  form: 'Formular',
  topic: 'Thema',
  offering: 'Angebot',
  node: 'Dialog',
};
const date = (ms: number) => new Date(ms).toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' });

/** The knowledge API with its status (a 422 carries the problems the coordinator must see). */
async function call<T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`/api/tab/knowledge/${path}`, {
    method,
    headers: { ...(await headers()), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

/** Bytes to base64 in chunks (one spread of a whole zip exceeds the argument limit). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const saveLink = (blob: Blob, name: string) => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
};

/** Wissen: edit entries in forms from the schema, check, preview, publish (or approve), roll back, export, import. */
export function KnowledgePanel() {
  const [entries, setEntries] = useState<Listed[]>();
  const [schemas, setSchemas] = useState<Record<string, JsonSchema>>({});
  const [approval, setApproval] = useState(false);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string>();
  const [value, setValue] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [draft, setDraft] = useState<Draft>();
  const [versions, setVersions] = useState<Version[]>([]);
  const [preview, setPreview] = useState<Preview | 'loading'>();
  const [shownDiff, setShownDiff] = useState<{ version: number; diff: EntryDiff[] }>();
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    const [list, d, v] = await Promise.all([
      call<Listed[]>('entries'),
      call<Draft>('draft'),
      call<Version[]>('versions'),
    ]);
    setEntries(list.body);
    setDraft(d.body);
    setVersions(v.body);
  }, []);
  useEffect(() => {
    void call<{ kinds: Record<string, JsonSchema>; approval: boolean }>('schema').then((r) => {
      setSchemas(r.body.kinds);
      setApproval(r.body.approval);
    });
    void reload();
  }, [reload]);

  const open = async (ref: string) => {
    setSelected(ref);
    setProblems([]);
    setValue((await call<unknown>(`entries/${ref}`)).body);
  };
  const save = async () => {
    if (!selected) return;
    const res = await call<{ problems?: Problem[]; error?: string }>(`draft/${selected}`, 'PUT', value);
    setProblems(res.body.problems ?? []);
    setMessage(res.status === 200 ? `${selected} im Entwurf gespeichert.` : (res.body.error ?? `Fehler ${res.status}`));
    setPreview(undefined);
    await reload();
  };
  const act = async (path: string, method: string, done: (body: Record<string, unknown>) => string) => {
    const res = await call<Record<string, unknown> & { error?: string; problems?: Problem[] }>(path, method);
    setMessage(res.status < 300 ? done(res.body) : (res.body.error ?? `Fehler ${res.status}`));
    if (res.body.problems) setProblems(res.body.problems);
    setPreview(undefined);
    await reload();
  };
  const showPreview = async () => {
    setPreview('loading');
    const res = await call<Preview & { error?: string }>('preview');
    if (res.status === 200) setPreview(res.body);
    else {
      setPreview(undefined);
      setMessage(res.body.error ?? `Fehler ${res.status}`);
    }
  };
  const exportZip = async () => {
    const res = await fetch('/api/tab/knowledge/export', { headers: await headers() });
    saveLink(await res.blob(), `knowledge-v${draft?.version ?? ''}.zip`);
  };
  const importFiles = async (list: FileList | null) => {
    if (!list?.length) return;
    const first = list[0]!;
    const body = first.name.endsWith('.zip')
      ? { zip: base64(new Uint8Array(await first.arrayBuffer())) }
      : { files: Object.fromEntries(await Promise.all([...list].map(async (f) => [f.name, await f.text()]))) };
    const res = await call<{ problems?: Problem[]; error?: string }>('import', 'POST', body);
    setProblems(res.body.problems ?? []);
    setMessage(res.status === 200 ? 'Import als Entwurf übernommen.' : (res.body.error ?? `Fehler ${res.status}`));
    await reload();
  };

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (entries ?? []).filter((e) => !q || `${e.ref} ${e.title}`.toLowerCase().includes(q));
  }, [entries, filter]);
  const fieldProblems: FieldProblems = Object.fromEntries(
    problems.filter((p) => p.ref === selected && p.field).map((p) => [p.field!, p.message]),
  );
  const kind = selected?.split(':')[0] ?? '';
  if (!entries) return <Spinner label="Lädt …" />;

  return (
    <section aria-labelledby="h-knowledge">
      <h2 id="h-knowledge">Wissen</h2>
      <p role="status">{message}</p>
      <div className="knowledge">
        <nav aria-label="Einträge" className="knowledge-list">
          <Input
            aria-label="Einträge filtern"
            placeholder="Filtern …"
            value={filter}
            onChange={(_e, d) => setFilter(d.value)}
          />
          <ul>
            {shown.map((e) => (
              <li key={e.ref}>
                <Button appearance={e.ref === selected ? 'primary' : 'subtle'} onClick={() => void open(e.ref)}>
                  {KIND_TITLES[e.kind] ?? e.kind}: {e.title}
                </Button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="knowledge-edit">
          {selected && value !== undefined && schemas[kind] ? (
            <form
              aria-label={`Eintrag ${selected} bearbeiten`}
              onSubmit={(ev) => {
                ev.preventDefault();
                void save();
              }}
            >
              <h3>{selected}</h3>
              <SchemaForm schema={schemas[kind]!} value={value} onChange={setValue} problems={fieldProblems} />
              <div className="row">
                <Button appearance="primary" type="submit">
                  Im Entwurf speichern
                </Button>
                <Button onClick={() => void open(selected)}>Verwerfen</Button>
                <Button
                  onClick={() => void act(`draft/${selected}`, 'DELETE', () => `${selected} im Entwurf entfernt.`)}
                >
                  Eintrag entfernen
                </Button>
              </div>
            </form>
          ) : (
            <p>Einen Eintrag links wählen.</p>
          )}
          {problems.length > 0 && (
            <div role="alert" className="problems">
              <h3>Prüfung: {problems.length} Problem(e)</h3>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.ref}
                    {p.field ? `, Feld „${p.field}“` : ''}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>

      <h3>Entwurf</h3>
      {draft && draft.changes.length === 0 && !draft.imported ? (
        <p>Kein Entwurf. Es gilt Version {draft.version}.</p>
      ) : (
        draft && (
          <>
            <p>
              Auf Basis von Version {draft.version}: {draft.diff.length} Änderung(en)
              {draft.imported ? ` (Import vom ${date(draft.imported.at)})` : ''}.
              {draft.requested && <Badge appearance="tint">Freigabe angefragt am {date(draft.requested.at)}</Badge>}
            </p>
            {draft.diff.map((d) => (
              <details key={d.ref}>
                <summary>
                  {d.ref} ({d.change === 'added' ? 'neu' : d.change === 'removed' ? 'entfernt' : 'geändert'})
                </summary>
                <pre className="diff">{d.patch}</pre>
              </details>
            ))}
            <div className="row">
              <Button onClick={() => void showPreview()}>Vorschau</Button>
              {approval && draft.requested ? (
                <Button
                  appearance="primary"
                  onClick={() => void act('approve', 'POST', (b) => `Freigegeben: Version ${String(b.version)}.`)}
                >
                  Freigeben und veröffentlichen
                </Button>
              ) : (
                <Button
                  appearance="primary"
                  onClick={() =>
                    void act('publish', 'POST', (b) =>
                      b.requested
                        ? 'Freigabe angefragt: eine zweite Koordination gibt frei.'
                        : `Veröffentlicht: Version ${String(b.version)}.`,
                    )
                  }
                >
                  {approval ? 'Zur Freigabe geben' : 'Veröffentlichen'}
                </Button>
              )}
              <Button onClick={() => void act('draft', 'DELETE', () => 'Entwurf verworfen.')}>Entwurf verwerfen</Button>
            </div>
          </>
        )
      )}
      {preview === 'loading' && <Spinner label="Vorschau wird berechnet …" />}
      {preview && preview !== 'loading' && (
        <div className="preview">
          <h3>Vorschau: so sehen Lehrkräfte die geänderten Einträge</h3>
          {preview.cards.map((c) => (
            <CardView key={c.ref} card={c.card} onAsk={() => undefined} />
          ))}
          <h3>
            Andere Antworten: {preview.changed} von {preview.asked} Prüffragen
          </h3>
          {preview.changed > 0 && (
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">Frage</th>
                  <th scope="col">bisher</th>
                  <th scope="col">mit dem Entwurf</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.q}>
                    <td>{c.q}</td>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      <h3>Versionen</h3>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Wann</th>
            <th scope="col">Wer</th>
            <th scope="col">Was</th>
            <th scope="col">Aktionen</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{date(v.at)}</td>
              <td>
                {v.author === 'repository' ? 'Repository (knowledge/)' : v.author}
                {v.approvedBy ? `, freigegeben von ${v.approvedBy}` : ''}
              </td>
              <td>{v.summary}</td>
              <td className="row">
                <Button
                  size="small"
                  onClick={() =>
                    void call<{ diff: EntryDiff[] }>(`versions/${v.version}/diff`).then((r) =>
                      setShownDiff({ version: v.version, diff: r.body.diff }),
                    )
                  }
                >
                  Änderungen
                </Button>
                {v.version !== draft?.version && (
                  <Button
                    size="small"
                    onClick={() => {
                      if (window.confirm(`Version ${v.version} wiederherstellen (als neue Version)?`))
                        void act(
                          `rollback/${v.version}`,
                          'POST',
                          (b) => `Version ${v.version} wiederhergestellt als Version ${String(b.version)}.`,
                        );
                    }}
                  >
                    Wiederherstellen
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shownDiff && (
        <div>
          <h3>Änderungen in Version {shownDiff.version}</h3>
          {shownDiff.diff.map((d) => (
            <pre key={d.ref} className="diff">
              {d.patch}
            </pre>
          ))}
        </div>
      )}
      <div className="row">
        <Button onClick={() => void exportZip()}>Als YAML exportieren (ZIP)</Button>
        <label className="import">
          YAML oder ZIP importieren:{' '}
          <input type="file" accept=".yaml,.yml,.zip" multiple onChange={(e) => void importFiles(e.target.files)} />
        </label>
      </div>
    </section>
  );
}
