import pino, { type DestinationStream, type Logger } from 'pino';

// JSON lines on stdout. Secrets never reach a log line: bodies are not logged, and these paths are
// redacted where they would appear in an object we do log.
export function createLogger({ level, name = 'vigil', destination }: { level: string; name?: string; destination?: DestinationStream }): Logger {
  const options = {
    name,
    level,
    // Explicit paths only: wildcard paths make pino walk every logged object on every line.
    redact: {
      paths: ['password', 'newPassword', 'currentPassword', 'oneTimePassword', 'token', 'secret', 'recoveryCodes', 'databaseUrl',
        'headers.cookie', 'headers.authorization', 'req.headers.cookie', 'req.headers.authorization', 'body.password', 'input.password'],
      censor: '[redacted]',
    },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
