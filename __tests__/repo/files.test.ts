/** The files an adopter looks for, and the names and versions they must agree on. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../scripts/release/changelog.ts';
import { SECRET_INPUTS } from '../../src/config/inputs.ts';
import { missingFiles } from './policy.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string; author: string };

/** The repository the usage lines name, stated once in the README's "Versioning and releases". */
const REPOSITORY = 'await-deploy/await-deploy';

describe('repository files', () => {
  it('has a license, a security policy and a changelog', () => {
    expect(missingFiles(ROOT)).toEqual([]);
  });

  it('reports each of them when missing or empty', () => {
    const empty = mkdtempSync(join(tmpdir(), 'repo-files-'));
    expect(missingFiles(empty)).toEqual(['LICENSE', 'SECURITY.md', 'CHANGELOG.md']);
    writeFileSync(join(empty, 'LICENSE'), 'MIT License\n');
    writeFileSync(join(empty, 'SECURITY.md'), '\n');
    expect(missingFiles(empty)).toEqual(['SECURITY.md', 'CHANGELOG.md']);
  });

  it('licenses under MIT, to the holder package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const license = read('LICENSE');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toMatch(new RegExp(`^Copyright \\(c\\) \\d{4} ${pkg.author}$`, 'm'));
  });

  it('says how to report a vulnerability, secrets and false greens in scope', () => {
    const security = read('SECURITY.md');
    expect(security).toMatch(/^## How to report$/m);
    expect(security).toMatch(/\*\*Secrets\*\*/);
    expect(security).toMatch(/\*\*False greens\*\*/);
  });

  it('puts every secret input, and the legacy ##[ command, in scope', () => {
    const security = read('SECURITY.md');
    expect(SECRET_INPUTS.filter((input) => !security.includes(`\`${input}\``))).toEqual([]);
    expect(security).toContain('`##[…]`');
  });

  it('has a changelog section for the version in package.json, and an Unreleased one', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelogSection(changelog, pkg.version)).toBeDefined();
  });

  it('builds dist/ from an empty folder, so that check-dist also finds a stale chunk', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: { build: string } };
    const [first = '', ...rest] = scripts.build.split('&&');
    expect(first).toMatch(/rmSync\('dist', \{ recursive: true, force: true \}\)/);
    expect(rest.join('&&')).toMatch(/ncc build src\/index\.ts -o dist /);
  });

  it('has contributing notes and code owners', () => {
    expect(read('CONTRIBUTING.md')).toMatch(/^## How to add a provider$/m);
    expect(read('.github/CODEOWNERS')).toMatch(/^\* @await-deploy\/\S+$/m);
  });

  it('has Dependabot updating npm and the actions, weekly and grouped', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: object }[];
    };
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly');
      expect(Object.keys(update.groups ?? {})).not.toEqual([]);
    }
  });
});

describe('names in the README', () => {
  const readme = read('README.md');

  it('uses the action as await-deploy/await-deploy in every usage line, no placeholder left', () => {
    expect(readme).not.toMatch(/your-org/);
    // this action's usage lines; recipes also use other actions (checkout, configure-aws-credentials)
    const owners = [...readme.matchAll(/uses: ([\w.-]+\/await-deploy)@/g)].map((match) => match[1]);
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([REPOSITORY]));
    expect(readme).toContain(`\`${REPOSITORY}\``);
  });

  it('asks for the Node package.json asks for', () => {
    const engine = /^>=(\d+)$/.exec((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node);
    expect(engine).not.toBeNull();
    expect(readme).toContain(`Node.js ${engine?.[1]} or newer`);
  });
});
