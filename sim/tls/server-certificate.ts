/** The test-only server certificate for 127.0.0.1 and its CA (`__tests__/fixtures/tls/README.md`). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TLS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '__tests__', 'fixtures', 'tls');

export const TEST_SERVER_TLS = {
  cert: readFileSync(join(TLS, 'server.pem'), 'utf8'),
  key: readFileSync(join(TLS, 'server-key.pem'), 'utf8'),
};

/** What a client must trust (`ca-certificate`) to talk to a server with TEST_SERVER_TLS. */
export const TEST_CA = readFileSync(join(TLS, 'ca.pem'), 'utf8');
