/** Error codes the operator sees in logs and start-up output. */
export type ErrorCode =
  | 'KNOWLEDGE_INVALID'
  | 'CONFIG_INVALID'
  | 'PAYLOAD_INVALID'
  | 'INPUT_REJECTED'
  | 'STORAGE_INVALID';

/** The one application error: a code and a sentence naming the offending item. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length > 0 ? `${message}\n${details.map((d) => `  - ${d}`).join('\n')}` : message);
    this.name = 'AppError';
  }
}
