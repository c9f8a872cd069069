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

/** Every environment variable the bot reads, validated once. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    KNOWLEDGE_DIR: z.string().default('knowledge'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EVAL_DEV_SET: z.string().default('../shared/eval/dev.jsonl'),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_ID) {
      for (const key of ['BOT_PASSWORD', 'BOT_TENANT_ID'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} ist Pflicht, wenn BOT_ID gesetzt ist` });
      }
    }
  });

export type Config = Readonly<
  Omit<z.infer<typeof EnvSchema>, 'KNOWLEDGE_DIR' | 'EVAL_DEV_SET'> & {
    knowledgeDir: string;
    evalDevSet: string;
    /** No BOT_ID: requests are not authenticated (development only). */
    localMode: boolean;
  }
>;

/** The only reader of process.env. Lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppError(
      'CONFIG_INVALID',
      'Konfiguration ungültig',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const { KNOWLEDGE_DIR, EVAL_DEV_SET, ...rest } = parsed.data;
  return Object.freeze({
    ...rest,
    knowledgeDir: resolve(PROJECT_ROOT, KNOWLEDGE_DIR),
    evalDevSet: resolve(PROJECT_ROOT, EVAL_DEV_SET),
    localMode: !rest.BOT_ID,
  });
}
