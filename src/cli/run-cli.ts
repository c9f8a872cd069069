import { AppError } from '../shared/errors';

/** Runs a CLI main; prints AppErrors plainly (they already list every problem) and exits 1. */
export function runCli(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code ?? 0;
    })
    .catch((err: unknown) => {
      process.stderr.write(
        `${err instanceof AppError ? `[${err.code}] ${err.message}` : String(err instanceof Error ? err.stack : err)}\n`,
      );
      process.exitCode = 1;
    });
}
