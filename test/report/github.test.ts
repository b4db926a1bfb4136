import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, githubAnnotations } from '../../src/report/github.js';
import { formatResult } from '../../src/report/index.js';
import type { Finding } from '../../src/engine/types.js';
import { F_AML001, F_AML004, F_CI004, F_GPU001, F_KV001_SUPPRESSED, MAIN_TF, ROOT, RULES, cleanResult, fullResult, loc, makeResult } from './fixtures.js';

describe('github workflow commands', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d');
  });

  it('emits one annotation per unsuppressed finding, in file order', () => {
    expect(formatGithub(fullResult())).toBe(
      [
        '::warning file=.github/workflows/deploy.yml,line=5,col=15,endLine=5,endColumn=31,title=CI004 action-not-pinned::azure/login is used at branch "main".',
        '::error file=envs/prod/main.tf,line=3,col=3,endLine=3,endColumn=52,title=AML001 workspace-public-network-access::Azure ML workspace "main" is reachable from the public internet.',
        '::notice file=envs/prod/main.tf,line=7,col=3,endLine=7,endColumn=4,title=AML004 compute-cluster-min-nodes::Compute cluster "cpu" keeps 1 node running.',
        '::error file=envs/prod/main.tf,line=8,col=12,endLine=8,endColumn=30,title=GPU001 gpu-workload-on-non-gpu-size::Node pool "gpu" is meant for GPU work but vm_size is Standard_D16s_v5: 100%25 CPU, <no GPU> | a,b',
        '::error file=modules/gpu/broken.tf,line=2,col=7,endLine=2,endColumn=8,title=PARSE001 parse-error::Expected an expression after "=".',
        '',
      ].join('\n'),
    );
  });

  it('does not annotate suppressed findings', () => {
    const { annotations, overflow } = githubAnnotations(makeResult([F_KV001_SUPPRESSED]));
    expect(annotations).toEqual([]);
    expect(overflow).toEqual([]);
    expect(formatGithub(makeResult([F_KV001_SUPPRESSED]))).toBe('');
    expect(formatGithub(cleanResult())).toBe('');
  });

  it('escapes properties and message of hostile input', () => {
    const f: Finding = { ...F_CI004, message: 'line1\nline2 %0A', location: loc(`${ROOT}/a,b:c.yml`, 1, 1, 1, 2) };
    expect(formatGithub(makeResult([f]))).toBe(
      '::warning file=a%2Cb%3Ac.yml,line=1,col=1,endLine=1,endColumn=2,title=CI004 action-not-pinned::line1%0Aline2 %250A\n',
    );
  });

  it.each([
    {
      name: 'an ESC sequence in a quoted name (the reviewer\'s: erase the line, move up, forge a warning)',
      message: 'Container registry "acr\u001b[2K\u001b[1A::warning::fake" enables the admin user.',
      file: 'main.tf',
      expected: '::error file=main.tf,line=1,col=1,endLine=1,endColumn=2,title=ACR001 registry-admin-user::Container registry "acr\ufffd[2K\ufffd[1A::warning::fake" enables the admin user.',
    },
    {
      name: 'BEL, backspace, NUL, DEL and a C1 CSI',
      message: 'a\u0007b\bc\u0000d\u007fe\u009b31mf',
      file: 'main.tf',
      expected: '::error file=main.tf,line=1,col=1,endLine=1,endColumn=2,title=ACR001 registry-admin-user::a\ufffdb\ufffdc\ufffdd\ufffde\ufffd31mf',
    },
    {
      name: 'control characters in the file name, with the property escaping after them',
      message: 'm',
      file: 'd\u001b]0;x\u0007,e:f%.tf',
      expected: '::error file=d\ufffd]0;x\ufffd%2Ce%3Af%25.tf,line=1,col=1,endLine=1,endColumn=2,title=ACR001 registry-admin-user::m',
    },
    {
      name: 'tab kept; CR and LF still escaped as %0D and %0A; % escaped once',
      message: 'a\tb\r\nc\rd\ne 100%\u001b',
      file: 'main.tf',
      expected: '::error file=main.tf,line=1,col=1,endLine=1,endColumn=2,title=ACR001 registry-admin-user::a\tb%0D%0Ac%0Dd%0Ae 100%25\ufffd',
    },
  ])('replaces control characters of scanned text: $name', ({ message, file, expected }) => {
    const f: Finding = { ...F_GPU001, ruleId: 'ACR001', message, location: loc(`${ROOT}/${file}`, 1, 1, 1, 2) };
    const rules = [{ ...RULES.find((r) => r.id === 'GPU001')!, id: 'ACR001', name: 'registry-admin-user' }];
    const out = formatGithub(makeResult([f], { rules }));
    expect(out).toBe(expected + '\n');
    // eslint-disable-next-line no-control-regex
    expect(out.slice(0, -1)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });

  it('replaces control characters in a rule title too', () => {
    const rules = [{ ...RULES.find((r) => r.id === 'CI004')!, name: 'x\u001b[31my' }];
    expect(formatGithub(makeResult([F_CI004], { rules }))).toContain(',title=CI004 x\ufffd[31my::');
  });

  it('omits columns on multi-line ranges and widens empty ones', () => {
    const multi = { ...F_AML001, location: loc(MAIN_TF, 1, 1, 4, 2) };
    expect(githubAnnotations(makeResult([multi])).annotations[0]).toMatch(
      /^::error file=envs\/prod\/main\.tf,line=1,endLine=4,title=AML001/,
    );
  });

  it('caps annotations per level and returns the rest as overflow, errors first', () => {
    const many = (base: Finding, n: number): Finding[] =>
      Array.from({ length: n }, (_, i) => ({ ...base, fingerprint: `${base.fingerprint}-${i}`, location: loc(MAIN_TF, 10 + i, 1, 10 + i, 2) }));
    const findings = [...many(F_GPU001, 12), ...many(F_CI004, 11), ...many(F_AML004, 3), F_KV001_SUPPRESSED];
    const { annotations, overflow } = githubAnnotations(makeResult(findings));
    expect(annotations.filter((a) => a.startsWith('::error ')).length).toBe(10);
    expect(annotations.filter((a) => a.startsWith('::warning ')).length).toBe(10);
    expect(annotations.filter((a) => a.startsWith('::notice ')).length).toBe(3);
    expect(overflow.map((f) => `${f.ruleId}@${f.location.range.start.line}`)).toEqual(['GPU001@20', 'GPU001@21', 'CI004@20']);

    const capped = githubAnnotations(makeResult(findings), { maxErrors: 1, maxWarnings: 0, maxNotices: 2 });
    expect(capped.annotations.length).toBe(3);
    expect(capped.overflow.length).toBe(12 - 1 + 11 + 1);
    expect(capped.overflow[0]!.level).toBe('error');
    expect(capped.overflow.at(-1)!.level).toBe('note');

    const out = formatResult(makeResult(findings), 'github', { maxAnnotations: 2 });
    // Six annotations, then the group around the 20 others, each a plain line (audit 54: the CLI's
    // format dropped them and pointed at a job summary it never writes).
    expect(out.split('\n').filter((l) => /^::(?:error|warning|notice) /.test(l)).length).toBe(6);
    expect(out).toContain(
      '\nmlops-iac-lint: 20 more findings not annotated (GitHub shows a limited number of annotations per step), each listed in the group below.\n::group::mlops-iac-lint: 20 finding(s) not annotated\n',
    );
    const listed = out.slice(out.indexOf('::group::')).split('\n').slice(1, -2);
    expect(listed).toHaveLength(20);
    expect(listed.every((l) => /^[^:]+:\d+:\d+: (?:error|warning|note) \[[A-Z]+\d+\] /.test(l))).toBe(true);
    expect(out.endsWith('::endgroup::\n')).toBe(true);
  });

  it('paths are relative to cwd when given', () => {
    const out = formatGithub(makeResult([F_CI004]), { cwd: '/' });
    expect(out).toContain('file=repo/.github/workflows/deploy.yml,');
  });

  it('is deterministic', () => {
    const r = fullResult();
    r.findings.reverse();
    expect(formatGithub(r)).toBe(formatGithub(fullResult()));
  });
});
