/**
 * Knows every secret of the run (inputs and derived tokens) and blanks them out of text
 * that leaves the process outside the runner's own log masking: outputs, the job summary,
 * PR comments, commit status descriptions.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (!secret) return;
    // Very short values would blank out ordinary words; the runner masks them in the log anyway.
    if (secret.length >= 4) this.secrets.add(secret);
    // A multi-line secret (a service key) can leak line by line.
    for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8) this.secrets.add(line.trim());
  }

  redact(text: string): string {
    let result = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***');
    }
    return result;
  }
}
