// Every test file's server logs (test apps, services run directly) go to this run's log file at
// `info` (LOG_LEVEL to change it), in JSON, never to the console: the suite's output stays its
// own, and the summary reporter checks the whole file for secrets at the end (log-leaks.ts).
import { pino } from 'pino';
import { inject } from 'vitest';
import { logSettingsFromEnv } from '../../server/config.js';
import { configureLogging } from '../../server/logging/logger.js';

configureLogging({
  level: process.env.LOG_LEVEL ? logSettingsFromEnv(process.env).logLevel : 'info',
  destination: pino.destination({ dest: inject('testLogFile'), append: true, sync: true, mkdir: true }),
});
