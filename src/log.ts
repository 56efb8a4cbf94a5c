import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one namespace per component (`logger.child({ component: 'store' })`).
 * Nothing a supervisor writes is ever passed to a logger; the redaction below is a second line of
 * defence for secrets and card inputs should one slip into an error object.
 */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: { app: 'peer-coach' },
    redact: {
      paths: [
        'key',
        'password',
        'appPassword',
        '*.key',
        '*.appPassword',
        '*.authorization',
        'headers.authorization',
        'value',
        '*.value',
        'text',
        '*.text',
      ],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
