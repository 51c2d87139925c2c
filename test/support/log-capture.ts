import { configureLogging } from '../../server/logging/logger.js';
import type { LogLevel } from '../../server/config.js';

/** The lines the process's logger writes while a capture runs. */
export interface LogCapture {
  /** Every line so far, parsed. */
  lines(): Record<string, any>[];
  /** Every line so far, as written (JSON, one per line). */
  text(): string;
  /** Stops capturing and restores the logger's level and destination. */
  stop(): void;
}

/**
 * Captures what the process's logger (and its children, the request logger among them) writes
 * from now on, still writing it where it went before (the run's log file), at `level` or more severe.
 */
export function captureLogs(level: LogLevel = 'info'): LogCapture {
  const written: string[] = [];
  const previous = configureLogging({
    level,
    destination: {
      write(line: string) {
        written.push(line);
        previous.destination.write(line);
      },
    },
  });
  return {
    lines: () => written.map((line) => JSON.parse(line) as Record<string, any>),
    text: () => written.join(''),
    stop: () => void configureLogging(previous),
  };
}
