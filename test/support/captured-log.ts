import pino from 'pino';
import { Logger } from '../../src/log';

/** a logger at `level` and the lines it writes, each without its newline, for a test to read */
export function capturedLog(level: pino.LevelWithSilent): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level }, { write: (line: string) => void lines.push(line.trimEnd()) }), lines };
}
