import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { Statistics } from './types';

Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const COLOURS = ['#0f6cbd', '#a4262c', '#107c10', '#8764b8', '#ca5010', '#038387', '#5c2e91', '#986f0b'];

/** Charts of the weekly figures; numbers under 5 are not plotted and read "< 5" in the table. */
export function StatisticsPanel({ stats }: { stats: Statistics }) {
  return (
    <section aria-labelledby="h-stats">
      <h2 id="h-stats">Statistik</h2>
      <p>{stats.privacy}</p>
      {stats.tables.map((table) => (
        <div key={table.title}>
          <h3>{table.title}</h3>
          <div style={{ maxWidth: 720 }} className="no-print">
            <Bar
              aria-label={`Diagramm: ${table.title}`}
              role="img"
              data={{
                labels: stats.weeks,
                datasets: table.lines.map((line, i) => ({
                  label: line.name,
                  data: line.values.map((v) => v.n),
                  backgroundColor: COLOURS[i % COLOURS.length],
                })),
              }}
              options={{ responsive: true, plugins: { legend: { position: 'bottom' } } }}
            />
          </div>
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{table.title}</th>
                {stats.weeks.map((w) => (
                  <th scope="col" key={w}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.lines.map((line) => (
                <tr key={line.name}>
                  <th scope="row">{line.name}</th>
                  {line.values.map((v, i) => (
                    <td key={i}>{v.shown}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>Meistgenutzte Einträge</h3>
      <ul>
        {stats.top.map((t) => (
          <li key={t.ref}>
            {t.title}: {t.shown}
          </li>
        ))}
      </ul>
    </section>
  );
}
