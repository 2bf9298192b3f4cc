import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { HttpResponse } from './types.js';

/** Thrown by `readBodyUpTo` past the limit; the caller turns it into the user-facing error. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/**
 * Reads a body as UTF-8 text (a BOM is dropped), keeping at most `maxBytes` in memory: past that it
 * destroys the stream, which closes the connection instead of downloading the rest.
 */
export async function readBodyUpTo(body: Readable, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (received > maxBytes) {
      const error = new BodyTooLarge();
      body.destroy(error);
      throw error;
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

export function toHttpResponse(status: number, raw: IncomingHttpHeaders, body: string, url: URL): HttpResponse {
  const headers: Record<string, string> = {};
  let setCookies: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (name === 'set-cookie') setCookies = values;
    else headers[name] = values.join(', ');
  }
  return {
    status,
    headers,
    setCookies,
    body,
    url: url.href,
    contentType: (headers['content-type']?.split(';')[0] ?? '').trim().toLowerCase(),
  };
}
