/**
 * Azure Pipelines reads `##vso[…]` anywhere in a line of a step's output, and `##[…]`, as commands
 * (set a variable, fail the step). Provider text must start none of them from our log or `--json`.
 */
const AZURE_COMMAND = /##(?=vso\[|\[)/gi;

/** A log line with every `##vso[` / `##[` broken up. */
export function withoutCiCommands(line: string): string {
  return line.replace(AZURE_COMMAND, '# #');
}

/**
 * JSON text with the `#` of every `##vso[` / `##[` escaped (`\u0023`): the same JSON to a parser.
 * A `#` is never JSON syntax, and never follows a backslash that escapes it, so only string contents change.
 */
export function jsonWithoutCiCommands(json: string): string {
  return json.replace(AZURE_COMMAND, '\\u0023\\u0023');
}
