import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs, one object per line on stdout, for a log collector: ISO time, level name,
 * and the request id (X-Request-Id, set by the proxy) where a request is being served. Passwords
 * and cookies never reach a line.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: { app: 'luoshi' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['password', '*.password', 'cookie', '*.cookie', 'headers.cookie'], censor: '[已隐藏]' },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { luoshiLog?: Logger };
export const log: Logger = (globalForLog.luoshiLog ??= createLogger());
