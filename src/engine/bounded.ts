/**
 * A provider's answer bounded before anything holds on to it: a 3 MB `state` must not become a 3 MB
 * output, or megabytes of log on every read. Cut text ends in "…", which the redaction knows about.
 */
import { withoutFormatCharacters } from '../core/text.js';
import type { Component, LogLine, Snapshot } from '../core/types.js';

export const MAX_PROVIDER_STATUS = 200;
const MAX_MESSAGE = 1_000;
const MAX_FIELD = 500;
const MAX_LOG_LINE = 2_000;
const MAX_ITEMS = 500;

export function boundedSnapshot(snapshot: Snapshot): Snapshot {
  const bounded: Snapshot = {
    ...snapshot,
    providerStatus: text(snapshot.providerStatus, MAX_PROVIDER_STATUS),
    message: text(snapshot.message, MAX_MESSAGE),
  };
  if (snapshot.components) bounded.components = snapshot.components.slice(0, MAX_ITEMS).map(boundedComponent);
  if (snapshot.logs) bounded.logs = snapshot.logs.slice(-MAX_ITEMS).map(boundedLogLine);
  if (snapshot.startedAt !== undefined) bounded.startedAt = text(snapshot.startedAt, MAX_FIELD);
  if (snapshot.completedAt !== undefined) bounded.completedAt = text(snapshot.completedAt, MAX_FIELD);
  return bounded;
}

function boundedComponent(component: Component): Component {
  const bounded: Component = {
    ...component,
    name: text(component.name, MAX_FIELD),
    kind: text(component.kind, MAX_FIELD),
  };
  if (component.providerStatus !== undefined)
    bounded.providerStatus = text(component.providerStatus, MAX_PROVIDER_STATUS);
  if (component.message !== undefined) bounded.message = text(component.message, MAX_MESSAGE);
  if (component.details) {
    bounded.details = Object.fromEntries(
      Object.entries(component.details)
        .slice(0, MAX_ITEMS)
        .map(([name, value]) => [text(name, MAX_FIELD), text(value, MAX_FIELD)]),
    );
  }
  return bounded;
}

function boundedLogLine(line: LogLine): LogLine {
  const bounded: LogLine = { ...line, message: text(line.message, MAX_LOG_LINE) };
  if (line.time !== undefined) bounded.time = text(line.time, MAX_FIELD);
  if (line.level !== undefined) bounded.level = text(line.level, MAX_FIELD);
  return bounded;
}

/** Also without invisible format characters: every report and log line shows these strings. */
function text(value: string, max: number): string {
  const visible = withoutFormatCharacters(value);
  return visible.length <= max ? visible : `${visible.slice(0, max - 1)}…`;
}
