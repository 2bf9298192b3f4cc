/**
 * A dotenv report read the way GitLab reads it (gitlab-org/gitlab
 * app/services/ci/parse_dotenv_artifact_service.rb and the key rule of Ci::HasVariable): every line
 * `key=value` split at the first `=`, both ends stripped, no escapes, no quotes removed; any other line
 * (an empty one too), a key other than [a-zA-Z0-9_], or a file of 5 KiB and more rejects the whole report.
 */
export function readAsGitlab(text: string): Record<string, string> {
  if (Buffer.byteLength(text) >= 5120) throw new Error('Dotenv Artifact Too Big');
  const variables: Record<string, string> = {};
  for (const line of text.split(/(?<=\n)/)) {
    const match = /^(.*?)=(.*)$/m.exec(line);
    if (!match) throw new Error(`Invalid Format: ${JSON.stringify(line)}`);
    const key = (match[1] as string).trim();
    if (!/^[a-zA-Z0-9_]+$/.test(key)) throw new Error(`key can contain only letters, digits and '_': ${key}`);
    variables[key] = (match[2] as string).trim();
  }
  return variables;
}
