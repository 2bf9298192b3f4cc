/**
 * Follows the installer's one deploy session across reads: the session id seen first (a different one later
 * means the deploy being waited for was replaced), and the log lines already printed to the job log.
 */
import type { Logger } from '../../core/logger.js';
import type { LogLine, Snapshot } from '../../core/types.js';
import { excerpt } from '../../http/status.js';
import { readDeployStatus } from './mapping.js';

const LOG_LINE_MAX = 1000;
const ERROR_LEVELS = new Set(['error', 'fatal']);

export class DeploySessionWatch {
  private sessionId: string | undefined;
  private readonly printed = new Set<string>();
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  observe(body: unknown): Snapshot {
    const { snapshot, sessionId } = readDeployStatus(body);
    this.printNewLines(snapshot.logs ?? []);
    if (sessionId === undefined) return snapshot;
    if (this.sessionId === undefined) this.sessionId = sessionId;
    if (sessionId === this.sessionId) return snapshot;
    return {
      ...snapshot,
      state: 'failed',
      message: `deploy session replaced: was ${this.sessionId}, now ${sessionId}`,
    };
  }

  /** The installer repeats its whole log on every read: each line is printed once. */
  private printNewLines(lines: LogLine[]): void {
    for (const line of lines) {
      const key = JSON.stringify([line.time ?? '', line.level ?? '', line.message]);
      if (this.printed.has(key)) continue;
      this.printed.add(key);
      // One line per entry, whatever the provider sent: a line of its own could pass for a workflow command.
      const stamp = [line.time, line.level].filter(Boolean).join(' ');
      const text = `installer log: ${stamp ? `${stamp} ` : ''}${excerpt(line.message, LOG_LINE_MAX)}`;
      if (ERROR_LEVELS.has((line.level ?? '').toLowerCase())) this.log.warning(text);
      else this.log.info(text);
    }
  }
}
