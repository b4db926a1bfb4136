/**
 * The folder walker's ignore rules: gitignore semantics checked against git itself
 * (`git ls-files --others --exclude-standard` on the same tree), then the ignore file,
 * `--ignore-pattern` and `gitignore: false`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGNORE_FILE, listFiles } from '../../src/discover/index.js';
import { matchRules, parseIgnoreFile, parseIgnoreLine } from '../../src/discover/gitignore.js';
import { FRONT_ENDS } from '../../src/frontends/index.js';

/** The files some front end reads (what lint() asks the walker for). */
const readable = (f: string): boolean => FRONT_ENDS.some((fe) => fe.byName(f) !== undefined);

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-ignore-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function listed(dir: string, opts: Parameters<typeof listFiles>[1] = {}): Promise<string[]> {
  return (await listFiles([dir], { root: dir, accept: readable, ...opts })).map((f) => path.relative(dir, f).split(path.sep).join('/'));
}

const ROOT_GITIGNORE = [
  '# a comment, then a blank line',
  '',
  '*.tfvars',
  '!keep.tfvars',
  '/root-only.tf',
  'build/',
  '!build/rescued.tf',
  'docs/**/*.tf',
  '**/gen/*.tf',
  'a/**/b.tf',
  'x?.tf',
  '[ab]c.tf',
  '[!d]e.tf',
  '[[:digit:]]n.tf',
  '\\#hash.tf',
  '\\!bang.tf',
  'trailing.tf   ',
  'escaped\\ .tf',
  'nested/deeper.tf',
  'everything/**',
  'dironly.tf/',
  'star*',
  '',
].join('\n');

const SUB_GITIGNORE = ['!important.tfvars', 'local.tf', '/anchored.tf', '*.tf', '!wanted.tf', ''].join('\n');

const FILES: Record<string, string> = {
  '.gitignore': ROOT_GITIGNORE,
  'main.tf': '',
  'dev.tfvars': '',
  'keep.tfvars': '',
  'deep/keep.tfvars': '',
  'root-only.tf': '',
  'deep/root-only.tf': '',
  'build/x.tf': '',
  'build/rescued.tf': '',
  'deep/build/y.tf': '',
  'docs/a.tf': '',
  'docs/one/two/b.tf': '',
  'other/docs/c.tf': '',
  'gen/g.tf': '',
  'deep/er/gen/g.tf': '',
  'a/b.tf': '',
  'a/1/2/b.tf': '',
  'deep/a/b.tf': '',
  'x1.tf': '',
  'x12.tf': '',
  'ac.tf': '',
  'cc.tf': '',
  'de.tf': '',
  'ee.tf': '',
  '7n.tf': '',
  'nn.tf': '',
  '#hash.tf': '',
  '!bang.tf': '',
  'trailing.tf': '',
  'escaped .tf': '',
  'nested/deeper.tf': '',
  'deep/nested/deeper.tf': '',
  'everything/in/here.tf': '',
  'dironly.tf': '',
  'deep/dironly.tf/inside.tf': '',
  'startle.tf': '',
  'sub/.gitignore': SUB_GITIGNORE,
  'sub/important.tfvars': '',
  'sub/local.tf': '',
  'sub/anchored.tf': '',
  'sub/inner/anchored.tf': '',
  'sub/wanted.tf': '',
  'sub/unwanted.tf': '',
  'sub/inner/wanted.tf': '',
  'sub/vars.tfvars': '',
  'sub/pipeline.yml': 'trigger: none\n',
};

// Segment wildcards, ranges, escapes and `**` in unusual places.
const TRICKY: Record<string, string> = {
  '.gitignore': ['*/one.tf', 'a/**b.tf', 'lib/**/', '[a-c]r.tf', '[]]q.tf', 'lit\\*.tf', 'm[!a-y]z.tf', 'k/**/**/l.tf', ''].join('\n'),
  'x/one.tf': '',
  'x/y/one.tf': '',
  'one.tf': '',
  'a/xb.tf': '',
  'a/q/xb.tf': '',
  'lib/m/n.tf': '',
  'lib/top.tf': '',
  'ar.tf': '',
  'dr.tf': '',
  ']q.tf': '',
  'lit*.tf': '',
  'litx.tf': '',
  'mzz.tf': '',
  'maz.tf': '',
  'k/l.tf': '',
  'k/1/2/3/l.tf': '',
  'k2/l.tf': '',
};

const gitAvailable = spawnSync('git', ['--version']).status === 0;

function listedByGit(dir: string): string[] {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: dir };
  expect(spawnSync('git', ['init', '-q'], { cwd: dir, env }).status).toBe(0);
  const git = spawnSync('git', ['-c', 'core.excludesFile=/dev/null', 'ls-files', '-z', '--others', '--exclude-standard'], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  expect(git.status).toBe(0);
  return git.stdout
    .split('\0')
    .filter((f) => f !== '' && !f.endsWith('.gitignore'))
    .sort();
}

describe('gitignore semantics', () => {
  it.skipIf(!gitAvailable)('lists exactly what git considers not ignored', async () => {
    const dir = tree(FILES);
    const byGit = listedByGit(dir);
    const ours = await listed(dir);
    expect(ours).toEqual(byGit);
    // The tree exercises both outcomes of every kind of rule.
    expect(ours).toContain('keep.tfvars');
    expect(ours).not.toContain('dev.tfvars');
    expect(ours).toContain('sub/important.tfvars');
    expect(ours).not.toContain('build/rescued.tf');
    expect(ours).toContain('dironly.tf');
    expect(ours).toContain('sub/inner/wanted.tf');
    expect(ours).not.toContain('sub/inner/anchored.tf');
    expect(ours).toContain('sub/wanted.tf');
    expect(ours).not.toContain('sub/unwanted.tf');
    expect(ours.length).toBeGreaterThan(10);
  });

  it.skipIf(!gitAvailable)('agrees with git on wildcards, ranges, escapes and ** in unusual places', async () => {
    const dir = tree(TRICKY);
    const ours = await listed(dir);
    expect(ours).toEqual(listedByGit(dir));
    expect(ours).toContain('x/y/one.tf');
    expect(ours).not.toContain('x/one.tf');
  });

  it('parses lines as git does', () => {
    expect(parseIgnoreLine('# comment')).toBeUndefined();
    expect(parseIgnoreLine('   ')).toBeUndefined();
    expect(parseIgnoreLine('!')).toBeUndefined();
    expect(parseIgnoreLine('[abc')).toBeUndefined(); // an unclosed class never matches
    const neg = parseIgnoreLine('!/a/b/')!;
    expect(neg).toMatchObject({ negate: true, dirOnly: true, nameOnly: false });
    expect(parseIgnoreLine('foo')!.nameOnly).toBe(true);
    expect(parseIgnoreLine('foo/')!.nameOnly).toBe(true);
    expect(parseIgnoreLine('/foo')!.nameOnly).toBe(false);
  });

  it('matches: last rule wins, folders only for a trailing slash, classes never match a slash', () => {
    const rules = parseIgnoreFile('*.tf\n!keep.tf\nlogs/\na[/]b\n');
    expect(matchRules(rules, 'x/main.tf', false)).toBe(true);
    expect(matchRules(rules, 'x/keep.tf', false)).toBe(false);
    expect(matchRules(rules, 'x/logs', true)).toBe(true);
    expect(matchRules(rules, 'x/logs', false)).toBeUndefined();
    expect(matchRules(rules, 'a/b', false)).toBeUndefined();
    expect(matchRules(rules, 'readme', false)).toBeUndefined();
  });

  it('matches a line of many wildcards in linear time (hostile input: a `.gitignore` comes with the scanned code)', () => {
    // Thirty `**` segments against a 300-deep path: exponential for a backtracking engine (audit 54).
    const [deep] = parseIgnoreFile(`${'**/'.repeat(30)}zz\n`);
    const [stars] = parseIgnoreFile(`${'*a'.repeat(20)}b\n`);
    const path300 = `${'d/'.repeat(300)}`;
    const t0 = Date.now();
    expect(deep!.test(`${path300}zz`)).toBe(true);
    expect(deep!.test(`${path300}zy`)).toBe(false);
    expect(stars!.test('a'.repeat(200))).toBe(false);
    expect(stars!.test(`${'a'.repeat(40)}b`)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('drops a BOM and Windows line ends', () => {
    const rules = parseIgnoreFile('\ufeff*.tfvars\r\nlocal.tf\r\n');
    expect(matchRules(rules, 'dev.tfvars', false)).toBe(true);
    expect(matchRules(rules, 'local.tf', false)).toBe(true);
  });
});

describe('listFiles ignore options', () => {
  const files = {
    '.gitignore': 'secret.tfvars\nlegacy/\n',
    'main.tf': '',
    'secret.tfvars': '',
    'legacy/old.tf': '',
    'envs/prod/main.tf': '',
    'envs/dev/main.tf': '',
    'node_modules/m/main.tf': '',
    '.terraform/modules/x/main.tf': '',
    // Terragrunt's working copies of a module (generated, like .terraform): linting them repeats the module's findings.
    'live/prod/.terragrunt-cache/abc/def/main.tf': '',
  };

  it('respects .gitignore by default and skips dependency folders', async () => {
    const dir = tree(files);
    expect(await listed(dir)).toEqual(['envs/dev/main.tf', 'envs/prod/main.tf', 'main.tf']);
  });

  it('gitignore: false lists gitignored files', async () => {
    const dir = tree(files);
    expect(await listed(dir, { gitignore: false })).toEqual(['envs/dev/main.tf', 'envs/prod/main.tf', 'legacy/old.tf', 'main.tf', 'secret.tfvars']);
  });

  it(`reads ${IGNORE_FILE} at the root, whose rules win over .gitignore`, async () => {
    const dir = tree({ ...files, [IGNORE_FILE]: '# ours\nenvs/dev/\n!secret.tfvars\n' });
    expect(await listed(dir)).toEqual(['envs/prod/main.tf', 'main.tf', 'secret.tfvars']);
    // It is read even with gitignore off.
    expect(await listed(dir, { gitignore: false })).toEqual(['envs/prod/main.tf', 'legacy/old.tf', 'main.tf', 'secret.tfvars']);
  });

  it('ignorePatterns (--ignore-pattern) are relative to the root and win over both files', async () => {
    const dir = tree({ ...files, [IGNORE_FILE]: '!legacy/\n' });
    expect(await listed(dir, { ignorePatterns: ['envs/*/main.tf'] })).toEqual(['legacy/old.tf', 'main.tf']);
    expect(await listed(dir, { ignorePatterns: ['/main.tf', '!envs/'] })).toEqual(['envs/dev/main.tf', 'envs/prod/main.tf', 'legacy/old.tf']);
  });

  it('applies the .gitignore files between the root and a scanned subfolder', async () => {
    const dir = tree({ ...files, 'envs/.gitignore': 'dev/\n' });
    const found = (await listFiles([path.join(dir, 'envs')], { root: dir, accept: readable })).map((f) => path.relative(dir, f));
    expect(found).toEqual([path.join('envs', 'prod', 'main.tf')]);
    const rootIgnores = tree({ ...files, '.gitignore': 'prod/\n' });
    const found2 = (await listFiles([path.join(rootIgnores, 'envs')], { root: rootIgnores, accept: readable })).map((f) => path.relative(rootIgnores, f));
    expect(found2).toEqual([path.join('envs', 'dev', 'main.tf')]);
  });

  it('lists a file given by name even when it is ignored', async () => {
    const dir = tree(files);
    expect(await listFiles([path.join(dir, 'secret.tfvars')], { root: dir })).toEqual([path.join(dir, 'secret.tfvars')]);
  });

  it('tells about a folder it cannot list and goes on', async () => {
    const dir = tree(files);
    const unreadable: string[] = [];
    const reader = {
      list: (d: string) => (d.endsWith('envs') ? undefined : fs.readdirSync(d, { withFileTypes: true }).map((e) => ({ name: e.name, path: path.join(d, e.name), isFile: e.isFile(), isDirectory: e.isDirectory() }))),
      readText: (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined),
    };
    expect(await listed(dir, { reader, onUnreadable: (d) => unreadable.push(d) })).toEqual(['main.tf']);
    expect(unreadable).toEqual([path.join(dir, 'envs')]);
  });
});
