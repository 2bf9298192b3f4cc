import { withoutFormatCharacters } from './text.js';

/**
 * Knows every secret of the run (inputs and derived tokens) and blanks them out of text
 * that leaves the process outside the runner's own log masking: outputs, the job summary,
 * PR comments, commit status descriptions.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** shorter than 4 characters: blanked only from the job summary and what goes to the GitHub API */
  private readonly shortSecrets = new Set<string>();

  /**
   * @param shortest Very short values would blank out ordinary words; the runner masks them in its log
   * anyway. Where no runner masks (the command line), every length is redacted.
   */
  constructor(private readonly shortest = 4) {}

  add(secret: string | undefined): void {
    if (!secret) return;
    // Shown text loses its invisible format characters before it is redacted: so does the secret.
    const visible = withoutFormatCharacters(secret);
    if (visible !== secret) this.add(visible);
    if (secret.length >= this.shortest) this.secrets.add(secret);
    else this.shortSecrets.add(secret);
    // A multi-line secret (a service key) can leak line by line.
    for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8) this.secrets.add(line.trim());
  }

  /**
   * For what people read (log, outputs, summary): invisible format characters go first, since one inside an
   * echoed secret would hide the secret from redaction.
   */
  redactShown(text: string): string {
    return this.redact(withoutFormatCharacters(text));
  }

  redact(text: string): string {
    const result = blank(text, this.secrets);
    return result.includes(CUT) ? this.redactCutSecrets(result) : result;
  }

  /**
   * For text sent to the GitHub API (comment, statuses, deployment) and the job summary: no runner masks
   * it, so every secret is blanked whatever its length, even if that blanks an ordinary word that happens
   * to be a password. (Outputs keep such words: later steps compare them.)
   */
  redactForApi(text: string): string {
    return blank(this.redactShown(text), this.shortSecrets);
  }

  /**
   * Provider text is cut to a short excerpt ending in "…" before it reaches here; a secret the provider
   * echoed may have been cut in half, and the start of it must not survive either.
   */
  private redactCutSecrets(text: string): string {
    return text
      .split(CUT)
      .map((part, index, parts) => (index === parts.length - 1 ? part : this.withoutSecretStart(part)))
      .join(CUT);
  }

  /** `text` without a trailing start (4 characters or more) of a secret. */
  private withoutSecretStart(text: string): string {
    let longest = 0;
    for (const secret of this.secrets) {
      for (
        let length = Math.min(secret.length - 1, text.length);
        length >= MIN_CUT_SECRET && length > longest;
        length--
      ) {
        if (text.endsWith(secret.slice(0, length))) longest = length;
      }
    }
    return longest > 0 ? `${text.slice(0, -longest)}***` : text;
  }
}

/** Longest first: a secret that contains another is blanked whole. */
function blank(text: string, secrets: ReadonlySet<string>): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***');
  return result;
}

const CUT = '…';
const MIN_CUT_SECRET = 4;
