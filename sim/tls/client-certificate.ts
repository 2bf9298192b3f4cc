/**
 * A throwaway client certificate and key, made when a test asks for one (openssl, an EC P-256 key valid for
 * two days): nothing that looks like a real private key is ever committed.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GeneratedCertificate {
  certificate: string;
  key: string;
  /** SHA-256 fingerprint as node's TLS reports it (`AB:CD:…`) */
  fingerprint256: string;
}

const cached = new Map<string, GeneratedCertificate>();

/** One certificate per name and process: `other` is one the simulator was not told about. */
export function clientCertificate(name: 'client' | 'other' = 'client'): GeneratedCertificate {
  let generated = cached.get(name);
  if (!generated) {
    generated = generate(`sb-await-deploy-x509-${name}`);
    cached.set(name, generated);
  }
  return generated;
}

function generate(commonName: string): GeneratedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'await-deploy-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        `/CN=${commonName.replace(/[/|!]/g, '-')}`,
      ],
      { stdio: 'ignore' },
    );
    const certificate = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    return { certificate, key, fingerprint256: new X509Certificate(certificate).fingerprint256 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A private key of the same kind that belongs to no certificate. */
export function strayKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** `key` encrypted with a passphrase (PKCS#8), a kind of key the action cannot use. */
export function encryptedKey(key: string): string {
  return execFileSync('openssl', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:test-only'], {
    input: key,
    encoding: 'utf8',
  });
}
