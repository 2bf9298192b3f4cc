/**
 * Bidi overrides, zero-width characters and other invisible format characters (`\p{Cf}`) let provider
 * text read differently from what it is (`deploy ‮deliaf` shows as "deploy failed" reversed), or split a
 * secret so that redaction no longer finds it. They are removed before provider text is shown or redacted.
 */
export function withoutFormatCharacters(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}
