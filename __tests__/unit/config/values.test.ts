import { describe, expect, it } from 'vitest';
import {
  displayEndpoint,
  formatDuration,
  parseBoolean,
  parseDuration,
  parseHeaders,
  parseHttpUrl,
  parseIdList,
} from '../../../src/config/values.ts';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1m30s', 90_000],
    ['1.5s', 1_500],
    ['0s', 0],
    [' 10M ', 600_000],
    ['2h', 7_200_000],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'abc', '5x', '-5s', 'm5', '5 m', '1h 30m', 's', '1e3', '0x10'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [1_500, '1.5s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [600_000, '10m'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('parseBoolean', () => {
  it.each(['true', 'True', 'TRUE'])('%s is true', (text) => expect(parseBoolean(text)).toBe(true));
  it.each(['false', 'False', 'FALSE'])('%s is false', (text) => expect(parseBoolean(text)).toBe(false));
  it.each(['yes', '1', 'on', 'tRue', ''])('%j is not a boolean', (text) => expect(parseBoolean(text)).toBeUndefined());
});

describe('parseIdList', () => {
  it('splits on newlines and commas, trims, drops blanks and duplicates, keeps order', () => {
    expect(parseIdList('b, a\n\n  c ,a,\r\nb')).toEqual(['b', 'a', 'c']);
  });
  it('gives nothing for blank input', () => expect(parseIdList(' \n , ')).toEqual([]));
  it('keeps characters that belong to ids (quotes, spaces inside)', () =>
    expect(parseIdList("Flow 'A'\nx/y")).toEqual(["Flow 'A'", 'x/y']));
});

describe('parseHeaders', () => {
  it('reads Name: value lines and ignores blank lines', () => {
    expect(parseHeaders('X-Tenant: acme\n\nX-Trace:  a:b:c  ')).toEqual({
      headers: { 'X-Tenant': 'acme', 'X-Trace': 'a:b:c' },
    });
  });
  it('names the line of a malformed header, not its value', () => {
    const result = parseHeaders('X-Ok: 1\nsecret-without-colon');
    expect(result).toEqual({ error: "line 2 is not of the form 'Name: value'" });
  });
  it('rejects a header name with spaces', () =>
    expect(parseHeaders('Bad Name: v')).toEqual({ error: "line 1 is not of the form 'Name: value'" }));
  it('refuses a control character in a value (it could smuggle another header)', () =>
    expect(parseHeaders('X-Ok: 1\nX-A: a\0b')).toEqual({
      error:
        "line 2 ('X-A') has a character HTTP cannot carry (a control character, or one outside Latin-1) in its value",
    }));
  it('refuses headers the HTTP layer owns', () =>
    expect(parseHeaders('Host: evil.example')).toEqual({
      error: "line 1 sets 'Host', which the action manages itself",
    }));
});

describe('parseHttpUrl', () => {
  it('accepts http and https', () => {
    expect('url' in parseHttpUrl('https://cluster.example:9200/')).toBe(true);
    expect('url' in parseHttpUrl('http://127.0.0.1:8080')).toBe(true);
  });
  it.each([
    ['not a url', "has value 'not a url'; expected an absolute http(s) URL such as https://host/…"],
    ['search.example:9200', "has value 'search.example:9200'; expected an absolute http(s) URL such as https://host/…"],
    [
      'admin:pw@search.example/x?token=t',
      "has value 'search.example/x'; expected an absolute http(s) URL such as https://host/…",
    ],
    ['ftp://user:pass@host/', 'contains credentials: pass them through the token, username/password or api-key inputs'],
    ['ftp://host/x', "uses 'ftp:': only http and https URLs are accepted"],
    [
      'https://user:pass@host/',
      'contains credentials: pass them through the token, username/password or api-key inputs',
    ],
  ])('%s is refused', (text, error) => expect(parseHttpUrl(text)).toEqual({ error }));
});

describe('displayEndpoint', () => {
  it('drops the query, fragment and trailing slash', () =>
    expect(displayEndpoint(new URL('https://h.example/api/v1/?token=abc#x'))).toBe('https://h.example/api/v1'));
  it('shows a bare host without a slash', () =>
    expect(displayEndpoint(new URL('https://h.example/'))).toBe('https://h.example'));
});
