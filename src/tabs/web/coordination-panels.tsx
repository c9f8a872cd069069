import { Badge, Button, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from './api';
import type { Question, SentNews } from './types';

const STATE_TITLES = { open: 'offen', answered: 'beantwortet', closed: 'geschlossen' } as const;
const date = (ms: number) => new Date(ms).toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' });

/** Fragen an die Fachstelle: answer or close from here (the channel card is updated, the teacher told). */
export function Inbox({ questions, reload }: { questions: Question[]; reload: () => void }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const act = async (id: string, action: 'answer' | 'close') => {
    try {
      const body = action === 'answer' ? { answer: drafts[id] ?? '' } : {};
      const res = await api<{ message: string }>(`coordination/questions/${id}/${action}`, { method: 'POST', body });
      setMessage(res.message);
      reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="h-inbox">
      <h2 id="h-inbox">Fragen an die Fachstelle</h2>
      <p role="status">{message}</p>
      {questions.length === 0 && <p>Keine Fragen.</p>}
      {questions.map((q) => (
        <article key={q.id} className="question" aria-label={`Frage vom ${date(q.createdAt)}`}>
          <div className="row">
            <Badge appearance="tint">{STATE_TITLES[q.state]}</Badge>
            <span>
              {q.topicTitle} · {date(q.createdAt)}
              {q.replyTo ? ` · Antwort an ${q.replyTo}` : ' · anonym'}
            </span>
          </div>
          <p>{q.text}</p>
          {q.answer && <p>Antwort: {q.answer}</p>}
          {q.state === 'open' && (
            <div className="row">
              <Textarea
                aria-label="Antwort"
                value={drafts[q.id] ?? ''}
                onChange={(_e, d) => setDrafts({ ...drafts, [q.id]: d.value })}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Button appearance="primary" onClick={() => void act(q.id, 'answer')}>
                Antworten
              </Button>
              <Button onClick={() => void act(q.id, 'close')}>Schließen</Button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

async function downloadCsv(id: string) {
  const csv = await api<string>(`coordination/news/${id}/report.csv`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  link.download = `zustellbericht-${id}.csv`;
  link.click();
}

/** Neuigkeiten: what was sent, how far it got, recall and the report as CSV. */
export function NewsPanel({ news, reload }: { news: SentNews[]; reload: () => void }) {
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<{ id: string; title: string; text: string }>();
  const correct = async () => {
    if (!editing) return;
    const { id, ...fields } = editing;
    try {
      const res = await api<{ messages: string[] }>(`coordination/news/${id}/correct`, {
        method: 'POST',
        body: fields,
      });
      setMessage(res.messages.join(' '));
      setEditing(undefined);
      reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const [moving, setMoving] = useState<{ id: string; date: string; time: string }>();
  const step = async (id: string, action: string, body: Record<string, string> = {}) => {
    try {
      const res = await api<{ messages: string[] }>(`coordination/news/${id}/${action}`, { method: 'POST', body });
      setMessage(res.messages.join(' '));
      reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const reschedule = (id: string) => setMoving({ id, date: '', time: '' });
  const recall = async (id: string) => {
    if (!window.confirm('Diese Nachricht bei allen Empfängern zurückrufen?')) return;
    const res = await api<{ messages: string[] }>(`coordination/news/${id}/recall`, { method: 'POST', body: {} });
    setMessage(res.messages.join(' '));
    reload();
  };
  return (
    <section aria-labelledby="h-news">
      <h2 id="h-news">Neuigkeiten</h2>
      <p role="status">{message}</p>
      {news.length === 0 && <p>Noch nichts gesendet.</p>}
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Nachricht</th>
            <th scope="col">Stand</th>
            <th scope="col">Zugestellt / gesamt</th>
            <th scope="col">Offen</th>
            <th scope="col">Fehler</th>
            <th scope="col">Zur Kenntnis genommen</th>
            <th scope="col">Aktionen</th>
          </tr>
        </thead>
        <tbody>
          {news.map((n) => (
            <tr key={n.id}>
              <td>
                {n.title} ({date(n.createdAt)})
              </td>
              <td>
                {statusText(n)}
                {n.approvedBy && <div className="hint">freigegeben von {n.approvedBy.id}</div>}
              </td>
              <td>
                {n.report.sent} / {n.report.total}
              </td>
              <td>{n.report.pending}</td>
              <td>{n.report.failed + n.report.removed - (n.report.reasons?.cancelled ?? 0)}</td>
              <td>{n.acknowledge ? n.acknowledged : '–'}</td>
              <td className="row">
                <Button size="small" onClick={() => void downloadCsv(n.id)}>
                  Bericht als CSV
                </Button>
                {n.status === 'awaiting-approval' && (
                  <Button size="small" onClick={() => void step(n.id, 'approve')}>
                    Freigeben
                  </Button>
                )}
                {(n.status === 'awaiting-approval' || n.status === 'scheduled') && (
                  <Button size="small" onClick={() => reschedule(n.id)}>
                    Zeitpunkt ändern
                  </Button>
                )}
                {n.status === 'sending' && n.report.pending > 0 && (
                  <Button size="small" onClick={() => void step(n.id, 'pause')}>
                    Anhalten
                  </Button>
                )}
                {n.status === 'paused' && (
                  <Button size="small" onClick={() => void step(n.id, 'resume')}>
                    Fortsetzen
                  </Button>
                )}
                {['awaiting-approval', 'scheduled', 'sending', 'paused'].includes(n.status) &&
                  !(n.status === 'sending' && n.report.pending === 0) && (
                    <Button size="small" onClick={() => void step(n.id, 'cancel')}>
                      Abbrechen
                    </Button>
                  )}
                {n.status !== 'recalled' && (
                  <>
                    <Button size="small" onClick={() => setEditing({ id: n.id, title: n.title, text: '' })}>
                      Korrigieren
                    </Button>
                    <Button size="small" onClick={() => void recall(n.id)}>
                      Zurückrufen
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {moving && (
        <form
          className="question"
          aria-label="Neuer Zeitpunkt"
          onSubmit={(e) => {
            e.preventDefault();
            void step(moving.id, 'schedule', { date: moving.date, time: moving.time });
            setMoving(undefined);
          }}
        >
          <p>Neuer Zeitpunkt, Dortmunder Zeit:</p>
          <div className="row">
            <Input
              type="date"
              aria-label="Datum"
              value={moving.date}
              onChange={(_e, d) => setMoving({ ...moving, date: d.value })}
            />
            <Input
              type="time"
              aria-label="Uhrzeit"
              value={moving.time}
              onChange={(_e, d) => setMoving({ ...moving, time: d.value })}
            />
          </div>
          <div className="row">
            <Button type="submit" appearance="primary">
              Zeitpunkt ändern
            </Button>
            <Button onClick={() => setMoving(undefined)}>Abbrechen</Button>
          </div>
        </form>
      )}
      {editing && (
        <form
          className="question"
          aria-label="Korrektur"
          onSubmit={(e) => {
            e.preventDefault();
            void correct();
          }}
        >
          <p>Die Korrektur ersetzt die Nachricht bei allen, die sie erhalten haben.</p>
          <Input
            aria-label="Titel"
            value={editing.title}
            onChange={(_e, d) => setEditing({ ...editing, title: d.value })}
          />
          <Textarea
            aria-label="Text"
            value={editing.text}
            onChange={(_e, d) => setEditing({ ...editing, text: d.value })}
          />
          <div className="row">
            <Button type="submit" appearance="primary">
              Korrektur senden
            </Button>
            <Button onClick={() => setEditing(undefined)}>Abbrechen</Button>
          </div>
        </form>
      )}
    </section>
  );
}

const STATUS: Record<string, string> = {
  'awaiting-approval': 'wartet auf Freigabe',
  scheduled: 'geplant',
  paused: 'angehalten',
  cancelled: 'abgebrochen',
  recalled: 'zurückgerufen',
};

/** The state in words; a planned time on Dortmund's clock. */
function statusText(n: SentNews): string {
  const when = n.sendAt
    ? ` für ${new Date(n.sendAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' })}`
    : '';
  if (n.status === 'awaiting-approval' || n.status === 'scheduled') return `${STATUS[n.status]}${when}`;
  return STATUS[n.status] ?? (n.report.pending > 0 ? 'wird gesendet' : 'fertig');
}
