/**
 * CI001 and CI005 read the words a variable expands to (the script's default run): a flag a
 * variable holds is reported where it is written, and a variable that is not known and may be
 * the flag is recorded for --verbose (RULES.md: an unknown value that hides a possible finding
 * is recorded), never reported.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tree } from '../eval/tree.js';

const undecided = async (files: Record<string, string>, rule: string): Promise<string[]> => {
  const dir = tree(files);
  const r = await lint({ paths: [dir], root: dir, rules: [rule], noConfig: true });
  expect(r.findings).toEqual([]);
  return r.undecided.map((u) => u.reason);
};

describe('words a variable expands to', () => {
  it('CI005: an unquoted unknown argument of terraform apply may hold -auto-approve (recorded); a quoted one is one argument, the plan file (not)', async () => {
    expect(await undecided({ 'a.sh': 'terraform apply $TF_ARGS\n' }, 'CI005')).toEqual([
      'the unquoted $TF_ARGS of terraform apply may be several words, -auto-approve among them ($TF_ARGS is not assigned a literal in this script)',
    ]);
    expect(await undecided({ 'a.sh': 'terraform apply "$PLAN"\n' }, 'CI005')).toEqual([]);
    // An option's value is one argument.
    expect(await undecided({ 'a.sh': 'terraform apply -state=$STATE tfplan\n' }, 'CI005')).toEqual([]);
  });

  it('CI005: a plan file a variable holds decides (the run used to record "$PLAN may be the plan file")', async () => {
    expect(await undecided({ 'a.sh': 'PLAN=tfplan\nterraform apply -auto-approve $PLAN\n' }, 'CI005')).toEqual([]);
  });

  it('CI001: an unknown word where an option may stand may be --sdk-auth (recorded); the value of an option is not', async () => {
    expect(await undecided({ 'a.sh': 'az ad sp create-for-rbac --name sp1 $EXTRA\n' }, 'CI001')).toEqual([
      '$EXTRA of az ad sp create-for-rbac is not known ($EXTRA is not assigned a literal in this script) and may be --sdk-auth',
    ]);
    expect(await undecided({ 'a.sh': 'az ad sp create-for-rbac --name "$NAME" --role contributor\n' }, 'CI001')).toEqual([]);
  });

  it('hostile values stay bounded: a variable that doubles on each line is unknown past 1,000,000 characters, a value of more than 1,000 words is not split; the other findings stay', async () => {
    const doubling = ['X0=ab', ...Array.from({ length: 30 }, (_, i) => `X${i + 1}="$X${i} $X${i}"`), 'terraform apply $X30', 'az ad sp create-for-rbac --name sp1 --sdk-auth', ''].join('\n');
    const dir = tree({ 'a.sh': doubling, 'b.sh': `BIG="${Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ')}"\nterraform apply $BIG\n` });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001', 'CI005'], noConfig: true });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}`)).toEqual(['CI001 33']);
    expect(r.undecided.map((u) => u.reason)).toEqual([
      'the unquoted $X30 of terraform apply may be several words, -auto-approve among them (the expanded value is longer than 1,000,000 characters)',
      'the unquoted $BIG of terraform apply may be several words, -auto-approve among them (the value splits into more than 1,000 words)',
    ]);
  });
});
