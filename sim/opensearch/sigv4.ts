/**
 * Checks AWS Signature V4 as Amazon OpenSearch Service does, written from AWS's documented algorithm
 * ("Create a signed AWS API request", IAM User Guide) with node:crypto alone — independent of the signer the
 * action uses, so a mistake on either side shows as a refused request.
 */
import { createHash, createHmac } from 'node:crypto';
import { json, type RecordedRequest, type Reply } from '../server.ts';

export interface SigV4Expectation {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  /** `es`, `aoss` (which also requires x-amz-content-sha256), or any other service name */
  service: string;
  /** how far the request's x-amz-date may be from the server's clock (default 5 minutes, as AWS) */
  maxSkewMs?: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

const refused = (message: string): Reply => json(403, { message });
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** undefined when the request is signed right; otherwise AWS's 403 answer. */
export function verifySigV4(request: RecordedRequest, expected: SigV4Expectation): Reply | undefined {
  const header = header1(request, 'authorization');
  const parts = AUTHORIZATION.exec(header ?? '');
  if (!parts) return refused('Authorization header requires a SigV4 signature (Credential, SignedHeaders, Signature).');
  const [, credential = '', signedHeaderList = '', signature = ''] = parts;
  const [accessKeyId, day, region, service, terminal] = credential.split('/');
  if (accessKeyId !== expected.accessKeyId) return refused('The security token included in the request is invalid.');
  if (region !== expected.region || service !== expected.service || terminal !== 'aws4_request')
    return refused(`Credential should be scoped to a valid region and service: ${credential}`);

  const amzDate = header1(request, 'x-amz-date') ?? '';
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(at) || amzDate.slice(0, 8) !== day) return refused('x-amz-date is missing or does not match.');
  if (Math.abs(Date.now() - at) > (expected.maxSkewMs ?? 5 * 60_000)) return refused('Signature expired');

  const signed = signedHeaderList.split(';');
  const required = ['host', 'x-amz-date', ...(expected.sessionToken ? ['x-amz-security-token'] : [])];
  const missing = required.find((name) => !signed.includes(name));
  if (missing) return refused(`'${missing}' must be a signed header.`);
  if (expected.sessionToken && header1(request, 'x-amz-security-token') !== expected.sessionToken)
    return refused('The security token included in the request is invalid.');

  const bodyHash = sha256Hex(request.body);
  const declared = header1(request, 'x-amz-content-sha256');
  if (expected.service === 'aoss' && declared === undefined)
    return refused('x-amz-content-sha256 is required by OpenSearch Serverless.');
  if (declared !== undefined && declared !== bodyHash)
    return refused('The provided x-amz-content-sha256 does not match.');

  const canonicalRequest = [
    request.method,
    canonicalUri(request.rawPath),
    canonicalQuery(request.url),
    signed.map((name) => `${name}:${canonicalValue(request, name)}\n`).join(''),
    signedHeaderList,
    declared ?? bodyHash,
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${expected.secretAccessKey}`, day ?? '');
  for (const part of [region ?? '', service ?? '', 'aws4_request']) key = hmac(key, part);
  const expectedSignature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return expectedSignature === signature ? undefined : refused(MISMATCH);
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

function header1(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function canonicalValue(request: RecordedRequest, name: string): string {
  return (header1(request, name) ?? '').trim().replace(/\s+/g, ' ');
}

/** RFC 3986 unreserved characters stay, everything else is %XX with upper-case hex. */
function uriEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Services other than S3 take every segment of the path as sent, encoded once more. */
function canonicalUri(rawPath: string): string {
  const path = rawPath.split('/').map(uriEncode).join('/');
  return path === '' ? '/' : path;
}

function canonicalQuery(url: string): string {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (query === '') return '';
  return query
    .split('&')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [uriEncode(decodeURIComponent(name)), uriEncode(decodeURIComponent(value))];
    })
    .sort(([a = '', x = ''], [b = '', y = '']) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}
