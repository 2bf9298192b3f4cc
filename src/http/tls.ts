import { X509Certificate } from 'node:crypto';
import { getCACertificates } from 'node:tls';
import { INPUT } from '../config/inputs.js';
import { InputError } from '../core/errors.js';

/** A client certificate and its key (PEM), for TLS connections to `origin` only. */
export interface OriginCertificate {
  /** `https://host:port` */
  origin: string;
  certificate: string;
  key: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The certificates of a `ca-certificate` value (one or more PEM blocks). Throws InputError when there is
 * none or one cannot be read, so a bad value stops the step before the first request.
 */
export function validateCaCertificate(pem: string): string[] {
  // Secrets stored on one line often carry the newlines as literal `\n`.
  const text = pem.replace(/\\n/g, '\n').replace(/\r\n?/g, '\n');
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new InputError(
      INPUT.caCertificate,
      `Input '${INPUT.caCertificate}' holds no PEM certificate: expected one or more blocks from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----".`,
    );
  }
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch {
      throw new InputError(
        INPUT.caCertificate,
        `Input '${INPUT.caCertificate}': certificate ${index + 1} of ${blocks.length} is not a readable PEM certificate (check that it was copied whole).`,
      );
    }
  });
  return blocks;
}

/**
 * The CA list for TLS connections: Node's defaults (bundled roots, NODE_EXTRA_CA_CERTS, and the system
 * store when enabled) plus the user's CA, because an explicit CA list replaces the defaults.
 */
export function trustedCertificates(pem: string): string[] {
  return [...getCACertificates('default'), ...validateCaCertificate(pem)];
}
