export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method?: HttpMethod;
  url: string | URL;
  headers?: Record<string, string>;
  body?: string;
  /** aborts the request (cancellation); the request rejects with the signal's reason */
  signal?: AbortSignal;
  /** limit for this request; the caller clips it to what is left of the overall timeout */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** lower-case names; repeated headers joined with `, ` except `set-cookie` (kept as list) */
  headers: Record<string, string>;
  setCookies: string[];
  /** the body as text, read up to the client's size limit */
  body: string;
  /** the URL that answered (after redirects) */
  url: string;
  /** `content-type` without parameters, lower-case, '' when absent */
  contentType: string;
}

/**
 * The one way providers talk HTTP. It resolves with any status: deciding what a 404 or a
 * 403 means is the provider's job (see `responseError` in ./status.ts for the common rules). It
 * rejects with HttpError for network errors, timeouts (transient) and bodies past the size
 * limit (permanent), and with the signal's reason when aborted.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** closes kept-alive connections so the process can exit at once */
  close(): Promise<void>;
}
