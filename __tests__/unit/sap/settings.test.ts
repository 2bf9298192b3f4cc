import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { inputErrorOf } from '../../support/input-error.ts';
import { sapProvider } from '../../../src/providers/sap/index.ts';
import { authFromInputs, parseServiceKey, resolveSettings, serviceRoot } from '../../../src/providers/sap/settings.ts';
import { fixture, sapConfig } from './support.ts';

const KEY = fixture('service-key.json');
const SECRET = 'fixture-7Jq2Zr9xYp4Lk8Wv=';

const inputError = inputErrorOf;

describe('parseServiceKey', () => {
  it('reads a key with the oauth wrapper', () => {
    expect(parseServiceKey(KEY)).toEqual({
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
    expect(prepared.secrets).toEqual([JSON.parse(KEY).oauth.clientsecret]);
    expect(sapProvider.canTrigger).toBe(true);
  });
});
