/** What the engine and providers may say in the job log; the edge binds it to @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} };

/**
 * One line the runner will not read as a workflow command: provider text (an installer log line, SAP's
 * DeployedBy) could otherwise start a line with `::` and forge an annotation or a mask. Warnings and
 * debug lines are commands already, and @actions/core escapes their text.
 */
export function plainLogLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/^(\s*)::/, '$1: :');
}
