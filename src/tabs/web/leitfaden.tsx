import { Button, Input, Link, Spinner, Subtitle1, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from './api';
import { CardView, type CardAsk } from './card-view';
import type { EntryView, FormRow, Network, ProcedureStep, SearchView } from './types';

/** The procedure as a flow: the steps in order, what leads where, the Kinderschutz track beside them. */
function Procedure({ steps, open }: { steps: ProcedureStep[]; open: (ref: string) => void }) {
  const title = (ref: string) => steps.find((s) => s.ref === ref)?.title ?? ref;
  const item = (s: ProcedureStep) => (
    <li key={s.ref}>
      <Button appearance={s.track === 'kinderschutz' ? 'primary' : 'secondary'} onClick={() => open(s.ref)}>
        {s.title}
      </Button>
      {s.next.length > 0 && <div className="next">→ {s.next.map(title).join(' · ')}</div>}
    </li>
  );
  return (
    <section aria-labelledby="h-procedure">
      <Subtitle1 as="h2" id="h-procedure">
        Das Verfahren Schritt für Schritt
      </Subtitle1>
      <div className="flow">
        <ol aria-label="Schritte 0 bis 12">{steps.filter((s) => s.track === 'main').map(item)}</ol>
        <ol className="track" aria-label="Kinderschutz – jederzeit vorrangig">
          {steps.filter((s) => s.track === 'kinderschutz').map(item)}
          <li className="next">Gilt bei jedem Schritt: bei Anzeichen einer Gefährdung sofort.</li>
        </ol>
      </div>
    </section>
  );
}

function NetworkGroups({ network, open }: { network: Network; open: (ref: string) => void }) {
  return (
    <section aria-labelledby="h-network">
      <Subtitle1 as="h2" id="h-network">
        Das Dortmunder Netzwerk
      </Subtitle1>
      <div className="groups">
        {network.groups.map((g) => (
          <div key={g.id}>
            <h3>{g.title}</h3>
            <ul>
              {g.agencies.map((a) => (
                <li key={a.ref}>
                  <Link as="button" onClick={() => open(a.ref)}>
                    {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function Forms({ forms, open }: { forms: FormRow[]; open: (ref: string) => void }) {
  return (
    <section aria-labelledby="h-forms">
      <Subtitle1 as="h2" id="h-forms">
        Vordrucke
      </Subtitle1>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Vordruck</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {forms.map((f) => (
            <tr key={f.ref}>
              <td>{f.number}</td>
              <td>
                <Link as="button" onClick={() => open(f.ref)}>
                  {f.title}
                </Link>
              </td>
              <td>
                <Link href={f.download} target="_blank" rel="noopener">
                  Download-Seite
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The search box: the bot's own decision, so the same answer as in chat. */
function Search({
  open,
  onAsk,
  asked,
}: {
  open: (ref: string) => void;
  onAsk: (ask: CardAsk) => void;
  asked?: string;
}) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchView>();
  const [error, setError] = useState('');
  const run = useCallback(async (text: string) => {
    setError('');
    try {
      setResult(await api<SearchView>(`search?q=${encodeURIComponent(text)}`));
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    if (asked) {
      setQ(asked);
      void run(asked);
    }
  }, [asked, run]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(q);
  };
  return (
    <section aria-labelledby="h-search" className="no-print">
      <Subtitle1 as="h2" id="h-search">
        Frage oder Suchbegriff
      </Subtitle1>
      <form onSubmit={submit} className="row" role="search">
        <Input
          aria-label="Frage oder Suchbegriff"
          value={q}
          onChange={(_e, d) => setQ(d.value)}
          placeholder="z. B. Wohin schicke ich die Versäumnisanzeige?"
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" appearance="primary">
          Suchen
        </Button>
      </form>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div aria-live="polite">
          <CardView card={result.card} onAsk={onAsk} />
          {result.results.length > 1 && (
            <p>
              Auch passend:{' '}
              {result.results.slice(1).map((r) => (
                <Link key={r.ref} as="button" onClick={() => open(r.ref)} style={{ marginRight: 12 }}>
                  {r.title}
                </Link>
              ))}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

export function Leitfaden() {
  const [steps, setSteps] = useState<ProcedureStep[]>();
  const [network, setNetwork] = useState<Network>();
  const [forms, setForms] = useState<FormRow[]>();
  const [detail, setDetail] = useState<EntryView>();
  const [asked, setAsked] = useState<string>();
  const [note, setNote] = useState('');
  useEffect(() => {
    void api<{ steps: ProcedureStep[] }>('procedure').then((p) => setSteps(p.steps));
    void api<Network>('network').then(setNetwork);
    void api<{ forms: FormRow[] }>('forms').then((f) => setForms(f.forms));
  }, []);
  const show = useCallback((path: string) => {
    setNote('');
    void api<EntryView>(path).then((view) => {
      setDetail(view);
      requestAnimationFrame(() => document.getElementById('detail')?.focus());
    });
  }, []);
  const open = useCallback((ref: string) => show(`entry?ref=${encodeURIComponent(ref)}`), [show]);
  /** The card's buttons do here what they do in chat; the guided dialog lives in the chat. */
  const onAsk = useCallback(
    (ask: CardAsk) => {
      if (ask.verb === 'show') open(ask.ref);
      else if (ask.verb === 'followup')
        show(`follow-up?ref=${encodeURIComponent(ask.ref)}&what=${encodeURIComponent(ask.what)}`);
      else if (ask.verb === 'ask') setAsked(ask.q);
      else setNote('Der geführte Dialog läuft im Chat mit dem Bot: dort „Was tun?“ schreiben.');
    },
    [open, show],
  );
  return (
    <main className="page">
      <div className="row">
        <Title2 as="h1" style={{ flex: 1 }}>
          Leitfaden „Schulabsentismus wirksam begegnen“
        </Title2>
        <Button className="no-print" onClick={() => window.print()}>
          Drucken (A4)
        </Button>
      </div>
      <Search open={open} onAsk={onAsk} asked={asked} />
      {note && <p role="status">{note}</p>}
      {detail && (
        <section id="detail" tabIndex={-1} aria-labelledby="h-detail">
          <Subtitle1 as="h2" id="h-detail">
            {detail.title}
          </Subtitle1>
          <CardView card={detail.card} onAsk={onAsk} />
          <Button className="no-print" onClick={() => setDetail(undefined)}>
            Schließen
          </Button>
        </section>
      )}
      {steps ? <Procedure steps={steps} open={open} /> : <Spinner label="Lädt …" />}
      {network && <NetworkGroups network={network} open={open} />}
      {forms && <Forms forms={forms} open={open} />}
    </main>
  );
}
