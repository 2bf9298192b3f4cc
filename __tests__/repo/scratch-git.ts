import { execFileSync } from 'node:child_process';

/** git in a scratch repository, with an identity of its own (none is configured on a CI machine). */
export const gitIn =
  (cwd: string) =>
  (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
      cwd,
      encoding: 'utf8',
    }).trim();
