/**
 * Where the status of an NL Flow workflow is read. `url` is the runtime's host (perhaps behind a path
 * prefix), or the "Workflow status endpoint" copied from the NL Flow dashboard, which names the workflow.
 */
import type { Config } from '../../config/config.js';
import { INPUT } from '../../config/inputs.js';
import { InputError } from '../../core/errors.js';

const API = '/api/v1/runtime/workflow';
const STATUS_ENDPOINT = /^(.*?)\/api\/v1\/runtime\/workflow\/([^/]+)\/action\/status\/*$/;

export interface WorkflowTargets {
  /** origin and path prefix of the runtime, without a trailing slash */
  base: string;
  ids: string[];
}

export function resolveWorkflows(config: Config): WorkflowTargets {
  const url = new URL(config.url ?? '');
  const endpoint = STATUS_ENDPOINT.exec(url.pathname);
  if (!endpoint) {
    if (config.ids.length === 0) {
      throw new InputError(
        INPUT.id,
        `Input '${INPUT.id}' is required for nl-flow unless '${INPUT.url}' is the workflow status endpoint copied from the NL Flow dashboard (https://host${API}/<id>/action/status).`,
      );
    }
    // A URL copied up to the API root is the host all the same.
    return { base: url.origin + url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, ''), ids: config.ids };
  }
  const [, prefix = '', encodedId = ''] = endpoint;
  const idInUrl = decodeSegment(encodedId);
  const others = config.ids.filter((id) => id !== idInUrl);
  if (others.length > 0) {
    throw new InputError(
      INPUT.id,
      `Input '${INPUT.id}' ('${others.join(', ')}') differs from the workflow id in '${INPUT.url}' ('${idInUrl}'): leave '${INPUT.id}' empty, or give the runtime's host as '${INPUT.url}' to watch several workflows.`,
    );
  }
  return { base: url.origin + prefix, ids: [idInUrl] };
}

export function statusUrl(base: string, id: string): string {
  return `${base}${API}/${encodeURIComponent(id)}/action/status`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InputError(
      INPUT.url,
      `Input '${INPUT.url}' has a malformed percent-encoding in the workflow id '${segment}'.`,
    );
  }
}
