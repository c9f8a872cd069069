import { metrics, type Attributes } from '@opentelemetry/api';
import type { Logger } from '../shared/logger';

/**
 * What the operator sees in Azure Monitor. Only fixed vocabularies go in – routes, status codes, outcome kinds,
 * entry refs – never what users type, never names or ids.
 */
export interface Telemetry {
  /** One HTTP request: the route pattern (not the URL, whose query may hold a search), status, duration. */
  request(route: string, method: string, status: number, ms: number): void;
  /** The anonymous statistics' events (turn outcome by route, guide, news results …), as they are counted. */
  event(kind: string, key: string): void;
  /** One delivery attempt's outcome: ok, throttled (429), transient, gone, failed. */
  deliveryAttempt(outcome: string): void;
  /** An error by where it happened (turn, tab, delivery). */
  error(where: string): void;
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

export const NO_TELEMETRY: Telemetry = {
  request: () => undefined,
  event: () => undefined,
  deliveryAttempt: () => undefined,
  error: () => undefined,
  shutdown: async () => undefined,
};

/** Instruments on the global meter (the Azure Monitor distro registers its provider before this runs). */
export function meterTelemetry(knowledgeVersion: () => number, shutdown: () => Promise<void>): Telemetry {
  const meter = metrics.getMeter('schulabsentismus-bot');
  const duration = meter.createHistogram('http.server.request.duration', { unit: 's' });
  const events = meter.createCounter('bot.events', { description: 'anonymous statistics events by kind and key' });
  const attempts = meter.createCounter('bot.delivery.attempts', {
    description: 'news sends by outcome (429 = throttled)',
  });
  const errors = meter.createCounter('bot.errors');
  meter
    .createObservableGauge('bot.knowledge.version', { description: 'the live knowledge version' })
    .addCallback((result) => result.observe(knowledgeVersion()));
  const add = (counter: { add(n: number, a: Attributes): void }, attributes: Attributes) => counter.add(1, attributes);
  return {
    request: (route, method, status, ms) =>
      duration.record(ms / 1000, {
        'http.route': route,
        'http.request.method': method,
        'http.response.status_code': status,
      }),
    event: (kind, key) => add(events, { kind, key }),
    deliveryAttempt: (outcome) => add(attempts, { outcome }),
    error: (where) => add(errors, { where }),
    shutdown,
  };
}

/**
 * Azure Monitor (the OpenTelemetry distro Microsoft recommends for Node.js, @azure/monitor-opentelemetry) when a
 * connection string is set; otherwise nothing is loaded and every call is a no-op. Automatic HTTP and SDK
 * instrumentation stay off: spans would carry full URLs (a tab search's query) and our own metrics say enough.
 */
export async function startTelemetry(opts: {
  connectionString: string | undefined;
  knowledgeVersion: () => number;
  logger: Logger;
}): Promise<Telemetry> {
  if (!opts.connectionString) return NO_TELEMETRY;
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED ??= 'true'; // no SDK usage reports to Microsoft
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  const off = { enabled: false };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: opts.connectionString, disableOfflineStorage: true },
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    enablePerformanceCounters: false,
    instrumentationOptions: {
      http: off,
      azureSdk: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      bunyan: off,
      winston: off,
      console: off,
    },
  });
  opts.logger.info({ intent: 'telemetry' }, 'telemetry to Azure Monitor on');
  return meterTelemetry(opts.knowledgeVersion, shutdownAzureMonitor);
}
