/**
 * What Flow Framework clusters answer beyond the happy path, 2.12 to 3.x (SPEC "What real clusters
 * answer"): which refusals of `_provision` are no failure, which 404 is no missing workflow, and which
 * 403 is no credentials problem. Pure.
 */
import { HttpError } from '../../http/errors.js';
import { assertNotHtml, bodyDetail, jsonErrorText, responseError } from '../../http/status.js';
import type { HttpResponse } from '../../http/types.js';

/** The Flow Framework's workflow API, below the cluster's URL. */
export const WORKFLOW_API = '/_plugins/_flow_framework/workflow';

/**
 * Why `_provision` was refused with 400, when it is for the workflow's state rather than the request:
 * `done` (2.12–2.13 "already been provisioned", 2.14+ state DONE or IN_PROGRESS), `failed` (an earlier run
 * failed: it must be deprovisioned first), `unknown` (its state could not be read, often transient).
 */
export type ProvisionRefusal = 'done' | 'failed' | 'unknown';

const STATE_REFUSAL = /provisioning state is (\w+) and can ?not be provisioned/i;
const ALREADY_PROVISIONED = /has already been provisioned|already provisioned/i;

export function provisionRefusal(response: HttpResponse): ProvisionRefusal | undefined {
  if (response.status !== 400) return undefined;
  const text = jsonErrorText(response.body) ?? '';
  const state = STATE_REFUSAL.exec(text)?.[1]?.toUpperCase();
  if (state === 'FAILED') return 'failed';
  if (state === 'UNKNOWN') return 'unknown';
  if (state !== undefined || ALREADY_PROVISIONED.test(text)) return 'done';
  return undefined;
}

/**
 * A 404 `Failed to get workflow status of: <id>` is the state index not answering (no shard, a cluster
 * block), not a missing workflow: worth another read. Only `Fail to find workflow status of …` is not_found.
 */
export function stateIndexUnavailable(response: HttpResponse, context: string): HttpError | undefined {
  if (response.status !== 404 || !/Failed to get workflow status of/i.test(jsonErrorText(response.body) ?? ''))
    return undefined;
  return new HttpError(
    `${context}: HTTP 404 (the cluster could not read its workflow state index — a missing shard or a cluster block): ${bodyDetail(response) ?? ''}`,
    { kind: 'transient', status: 404, excerpt: bodyDetail(response) },
  );
}

/** 403s that a cluster setting or a header explains better than "check the credentials". */
const FORBIDDEN_BECAUSE: readonly { says: RegExp; check: string }[] = [
  {
    says: /API is disabled|flow_framework\.enabled/i,
    check: 'the Flow Framework API is disabled on this cluster: set plugins.flow_framework.enabled to true',
  },
  {
    says: /Tenant ID header is missing|Tenant ID can't be null/i,
    check: 'the cluster has multi-tenancy on: send the tenant id as header x-tenant-id (input headers)',
  },
];

/** `responseError` with what a Flow Framework 403 really asks for. */
export function flowFrameworkError(response: HttpResponse, context: string): HttpError {
  if (response.status === 403) {
    const detail = bodyDetail(response) ?? '';
    const reason = FORBIDDEN_BECAUSE.find(({ says }) => says.test(detail));
    if (reason) {
      return new HttpError(`${context}: HTTP 403 (${reason.check}): ${detail}`, {
        kind: 'permanent',
        status: 403,
        excerpt: detail,
      });
    }
  }
  return responseError(response, context);
}

/** `assertStatus` for Flow Framework answers: the same rules, with `flowFrameworkError` for the others. */
export function assertFlowFrameworkStatus(response: HttpResponse, accepted: readonly number[], context: string): void {
  if (!accepted.includes(response.status)) throw flowFrameworkError(response, context);
  assertNotHtml(response, context);
}
