/**
 * `--output FILE`: the outputs as a GitLab dotenv report. GitLab reads each line as `KEY=VALUE` split
 * at the first `=`, strips both ends, keeps quotes as they are, knows no escapes, refuses the whole
 * file for an empty line, a line without `=`, a key other than [A-Za-z0-9_], or 5 KiB and more
 * (gitlab-org/gitlab app/services/ci/parse_dotenv_artifact_service.rb, Ci::HasVariable).
 * So: `-` in names becomes `_`, every value is one line (JSON values already are: JSON escapes line
 * breaks), nothing is quoted, and the largest values are left out until the file fits.
 */

/** GitLab's default limit: a dotenv report must be smaller than this. */
export const DOTENV_MAX_BYTES = 5 * 1024;

export interface DotenvReport {
  text: string;
  /** outputs left out so that GitLab accepts the file */
  leftOut: string[];
}

const dotenvName = (output: string): string => output.replace(/[^A-Za-z0-9_]/g, '_');

export function dotenvReport(outputs: ReadonlyMap<string, string>): DotenvReport {
  const lines = [...outputs].map(([name, value]) => ({
    name,
    line: `${dotenvName(name)}=${value.replace(/\r\n|[\r\n]/g, ' ')}\n`,
  }));
  const leftOut: string[] = [];
  const size = (): number => lines.reduce((total, { line }) => total + Buffer.byteLength(line, 'utf8'), 0);
  while (size() >= DOTENV_MAX_BYTES && lines.length > 0) {
    const largest = lines.reduce((a, b) => (Buffer.byteLength(b.line) > Buffer.byteLength(a.line) ? b : a));
    lines.splice(lines.indexOf(largest), 1);
    leftOut.push(largest.name);
  }
  return { text: lines.map(({ line }) => line).join(''), leftOut };
}
