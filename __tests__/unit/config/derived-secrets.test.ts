import { describe, expect, it } from 'vitest';
import { derivedSecrets } from '../../../src/config/derived-secrets.ts';
import { parseConfig } from '../../../src/config/parse.ts';

const configWith = (inputs: Record<string, string>) => {
  const all: Record<string, string> = { provider: 'installer', url: 'https://installer.example.com', ...inputs };
  return parseConfig((name) => all[name] ?? '');
};

describe('derivedSecrets', () => {
  it('masks the token of an Authorization header alone, not only the whole value', () => {
    const secrets = derivedSecrets(configWith({ headers: 'Authorization: Bearer abc' }));
    expect(secrets).toEqual(['Bearer abc', 'abc']);
  });

  it('masks the password inside a Basic credential given in headers', () => {
    const encoded = Buffer.from('ci:pa55-word').toString('base64');
    expect(derivedSecrets(configWith({ headers: `Proxy-Authorization: Basic ${encoded}` }))).toEqual([
      `Basic ${encoded}`,
      encoded,
      'pa55-word',
    ]);
  });

  it('leaves short values of other credential-like headers alone, and headers that are no credential', () => {
    expect(derivedSecrets(configWith({ headers: 'X-Api-Key-Version: 2\nX-Tenant: acme-production-eu' }))).toEqual([]);
    expect(derivedSecrets(configWith({ headers: 'X-Auth-Token: Token s3cr3t-t0ken' }))).toEqual([
      'Token s3cr3t-t0ken',
      's3cr3t-t0ken',
    ]);
  });

  it('derives the Basic credential of username and password', () => {
    expect(derivedSecrets(configWith({ username: 'ci', password: 'pw' }))).toEqual([
      Buffer.from('ci:pw').toString('base64'),
    ]);
  });
});
