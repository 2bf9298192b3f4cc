import { describe, expect, it } from 'vitest';
import { isHeaderValue } from '../../../src/config/values.ts';
import { isLinkLocalHost } from '../../../src/http/link-local.ts';
import { assertNotResolvingToLinkLocal, redirectTarget } from '../../../src/http/redirect.ts';

describe('isLinkLocalHost', () => {
  it('knows link-local and metadata addresses however they are written', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://2852039166/',
      'http://0xa9.0xfe.0xa9.0xfe/',
      'http://169.254.1.1:8080/',
      'http://[fe80::1]/',
      'http://[febf::1]/',
      'http://[fd00:ec2::254]/',
      'http://[::ffff:169.254.169.254]/',
      'http://metadata.google.internal./computeMetadata/v1/',
    ]) {
      expect([url, isLinkLocalHost(new URL(url))]).toEqual([url, true]);
    }
  });

  it('leaves other hosts alone', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://169.255.0.1/',
      'http://[fd00:ec2::253]/',
      'https://example.com/',
    ]) {
      expect([url, isLinkLocalHost(new URL(url))]).toEqual([url, false]);
    }
  });

  it('a redirect there is refused, permanently', () => {
    const from = new URL('https://os.example/_plugins/x');
    expect(() => redirectTarget('GET', 302, 'http://169.254.169.254/', from)).toThrowError(
      expect.objectContaining({ kind: 'permanent', message: expect.stringMatching(/cloud metadata address/) }),
    );
    expect(redirectTarget('GET', 302, '/elsewhere', from)?.href).toBe('https://os.example/elsewhere');
  });
});

describe('isHeaderValue', () => {
  it('takes visible Latin-1 text, spaces and tabs, and nothing else', () => {
    expect(isHeaderValue('Bearer abc.DEF-123_~+/=')).toBe(true);
    expect(isHeaderValue('caf\u00e9\tx')).toBe(true);
    for (const value of ['a\nb', 'a\rb', 'a\0b', 'a\u0007b', 'a\u007fb', 'a\u0085b', '\u20ac', '\u2713']) {
      expect([value, isHeaderValue(value)]).toEqual([value, false]);
    }
  });
});

describe('assertNotResolvingToLinkLocal', () => {
  const from = new URL('https://os.example/x');
  const signal = new AbortController().signal;
  const resolver = (addresses: string[]) => async () => addresses;

  it('refuses a redirect to a host name that resolves to a metadata address', async () => {
    const target = new URL('http://innocent.example/latest/meta-data/');
    await expect(
      assertNotResolvingToLinkLocal(from, target, signal, resolver(['10.0.0.5', '169.254.169.254'])),
    ).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/cloud metadata address/) });
    await expect(assertNotResolvingToLinkLocal(from, target, signal, resolver(['fe80::1']))).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringMatching(/link-local/),
    });
  });

  it('lets other names through, and names that do not resolve here (a proxy resolves them)', async () => {
    const target = new URL('http://elsewhere.example/');
    await expect(assertNotResolvingToLinkLocal(from, target, signal, resolver(['93.184.216.34']))).resolves.toBe(
      undefined,
    );
    const failing = async (): Promise<string[]> => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertNotResolvingToLinkLocal(from, target, signal, failing)).resolves.toBe(undefined);
  });

  it('does not look up the host it is already talking to', async () => {
    let asked = 0;
    const counting = async (): Promise<string[]> => {
      asked++;
      return ['169.254.169.254'];
    };
    await assertNotResolvingToLinkLocal(from, new URL('https://os.example/y'), signal, counting);
    expect(asked).toBe(0);
  });
});
