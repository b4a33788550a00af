// The root logger of the ledger's long-running processes (the api, the projector): JSON lines through pino, one
// object per line, the level as a word and the time in UTC (ISO 8601), never local time and never colour codes,
// so a log collector reads the lines as they are.
import pino, { type DestinationStream, type Logger } from 'pino';

export interface JsonLoggerOptions {
  /** Where the lines go: stdout unless told (tests pass a stream they read). */
  destination?: DestinationStream | undefined;
  /** false: nothing is written (the in-process test apps). */
  enabled?: boolean;
}

export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  if (options.enabled === false) return pino({ enabled: false });
  return pino(
    {
      level: 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous writes: a line is out before the process can exit or be killed.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
