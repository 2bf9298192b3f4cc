/** The sticky PR comment: one per provider, targets and job, found again by a hidden marker. */
import type { RunResult } from '../../core/types.js';
import { inlineCode, inlineText } from '../format.js';
import { deployedWhat, pollingFigures, targetTable } from '../sections.js';
import type { RunInfo } from '../types.js';
import { headline } from '../verdicts.js';
import { ganttChart } from '../gantt.js';
import type { GithubRunContext } from './context.js';

/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT_CHARS = 60_000;
const TABLE_ROWS = [30, 10, 3] as const;

export function buildPrComment(result: RunResult, info: RunInfo, context: GithubRunContext, marker: string): string {
  for (const rows of TABLE_ROWS) {
    const body = commentBody(result, info, context, marker, rows);
    if (body.length <= MAX_COMMENT_CHARS) return body;
  }
  return commentBody(result, info, context, marker, 0);
}

function commentBody(
  result: RunResult,
  info: RunInfo,
  context: GithubRunContext,
  marker: string,
  rows: number,
): string {
  const run = context.runUrl ? `[workflow run](${context.runUrl})` : 'workflow run';
  const job = context.job ? ` · job ${inlineCode(context.job)}` : '';
  const footer = `<sub>${pollingFigures(result)} · ${run}${job} · started ${result.startedAt.toISOString()}</sub>`;
  const parts = [
    marker,
    `### ${headline(result, info.allowDegraded)}`,
    info.endpoint || info.ids.length > 0 ? deployedWhat(info) : '',
    result.targets.length === 0 && result.message ? `> ${inlineText(result.message, 500)}` : '',
    result.targets.length > 0 && rows > 0 ? targetTable(result, rows) : '',
    rows === TABLE_ROWS[0] ? ganttChart(result) : '',
    footer,
  ];
  return parts.filter(Boolean).join('\n\n') + '\n';
}

export interface ExistingComment {
  id: number;
  body?: string | null;
}

/**
 * The comment this action wrote before for the same key: its body starts with the marker
 * (a reply quoting it starts with `>`, and is left alone).
 */
export function findStickyComment(comments: readonly ExistingComment[], marker: string): number | undefined {
  return comments.find((comment) => comment.body?.startsWith(marker))?.id;
}

export interface PullRequestSummary {
  number: number;
  state?: string;
  head?: { sha?: string };
}

/** For a push: the open pull request whose head is this commit, else any open one containing it. */
export function pickPullRequest(pulls: readonly PullRequestSummary[], sha: string): number | undefined {
  const open = pulls.filter((pull) => pull.state === undefined || pull.state === 'open');
  return (open.find((pull) => pull.head?.sha === sha) ?? open[0])?.number;
}
