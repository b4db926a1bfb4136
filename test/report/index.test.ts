import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, formatResult, isReportFormat, type ReportFormat } from '../../src/report/index.js';
import { formatStylish } from '../../src/report/stylish.js';
import { cleanResult, fullResult } from './fixtures.js';
import { validateSarif } from './sarif-validate.js';

describe('formatResult', () => {
  it('gives byte-identical output for the same input in every format', () => {
    for (const format of REPORT_FORMATS) {
      for (const color of [false, true]) {
        const a = formatResult(fullResult(), format, { color });
        const b = formatResult(fullResult(), format, { color });
        expect(a, format).toBe(b);
        expect(a.length, format).toBeGreaterThan(0);
      }
    }
  });

  it('only stylish with color on contains ANSI escapes', () => {
    for (const format of REPORT_FORMATS) {
      // eslint-disable-next-line no-control-regex
      expect(/\u001b\[/.test(formatResult(fullResult(), format, { color: true })), format).toBe(format === 'stylish');
      // eslint-disable-next-line no-control-regex
      expect(/\u001b\[/.test(formatResult(fullResult(), format)), format).toBe(false);
    }
  });

  it('defaults to stylish and passes options through', () => {
    expect(formatResult(fullResult())).toBe(formatStylish(fullResult()));
    expect(formatResult(fullResult(), 'stylish', { cwd: '/repo/envs' })).toContain('\nprod/main.tf\n');
    expect(formatResult(fullResult(), 'markdown', { maxFindings: 1 })).toContain('### Findings (first 1 of 5)');
    expect(formatResult(fullResult(), 'markdown', { links: { serverUrl: 'https://ghe.example', repository: 'o/r', sha: 's' } })).toContain(
      '(https://ghe.example/o/r/blob/s/envs/prod/main.tf#L3)',
    );
  });

  it('produces schema-valid SARIF through the entry point', () => {
    expect(validateSarif(JSON.parse(formatResult(fullResult(), 'sarif')))).toEqual([]);
    expect(validateSarif(JSON.parse(formatResult(cleanResult(), 'sarif')))).toEqual([]);
  });

  it('knows its formats and rejects others', () => {
    expect(REPORT_FORMATS).toEqual(['stylish', 'compact', 'json', 'sarif', 'github', 'markdown']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
    expect(() => formatResult(fullResult(), 'xml' as ReportFormat)).toThrow('unknown report format: xml');
  });
});
