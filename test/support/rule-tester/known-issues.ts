/**
 * Checks of the rule tester that today's engine or rules do not pass yet, each listed with
 * the issue that fixes it. A listed item is tolerated; the rule's test file fails when a
 * listed item no longer occurs (remove it from this list then), so the list only shrinks and
 * nothing is waived silently.
 */
export const KNOWN_ISSUES = {
  /** Rules whose messages break the house style (test/support/rule-tester/house-style.ts). */
  messageStyle: {
    GPU001: 'issue 10 item 8: messages start with a lower-case "node pool"',
    GPU002: 'issue 10 item 8: messages start with a lower-case "variable"/"parameter"',
    TAG002: 'issue 10 item 8: messages start with a lower-case "node pool"',
    TF003: 'issue 10 item 8: messages start with a lower-case "required_providers"',
    KV001: 'issue 10 item 8: two sentences ("… for good. Enable purge protection.")',
    CI001: 'issue 10 item 8: no final period; the commented-out variant starts lower-case',
    CI002: 'issue 10 item 8: no final period',
    CI003: 'issue 10 item 8: no final period',
    CI004: 'issue 10 item 8: lower-case start, no final period',
    CI005: 'issue 10 item 8: no final period',
    PARSE001: 'issue 10 item 8: parser messages carry no final period',
    EVAL001: 'issue 10 item 8: lower-case start, no final period',
    SUP002: 'issue 10 item 8: two sentences ("… on the line it covers. Remove it.")',
  } as Record<string, string>,
  /** Rules whose fingerprints change when the file is moved down a line (RULES.md: no line numbers). */
  fingerprintWithLine: {
    PARSE001: 'issue 10 item 4: src/api.ts puts the line number into PARSE001/EVAL001 fingerprints',
    EVAL001: 'issue 10 item 4: src/api.ts puts the line number into PARSE001/EVAL001 fingerprints',
  } as Record<string, string>,
  /** Rules whose fingerprints change when the same tree is linted from another folder (absolute paths in the subject). */
  fingerprintWithPath: {
    TF001: 'issue 10 item 4: the subject "module:<absolute folder>" goes into the fingerprint',
    TF003: 'issue 10 item 4: the subject "module:<absolute folder>" goes into the fingerprint',
    TF002: 'issue 10 item 4: the subject "file:<absolute path>" goes into the fingerprint',
    SEC001: 'issue 10 item 4: the subject "tf-variable:<absolute path>:<name>" goes into the fingerprint',
  } as Record<string, string>,
  /** Cases (`ID format name`) where two findings of the rule share a fingerprint. */
  sharedFingerprint: {
    'GPU002 bicep-compiled allowed-cpu-size': 'issue 10 item 4: an occurrence index when one rule reports twice on one subject',
  } as Record<string, string>,
  /** Cases (`ID format name`) where a finding's range does not fit the file's text. */
  rangeOutsideText: {
    'PARSE001 azure-pipelines unclosed-quote': 'issue 10 item 2 (CI front end): the YAML error range ends one column past the end of the file',
  } as Record<string, string>,
};

export type KnownIssueKind = keyof typeof KNOWN_ISSUES;
