import { Logger } from '@nestjs/common';

/** Nest closes the app on SIGTERM/SIGINT; should anything hang (Redis away, a stuck connection), the process still ends. */
export function boundShutdown(limitMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        Logger.error(`Shutdown did not finish within ${limitMs} ms; exiting.`, 'interactiewijzer');
        process.exit(1);
      }, limitMs).unref();
    });
  }
}
