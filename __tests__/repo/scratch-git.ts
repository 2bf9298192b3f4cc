import { execFileSync } from 'node:child_process';

/** git in a scratch repository, with an identity and a branch name of its own (a CI machine may configure neither). */
export const gitIn =
  (cwd: string) =>
  (...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args],
      {
        cwd,
        encoding: 'utf8',
      },
    ).trim();
