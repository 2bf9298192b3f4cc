/**
 * The summary's parts for SAP at package scale, each its own section: how many artifacts were left
 * alone as unchanged, the order of a staged deploy; and the endpoints of a flow that succeeded, for its row.
 */
import type { RunResult } from '../core/types.js';
import { firstOf, inlineCode, inlineText, plural } from './format.js';

const MAX_IDS = 20;
const MAX_ENDPOINTS_IN_CELL = 3;

/** `2 artifacts unchanged (that version already started), not deployed again: a, b`; empty when none was skipped. */
export function skippedLine(result: RunResult): string {
  const skipped = result.targets.filter((target) => target.skipped).map((target) => target.id);
  if (skipped.length === 0) return '';
  return `${plural(skipped.length, 'artifact')} unchanged (that version already started), not deployed again: ${idList(skipped)}`;
}

/** The stages of a staged deploy, in the order they ran; empty without stages. */
export function deployOrderSection(result: RunResult): string {
  if (!result.deployOrder || result.deployOrder.length < 2) return '';
  const steps = result.deployOrder.map(
    (stage, index) => `${index + 1}. ${inlineText(stage.name)} (${stage.targets.length}): ${idList(stage.targets)}`,
  );
  return `### Deploy order\n\nEach group was followed to its end before the next was deployed.\n\n${steps.join('\n')}`;
}

/** A flow's endpoint URLs for its row of the verdict table: a few, then how many more the output has. */
export function endpointsCell(urls: readonly string[] | undefined): string {
  const { shown, omitted } = firstOf(urls ?? [], MAX_ENDPOINTS_IN_CELL);
  const more = omitted > 0 ? ` … ${omitted} more in output \`endpoints\`` : '';
  return shown.map((url) => inlineCode(url, 300)).join('<br>') + more;
}

/** `<code>a</code>, <code>b</code> … 3 more` */
function idList(ids: readonly string[]): string {
  const { shown, omitted } = firstOf(ids, MAX_IDS);
  return shown.map((id) => inlineCode(id)).join(', ') + (omitted > 0 ? ` … ${omitted} more` : '');
}
