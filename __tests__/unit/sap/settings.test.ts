import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { sapProvider } from '../../../src/providers/sap/index.ts';
import { authFromInputs, parseServiceKey, resolveSettings, serviceRoot } from '../../../src/providers/sap/settings.ts';
import { fixture, sapConfig } from './support.ts';
import { clientCertificate, encryptedKey, strayKey } from '../../../sim/tls/client-certificate.ts';

const KEY = fixture('service-key.json');
const SECRET = 'fixture-7Jq2Zr9xYp4Lk8Wv=';

const inputError = inputErrorOf;

describe('parseServiceKey', () => {
  it('reads a key with the oauth wrapper', () => {
    expect(parseServiceKey(KEY)).toEqual({
      kind: 'oauth',
      clientId: 'sb-5c2f1a0e-7d3b-4e4f-9a61-0c9d2f1e8b7a!b1234|it!b5678',
      clientSecret: SECRET,
      tokenUrl: 'https://tenant.authentication.eu10.hana.ondemand.com/oauth/token',
      url: 'https://tenant.it-cpi018.cfapps.eu10-003.hana.ondemand.com/',
    });
  });

  it('reads the same fields without the wrapper', () => {
    expect(parseServiceKey(fixture('service-key-flat.json'))).toMatchObject({
      clientSecret: SECRET,
      url: expect.stringContaining('/api/v1'),
    });
  });

  it('leaves url out when the key has none', () => {
    const key = parseServiceKey(
      JSON.stringify({ oauth: { clientid: 'c', clientsecret: 's', tokenurl: 'https://t/oauth/token' } }),
    );
    expect(key.url).toBeUndefined();
  });

  const complete = {
    clientid: 'sb-client',
    clientsecret: 'very-secret-value',
    tokenurl: 'https://auth.example/oauth/token',
    url: 'https://tenant.example',
  };
  for (const field of ['clientid', 'clientsecret', 'tokenurl'] as const) {
    it(`names a missing '${field}', with and without the wrapper`, () => {
      const { [field]: _dropped, ...rest } = complete;
      const wrapped = inputError(() => parseServiceKey(JSON.stringify({ oauth: rest })));
      expect(wrapped.input).toBe('service-key');
      expect(wrapped.message).toContain(`'oauth.${field}'`);
      const flat = inputError(() => parseServiceKey(JSON.stringify(rest)));
      expect(flat.message).toContain(`'${field}'`);
      expect(flat.message).not.toContain('oauth.');
      expect(wrapped.message + flat.message).not.toContain('very-secret-value');
    });
  }

  it('takes an empty string as missing and names every missing field', () => {
    const error = inputError(() =>
      parseServiceKey(JSON.stringify({ oauth: { clientid: ' ', clientsecret: '', tokenurl: 'https://a/b' } })),
    );
    expect(error.message).toContain("'oauth.clientid', 'oauth.clientsecret'");
  });

  it('never echoes a malformed key', () => {
    const broken = `{"oauth": {"clientsecret": "${SECRET}", "clientid": oops}}`;
    const error = inputError(() => parseServiceKey(broken));
    expect(error.input).toBe('service-key');
    expect(error.message).toContain('not valid JSON');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('oops');
  });

  it('refuses a key that is not an object', () => {
    expect(inputError(() => parseServiceKey('["a"]')).message).toContain('not a JSON object');
    expect(inputError(() => parseServiceKey('"text"')).message).toContain('not a JSON object');
  });

  it('refuses a token URL or url that is not an http(s) URL, without showing it', () => {
    const badToken = inputError(() =>
      parseServiceKey(JSON.stringify({ ...complete, tokenurl: 'ftp://secret-host/token' })),
    );
    expect(badToken.message).toContain("'tokenurl'");
    expect(badToken.message).not.toContain('secret-host');
    expect(
      inputError(() => parseServiceKey(JSON.stringify({ oauth: { ...complete, url: 'tenant' } }))).message,
    ).toContain("'oauth.url'");
  });
});

describe('serviceRoot', () => {
  it.each([
    ['https://tenant.example', 'https://tenant.example/api/v1'],
    ['https://tenant.example/', 'https://tenant.example/api/v1'],
    ['https://tenant.example//', 'https://tenant.example/api/v1'],
    ['https://tenant.example/api/v1', 'https://tenant.example/api/v1'],
    ['https://tenant.example/api/v1/', 'https://tenant.example/api/v1'],
    ['https://tenant.example/API/V1/', 'https://tenant.example/api/v1'],
    ['  https://tenant.example/ ', 'https://tenant.example/api/v1'],
    ['https://proxy.example/cpi/', 'https://proxy.example/cpi/api/v1'],
    ['https://tenant.example:8443/api/v1?x=1#frag', 'https://tenant.example:8443/api/v1'],
  ])('%s → %s', (url, root) => {
    expect(serviceRoot(url)).toBe(root);
  });
});

describe('resolveSettings', () => {
  const everything = {
    id: 'Order_Sync',
    'service-key': KEY,
    'client-id': 'input-client',
    'client-secret': 'input-secret',
    'token-url': 'https://auth.example/oauth/token',
    username: 'user',
    password: 'pass',
    token: 'bearer-token',
  };

  it('prefers the service key, then client credentials, then Basic, then a token', () => {
    const { 'service-key': _key, ...withoutKey } = everything;
    const { 'client-id': _id, 'client-secret': _secret, 'token-url': _url, ...basicAndToken } = withoutKey;
    const { username: _user, password: _pass, ...tokenOnly } = basicAndToken;
    const url = 'https://tenant.example';
    expect(resolveSettings(sapConfig(everything)).auth).toMatchObject({ kind: 'oauth', clientSecret: SECRET });
    expect(resolveSettings(sapConfig({ ...withoutKey, url })).auth).toEqual({
      kind: 'oauth',
      clientId: 'input-client',
      clientSecret: 'input-secret',
      tokenUrl: 'https://auth.example/oauth/token',
    });
    expect(resolveSettings(sapConfig({ ...basicAndToken, url })).auth).toEqual({
      kind: 'basic',
      username: 'user',
      password: 'pass',
    });
    expect(resolveSettings(sapConfig({ ...tokenOnly, url })).auth).toEqual({ kind: 'bearer', token: 'bearer-token' });
  });

  it("takes the tenant URL from the key, and the url input over the key's", () => {
    expect(resolveSettings(sapConfig({ id: 'a', 'service-key': KEY })).root).toBe(
      'https://tenant.it-cpi018.cfapps.eu10-003.hana.ondemand.com/api/v1',
    );
    expect(resolveSettings(sapConfig({ id: 'a', 'service-key': KEY, url: 'https://other.example/api/v1/' })).root).toBe(
      'https://other.example/api/v1',
    );
  });

  it('needs a url when the key has none', () => {
    const key = JSON.stringify({ oauth: { clientid: 'c', clientsecret: 's', tokenurl: 'https://t/oauth/token' } });
    expect(inputError(() => resolveSettings(sapConfig({ id: 'a', 'service-key': key }))).input).toBe('url');
  });

  it('needs at least one id', () => {
    const error = inputError(() => resolveSettings(sapConfig({ 'service-key': KEY })));
    expect(error.input).toBe('id');
  });

  it('uses a token URL without /oauth/token as given', () => {
    const config = sapConfig({
      id: 'a',
      url: 'https://t.example',
      'client-id': 'c',
      'client-secret': 's',
      'token-url': 'https://auth.example/',
    });
    expect(resolveSettings(config).auth).toMatchObject({ tokenUrl: 'https://auth.example/' });
  });
});

describe('authFromInputs', () => {
  it('names the missing part of the client credentials', () => {
    expect(inputError(() => authFromInputs({ clientId: 'c', tokenUrl: 'https://a/t' })).input).toBe('client-secret');
    expect(inputError(() => authFromInputs({ clientId: 'c', clientSecret: 's' })).input).toBe('token-url');
    expect(inputError(() => authFromInputs({ clientSecret: 's', tokenUrl: 'https://a/t' })).input).toBe('client-id');
    expect(inputError(() => authFromInputs({ clientId: 'c', clientSecret: 's', tokenUrl: 'not a url' })).input).toBe(
      'token-url',
    );
  });

  it('needs both halves of Basic auth', () => {
    expect(inputError(() => authFromInputs({ username: 'u' })).input).toBe('password');
    expect(inputError(() => authFromInputs({ password: 'p' })).input).toBe('username');
  });

  it('lists the options when no credentials are given', () => {
    const error = inputError(() => authFromInputs({}));
    expect(error.input).toBe('service-key');
    expect(error.message).toMatch(/client-id.*username.*token/);
  });

  it('does not take an api-key for SAP', () => {
    expect(() => authFromInputs({ apiKey: 'k' })).toThrow(InputError);
  });
});

describe('sapProvider.prepare', () => {
  it('returns the ids and the service root without credentials, and the secret inside the key', () => {
    const prepared = sapProvider.prepare(sapConfig({ id: 'A\nB, C', 'service-key': KEY }));
    expect(prepared).toMatchObject({
      targets: ['A', 'B', 'C'],
      endpoint: 'https://tenant.it-cpi018.cfapps.eu10-003.hana.ondemand.com/api/v1',
    });
    const { clientid, clientsecret } = JSON.parse(KEY).oauth;
    // The secret, and the Basic credential made of it for the token URL.
    expect(prepared.secrets).toEqual([clientsecret, Buffer.from(`${clientid}:${clientsecret}`).toString('base64')]);
    expect(prepared.clientCertificate).toBeUndefined();
    expect(sapProvider.canTrigger).toBe(true);
  });
});

describe('service keys users have', () => {
  it('reads the camelCase spelling', () => {
    const key = JSON.stringify({
      clientId: 'sb-camel',
      clientSecret: 'camel-Secret-123',
      tokenUrl: 'https://auth.example/oauth/token',
      url: 'https://tenant.example',
    });
    expect(parseServiceKey(key)).toEqual({
      kind: 'oauth',
      clientId: 'sb-camel',
      clientSecret: 'camel-Secret-123',
      tokenUrl: 'https://auth.example/oauth/token',
      url: 'https://tenant.example',
    });
  });

  const x509Key = (extra: Record<string, unknown> = {}): string => {
    const { certificate, key } = clientCertificate();
    return JSON.stringify({
      oauth: {
        clientid: 'sb-x509!b1|it!b2',
        certificate,
        key,
        tokenurl: 'https://sub.authentication.eu10.hana.ondemand.com/oauth/token',
        certurl: 'https://sub.authentication.cert.eu10.hana.ondemand.com',
        'credential-type': 'x509',
        url: 'https://tenant.example',
        ...extra,
      },
    });
  };

  it('reads a certificate key: its token comes from certurl + /oauth/token', () => {
    const { certificate, key } = clientCertificate();
    expect(parseServiceKey(x509Key())).toEqual({
      kind: 'oauth-certificate',
      clientId: 'sb-x509!b1|it!b2',
      tokenUrl: 'https://sub.authentication.cert.eu10.hana.ondemand.com/oauth/token',
      certificate: certificate.trim(),
      key: key.trim(),
      url: 'https://tenant.example',
    });
  });

  it('takes tokenurl when a certificate key has no certurl, and PEMs with literal \\n', () => {
    const { certificate, key } = clientCertificate();
    const oneLine = (pem: string): string => pem.trim().replace(/\n/g, '\\n');
    const parsed = parseServiceKey(
      x509Key({ certurl: undefined, certificate: oneLine(certificate), key: oneLine(key) }),
    );
    expect(parsed).toMatchObject({
      kind: 'oauth-certificate',
      tokenUrl: 'https://sub.authentication.eu10.hana.ondemand.com/oauth/token',
      key: key.trim(),
    });
  });

  it('names what a certificate key lacks, never its values', () => {
    const { key } = clientCertificate();
    const error = inputError(() => parseServiceKey(x509Key({ certificate: undefined, 'credential-type': 'x509' })));
    expect(error.input).toBe('service-key');
    expect(error.message).toContain("'oauth.certificate'");
    expect(error.message).not.toContain(key.split('\n')[1]);
  });

  it('refuses an encrypted key, saying which kind it is, without echoing it', () => {
    const encrypted = encryptedKey(clientCertificate().key);
    const error = inputError(() => parseServiceKey(x509Key({ key: encrypted })));
    expect(error.input).toBe('service-key');
    expect(error.message).toContain("field 'oauth.key' is an encrypted private key");
    expect(error.message).not.toContain(encrypted.split('\n')[1]);
  });

  it('refuses a key of a kind that cannot sign a TLS handshake, saying which', () => {
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const error = inputError(() => parseServiceKey(x509Key({ key: x25519 })));
    expect(error.message).toContain('is a x25519 key, which cannot sign a TLS handshake');
  });

  it('refuses a key that does not belong to the certificate', () => {
    const error = inputError(() => parseServiceKey(x509Key({ key: strayKey() })));
    expect(error.message).toContain('is not the private key of');
  });

  it('refuses a certificate that is not PEM, naming the field', () => {
    const error = inputError(() => parseServiceKey(x509Key({ certificate: 'MIIBIjANBgkq' })));
    expect(error.message).toContain("field 'oauth.certificate' holds no PEM certificate");
    expect(error.message).not.toContain('MIIBIjANBgkq');
  });
});

describe('client-certificate and client-key inputs', () => {
  const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    id: 'a',
    url: 'https://tenant.example',
    'client-id': 'sb-x509',
    'client-certificate': clientCertificate().certificate,
    'client-key': clientCertificate().key,
    'token-url': 'https://sub.authentication.cert.eu10.hana.ondemand.com/oauth/token',
    ...extra,
  });

  it('are client credentials over mutual TLS with client-id and token-url', () => {
    expect(resolveSettings(sapConfig(inputs())).auth).toMatchObject({
      kind: 'oauth-certificate',
      clientId: 'sb-x509',
      tokenUrl: 'https://sub.authentication.cert.eu10.hana.ondemand.com/oauth/token',
    });
  });

  it('need each other, client-id and token-url', () => {
    const { 'client-key': _key, ...withoutKey } = inputs();
    expect(inputError(() => resolveSettings(sapConfig(withoutKey))).input).toBe('client-key');
    const { 'token-url': _url, ...withoutUrl } = inputs();
    expect(inputError(() => resolveSettings(sapConfig(withoutUrl))).input).toBe('token-url');
  });

  it('are not combined with client-secret', () => {
    expect(inputError(() => resolveSettings(sapConfig(inputs({ 'client-secret': 's3cret-value' })))).input).toBe(
      'client-secret',
    );
  });

  it('name the input that is wrong', () => {
    const badKey = inputError(() => resolveSettings(sapConfig(inputs({ 'client-key': 'not a key' }))));
    expect(badKey.input).toBe('client-key');
    expect(badKey.message).toContain("Input 'client-key' holds no PEM private key");
    const publicKey = inputError(() =>
      resolveSettings(sapConfig(inputs({ 'client-key': clientCertificate().certificate }))),
    );
    expect(publicKey.message).toContain('holds a certificate, not the private key');
    const badCertificate = inputError(() =>
      resolveSettings(sapConfig(inputs({ 'client-certificate': clientCertificate().key }))),
    );
    expect(badCertificate.input).toBe('client-certificate');
  });

  it('are presented to the token URL origin only, and masked line by line', () => {
    const prepared = sapProvider.prepare(sapConfig(inputs()));
    const { certificate, key } = clientCertificate();
    expect(prepared.clientCertificate).toEqual({
      origin: 'https://sub.authentication.cert.eu10.hana.ondemand.com',
      certificate: certificate.trim(),
      key: key.trim(),
    });
    expect(prepared.secrets).toContain(key.trim());
    for (const line of key.trim().split('\n').slice(1, -1)) expect(prepared.secrets).toContain(line);
    expect(prepared.secrets.some((secret) => secret.startsWith('-----BEGIN') && !secret.includes('\n'))).toBe(false);
  });
});
