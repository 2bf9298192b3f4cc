/**
 * A hook that signs each request once all its headers are set (AWS Signature V4): it sees the method, the
 * URL, the headers and the body as they will be sent, and returns the headers to send instead.
 */
import type { HttpMethod } from './types.js';

export interface SignableRequest {
  method: HttpMethod;
  url: URL;
  /** lower-case names */
  headers: Record<string, string>;
  body?: string;
}

export type RequestSigner = (request: SignableRequest) => Promise<Record<string, string>>;
