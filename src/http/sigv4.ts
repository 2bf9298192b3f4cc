/**
 * AWS Signature V4 for Amazon OpenSearch Service (`es`) and OpenSearch Serverless (`aoss`), with `aws4`:
 * a well-kept signer without dependencies that signs synchronously (one small chunk, loaded only when a run
 * signs, so other runs do not pay for it at start-up); `@smithy/signature-v4` would bring a separate SHA-256
 * package and several `@smithy` packages into the bundle for the same result.
 */
import { createHash } from 'node:crypto';
import type { RequestSigner, SignableRequest } from './sign.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigV4Settings {
  region: string;
  service: 'es' | 'aoss';
  credentials: AwsCredentials;
  /** only requests to this origin are signed: a redirect elsewhere gets neither signature nor session token */
  origin: string;
}

export function createSigV4Signer(settings: SigV4Settings): RequestSigner {
  let signer: Promise<typeof import('aws4')> | undefined;
  return async (request: SignableRequest) => {
    if (request.url.origin !== settings.origin) return request.headers;
    signer ??= import('aws4').then((module) => ('default' in module ? (module.default as typeof module) : module));
    const { sign } = await signer;
    const headers: Record<string, string> = {
      ...request.headers,
      // OpenSearch Serverless requires the body hash as a header; the managed service accepts it too.
      'x-amz-content-sha256': createHash('sha256')
        .update(request.body ?? '', 'utf8')
        .digest('hex'),
    };
    const signed = sign(
      {
        host: request.url.host,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method,
        headers,
        body: request.body ?? '',
        service: settings.service,
        region: settings.region,
      },
      settings.credentials,
    );
    // undici sends the Host header of the URL itself, the very value that was signed.
    return Object.fromEntries(
      Object.entries(signed.headers ?? {})
        .filter(([name]) => name.toLowerCase() !== 'host')
        .map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
  };
}
