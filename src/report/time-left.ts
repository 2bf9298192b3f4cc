/**
 * `about 40 s left`: a progress estimate as a person reads it, rounded as coarsely as an estimate deserves
 * (whole seconds under 10 s, 5 s steps under a minute, then minutes); empty without an estimate.
 */
export function timeLeft(remainingMs: number | undefined): string {
  if (remainingMs === undefined || !Number.isFinite(remainingMs) || remainingMs < 0) return '';
  const seconds = remainingMs / 1000;
  if (seconds < 10) return `about ${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 57.5) return `about ${Math.round(seconds / 5) * 5} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest ? ` ${rest} min` : ''} left`;
}
