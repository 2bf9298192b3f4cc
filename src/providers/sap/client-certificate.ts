/**
 * The client certificate and private key of an X.509 service key (or of `client-certificate`/`client-key`),
 * validated as PEM before any request. Messages say what is wrong and where, never a byte of the PEM. Pure.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export interface ClientCertificate {
  /** the certificate chain, PEM, leaf first */
  certificate: string;
  /** the unencrypted private key of the leaf, PEM */
  key: string;
}

/** Where the values came from, for messages: `Input 'client-key'`, `Input 'service-key' field 'oauth.key'`. */
export interface PemOrigins {
  certificate: string;
  key: string;
}

/** Thrown with a message that names the origin; the caller turns it into the InputError of its input. */
export class PemProblem extends Error {
  override readonly name = 'PemProblem';

  constructor(
    readonly part: keyof ClientCertificate,
    message: string,
  ) {
    super(message);
  }
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const ANY_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/;

/** What a PEM label is, for a key of a kind the action cannot use. */
const UNUSABLE_KEYS: Readonly<Record<string, string>> = {
  'ENCRYPTED PRIVATE KEY':
    'is an encrypted private key (PKCS#8 with a passphrase); the action has no passphrase input — use the unencrypted key of the service key',
  'OPENSSH PRIVATE KEY':
    'is an OpenSSH private key; TLS needs a PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)',
  'PUBLIC KEY': 'is a public key, not the private key',
  'RSA PUBLIC KEY': 'is a public key, not the private key',
  CERTIFICATE: 'holds a certificate, not the private key',
  'PGP PRIVATE KEY BLOCK': 'is a PGP key; TLS needs a PEM private key',
};

/** Key types a TLS 1.2/1.3 client certificate can sign with (DSA is gone from TLS 1.3; DH and X25519 only agree). */
const SIGNING_KEY_TYPES = new Set(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448']);

/** Secrets stored on one line often carry their newlines as literal `\n`. */
function normalizePem(text: string): string {
  return text.replace(/\\n/g, '\n').replace(/\r\n?/g, '\n').trim();
}

export function validateClientCertificate(raw: ClientCertificate, origins: PemOrigins): ClientCertificate {
  const certificate = normalizePem(raw.certificate);
  const key = normalizePem(raw.key);
  const leaf = readCertificates(certificate, origins.certificate)[0] as X509Certificate;
  const validTo = Date.parse(leaf.validTo);
  if (validTo < Date.now()) {
    throw new PemProblem(
      'certificate',
      `${origins.certificate} expired on ${new Date(validTo).toISOString()}: create a new service key (or certificate)`,
    );
  }
  const privateKey = readPrivateKey(key, origins.key);
  if (!leaf.checkPrivateKey(privateKey)) {
    throw new PemProblem('key', `${origins.key} is not the private key of ${origins.certificate} (they do not match)`);
  }
  return { certificate, key };
}

function readCertificates(pem: string, origin: string): X509Certificate[] {
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new PemProblem(
      'certificate',
      `${origin} holds no PEM certificate: expected a block from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----"`,
    );
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new PemProblem(
        'certificate',
        `${origin}: certificate ${index + 1} of ${blocks.length} is not a readable PEM certificate (check that it was copied whole)`,
      );
    }
  });
}

function readPrivateKey(pem: string, origin: string): KeyObject {
  const label = ANY_BLOCK.exec(pem)?.[1];
  if (label === undefined) {
    throw new PemProblem(
      'key',
      `${origin} holds no PEM private key: expected a block such as "-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----"`,
    );
  }
  const unusable = UNUSABLE_KEYS[label];
  if (unusable) throw new PemProblem('key', `${origin} ${unusable}`);
  if (/^Proc-Type:\s*4,\s*ENCRYPTED/m.test(pem)) {
    throw new PemProblem(
      'key',
      `${origin} is an encrypted ${label.toLowerCase()} (Proc-Type: 4,ENCRYPTED); the action has no passphrase input — use the unencrypted key`,
    );
  }
  if (!label.endsWith('PRIVATE KEY'))
    throw new PemProblem('key', `${origin} holds a ${label} block, not a private key`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new PemProblem('key', `${origin} is not a readable ${label.toLowerCase()} (check that it was copied whole)`);
  }
  const kind = privateKey.asymmetricKeyType ?? 'unknown';
  if (!SIGNING_KEY_TYPES.has(kind)) {
    throw new PemProblem('key', `${origin} is a ${kind} key, which cannot sign a TLS handshake: use an RSA or EC key`);
  }
  return privateKey;
}

/**
 * What must be masked: the whole PEMs and every line of their bodies (the runner masks a multi-line secret
 * line by line only when told each line). The armor lines are no secret and would blank ordinary log text.
 */
export function pemSecrets({ certificate, key }: ClientCertificate): string[] {
  const bodyLines = (pem: string): string[] =>
    pem
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('-----'));
  return [key, certificate, ...bodyLines(key), ...bodyLines(certificate)];
}
