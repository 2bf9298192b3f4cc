import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/core/redact.ts';
import { excerpt } from '../../../src/http/status.ts';

const redactorOf = (...secrets: string[]): Redactor => {
  const redactor = new Redactor();
  for (const secret of secrets) redactor.add(secret);
  return redactor;
};

describe('Redactor', () => {
  it('blanks every occurrence of every secret, the longest first', () => {
    const redactor = redactorOf('abcd1234', 'abcd1234-longer');
    expect(redactor.redact('a abcd1234-longer b abcd1234 c')).toBe('a *** b *** c');
  });

  it('blanks each line of a multi-line secret on its own', () => {
    const redactor = redactorOf('{\n  "clientsecret": "s3cret-value-42"\n}');
    expect(redactor.redact('key line "clientsecret": "s3cret-value-42" seen')).toBe('key line *** seen');
  });

  it('blanks the start of a secret that an excerpt cut in half', () => {
    const secret = 'nlf-KEY-0123456789abcdef';
    const echoed = `{"message":"invalid API key for this workflow: ${'x'.repeat(40)} key=${secret}"}`;
    const cutAt = echoed.indexOf(secret) + 11;
    const shown = excerpt(echoed, cutAt + 1);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).toContain('nlf-KEY-012');
    const redacted = redactorOf(secret).redact(`error: ${shown} (more text)`);
    expect(redacted).not.toContain('nlf-KEY');
    expect(redacted).toMatch(/key=\*\*\*…/);
  });

  it('leaves text before a cut alone when it is not the start of a secret', () => {
    expect(redactorOf('nlf-KEY-0123456789').redact('waiting for the tenant…')).toBe('waiting for the tenant…');
    expect(redactorOf('nlf-KEY-0123456789').redact('three: nlf…')).toBe('three: nlf…');
  });
});

describe('Redactor.redactForApi', () => {
  it('blanks secrets of any length from text for the GitHub API, and only long ones from the rest', () => {
    const redactor = redactorOf('Zq9', 'long-secret-1');
    expect(redactor.redact('pw Zq9 and long-secret-1')).toBe('pw Zq9 and ***');
    expect(redactor.redactForApi('pw Zq9 and long-secret-1')).toBe('pw *** and ***');
  });
});

describe('Redactor and invisible characters', () => {
  it('finds a secret that holds format characters once shown text has lost them', () => {
    const redactor = redactorOf('pass\u200bword-1234');
    expect(redactor.redact('echo: password-1234')).toBe('echo: ***');
  });
});
