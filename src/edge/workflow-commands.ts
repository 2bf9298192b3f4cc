/**
 * Text the GitHub runner will not read as a workflow command. The runner parses a line that starts with
 * `::`, and the legacy `##[command]` anywhere in a line (`##[add-mask]`, `##[error]`, `##[stop-commands]`…),
 * also inside the text of a `::warning::` or `::debug::` command.
 */
export function withoutLegacyCommands(text: string): string {
  return text.replace(/#(?=#\[)/g, '# ');
}
