import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './shared/errors';

/** The project root: one level above src/ (tsx) or dist/ (built). */
export const PROJECT_ROOT = resolve(__dirname, '..');

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** "a, b,c" → ["a", "b", "c"] */
const commaList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Every environment variable the bot reads, validated once. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Default: 127.0.0.1 in local mode (nothing is authenticated there), else 0.0.0.0. */
  HOST: optionalText,
  /** The public host name of the bot and its tabs (tab sign-in audience api://<BOT_DOMAIN>/<BOT_ID>). */
  BOT_DOMAIN: optionalText,
  BOT_ID: optionalText,
  /** SingleTenant: app registration + client secret; UserAssignedMSI: BOT_ID is the managed identity's client id, no secret. */
  BOT_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_PASSWORD: optionalText,
  /**
   * The Entra app registration the tabs' sign-in token is for (audience api://<BOT_DOMAIN>/<TAB_APP_ID>); default
   * BOT_ID. Needed with UserAssignedMSI: a managed identity cannot expose an API. No secret: tokens are only checked.
   */
  TAB_APP_ID: optionalText,
  BOT_TENANT_ID: optionalText,
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EVAL_DEV_SET: z.string().default('../shared/eval/dev.jsonl'),
  STORAGE: z.enum(['sqlite', 'azure']).default('sqlite'),
  DATA_DIR: z.string().default('data'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(/^[a-z0-9-]{3,63}$/)
    .default('schulabsentismus'),
  AZURE_STORAGE_QUEUE: z
    .string()
    .regex(/^[a-z0-9-]{3,63}$/)
    .default('schulabsentismus-deliveries'),
  /** Entra object ids of the coordinators, comma-separated. */
  COORDINATOR_IDS: commaList,
  /** Optional topic limits: "objectId=fortbildungen|angebote;otherId=netzwerk". */
  COORDINATOR_TOPICS: z.string().default(''),
  /** Teams limits per bot and conversation / per app and tenant (Microsoft's published numbers). */
  SEND_PER_CONVERSATION_PER_SECOND: z.coerce.number().int().min(1).default(7),
  SEND_PER_TENANT_PER_SECOND: z.coerce.number().int().min(1).default(50),
  /** Entra tenant ids whose activities are served (comma-separated); default: BOT_TENANT_ID, or all in local mode. */
  ALLOWED_TENANT_IDS: commaList,
  /** Days after which questions forwarded to the Fachstelle (and their answers) are deleted. */
  FORWARDED_QUESTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Messages per user and minute before the bot asks to slow down. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Only for offline tests or sovereign clouds: where the channel's signing keys are published. */
  BOT_OPENID_METADATA_URL: optionalText,
  BOT_TOKEN_ISSUER: optionalText,
  /** Only for offline tests or sovereign clouds: where Entra publishes the keys of tab sign-in tokens. */
  TAB_KEYS_URL: optionalText,
  /** Four-eyes rule for knowledge edits: a second coordinator approves before publishing. */
  KNOWLEDGE_APPROVAL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Azure Monitor (Application Insights): metrics of requests, turns, news and errors; unset = telemetry off. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  /** Four-eyes rule for news: a second coordinator approves before a broadcast goes out. */
  BROADCAST_APPROVAL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** How often each instance looks for a newly published knowledge version. */
  KNOWLEDGE_POLL_SECONDS: z.coerce.number().min(0.05).max(30).default(10),
  /** Questions the knowledge preview answers with the draft and the live version (JSONL as in tests/eval). */
  KNOWLEDGE_PREVIEW_SET: z.string().default('tests/eval/project.jsonl'),
});

const filled = (v: string | undefined) => typeof v === 'string' && v.trim() !== '';

/** Rules across variables, checked on the raw values so they are reported together with field errors. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !filled(env.BOT_ID)) {
    problems.push('BOT_ID: ist in Produktion Pflicht (NODE_ENV=production): ohne Zugangsdaten startet der Bot nicht');
  }
  if (env.STORAGE === 'azure' && !filled(env.AZURE_STORAGE_CONNECTION_STRING)) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING: ist Pflicht, wenn STORAGE=azure');
  }
  if (filled(env.BOT_ID)) {
    const msi = env.BOT_TYPE === 'UserAssignedMSI';
    for (const key of msi ? ['BOT_TENANT_ID'] : ['BOT_PASSWORD', 'BOT_TENANT_ID'])
      if (!filled(env[key])) problems.push(`${key}: ist Pflicht, wenn BOT_ID gesetzt ist`);
    if (msi && filled(env.BOT_PASSWORD))
      problems.push(
        'BOT_PASSWORD: bleibt bei BOT_TYPE=UserAssignedMSI leer (die verwaltete Identität braucht kein Geheimnis)',
      );
  }
  return problems;
}

export type Config = Readonly<
  Omit<z.infer<typeof EnvSchema>, 'KNOWLEDGE_DIR' | 'EVAL_DEV_SET' | 'DATA_DIR' | 'HOST' | 'KNOWLEDGE_PREVIEW_SET'> & {
    knowledgePreviewSet: string;
    HOST: string;
    knowledgeDir: string;
    evalDevSet: string;
    dataDir: string;
    /** No BOT_ID: requests are not authenticated (development only). */
    localMode: boolean;
    /** Tenants served; empty = all (local mode). */
    allowedTenants: readonly string[];
  }
>;

/** The only reader of process.env. Lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length) throw new AppError('CONFIG_INVALID', 'Konfiguration ungültig', problems);
  const { KNOWLEDGE_DIR, EVAL_DEV_SET, DATA_DIR, HOST, KNOWLEDGE_PREVIEW_SET, ...rest } = parsed.data;
  return Object.freeze({
    ...rest,
    HOST: HOST ?? (rest.BOT_ID ? '0.0.0.0' : '127.0.0.1'),
    knowledgeDir: resolve(PROJECT_ROOT, KNOWLEDGE_DIR),
    evalDevSet: resolve(PROJECT_ROOT, EVAL_DEV_SET),
    knowledgePreviewSet: resolve(PROJECT_ROOT, KNOWLEDGE_PREVIEW_SET),
    dataDir: resolve(PROJECT_ROOT, DATA_DIR),
    localMode: !rest.BOT_ID,
    allowedTenants: rest.ALLOWED_TENANT_IDS.length
      ? rest.ALLOWED_TENANT_IDS
      : rest.BOT_TENANT_ID
        ? [rest.BOT_TENANT_ID]
        : [],
  });
}
