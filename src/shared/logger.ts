import pino from 'pino';

/** The one logger. Log ids, intents and timings — never what users typed. Level set from config. */
export const logger = pino({
  level: 'info',
  base: { app: 'schulabsentismus-bot' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
