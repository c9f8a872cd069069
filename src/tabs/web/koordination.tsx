import { Spinner, Tab, TabList, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { Inbox, NewsPanel } from './coordination-panels';
import { KnowledgePanel } from './knowledge-panel';
import { StatisticsPanel } from './statistics-panel';
import type { Me, Question, SentNews, Statistics } from './types';

type Panel = 'statistik' | 'fragen' | 'neuigkeiten' | 'wissen';

export function Koordination({ me }: { me: Me }) {
  const [panel, setPanel] = useState<Panel>('statistik');
  const [stats, setStats] = useState<Statistics>();
  const [questions, setQuestions] = useState<Question[]>();
  const [news, setNews] = useState<SentNews[]>();
  const [refusal, setRefusal] = useState('');
  const load = useCallback(() => {
    const failed = (err: unknown) => setRefusal(err instanceof ApiError ? err.message : 'Nicht erreichbar.');
    void api<Statistics>('coordination/statistics').then(setStats, failed);
    void api<Question[]>('coordination/questions').then(setQuestions, failed);
    void api<SentNews[]>('coordination/news').then(setNews, failed);
  }, []);
  useEffect(() => (me.coordinator ? load() : undefined), [me.coordinator, load]);
  if (!me.coordinator || refusal)
    return (
      <main className="page">
        <Title2 as="h1">Koordination</Title2>
        <p role="alert">
          {refusal ||
            'Dieser Bereich ist für die Koordination des Netzwerks. Fragen zum Verfahren beantwortet der Tab „Leitfaden“.'}
        </p>
      </main>
    );
  return (
    <main className="page">
      <Title2 as="h1">Koordination</Title2>
      <TabList selectedValue={panel} onTabSelect={(_e, d) => setPanel(d.value as Panel)} className="no-print">
        <Tab value="statistik">Statistik</Tab>
        <Tab value="fragen">
          Fragen an die Fachstelle{questions ? ` (${questions.filter((q) => q.state === 'open').length})` : ''}
        </Tab>
        <Tab value="neuigkeiten">Neuigkeiten</Tab>
        <Tab value="wissen">Wissen</Tab>
      </TabList>
      {panel === 'statistik' && (stats ? <StatisticsPanel stats={stats} /> : <Spinner label="Lädt …" />)}
      {panel === 'fragen' && (questions ? <Inbox questions={questions} reload={load} /> : <Spinner label="Lädt …" />)}
      {panel === 'neuigkeiten' && (news ? <NewsPanel news={news} reload={load} /> : <Spinner label="Lädt …" />)}
      {panel === 'wissen' && <KnowledgePanel />}
    </main>
  );
}
