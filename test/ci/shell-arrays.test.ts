/**
 * Bash arrays a script builds a command in (src/eval/azcli/shell-arrays.ts): the command
 * `"${cmd[@]}"` runs is read as if its words were written there, each where the array writes it;
 * what a branch, a loop, a function or `&&`/`||` may add is a hole (an absent flag undecided),
 * and words around a hole are still read (review 108: each case below was wrong in the first
 * version of the arrays, or in the reading before it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-arrays-');
afterAll(cleanup);

const KV = 'az keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true';

async function kv001(script: string): Promise<{ briefs: string[]; undecided: string[] }> {
  const dir = tree({ 'deploy-prod.sh': `#!/bin/bash\n${script}` });
  const { briefs, undecided } = await lintTree(dir, ['KV001']);
  return { briefs, undecided: undecided.filter((u) => u.ruleId === 'KV001').map((u) => u.reason) };
}

describe('bash arrays holding an az command', () => {
  it('a substitution inside the array is one of its words, not a command that ends it', async () => {
    const r = await kv001(`kv=(${KV} --location $(az group show -n rg --query location -o tsv) --enable-purge-protection true)\n"\${kv[@]}"\n`);
    expect(r.briefs).toEqual([]);
  });

  it('a word that may be several words keeps the words after it', async () => {
    const r = await kv001(`kv=(${KV} $EXTRA --enable-purge-protection false)\n"\${kv[@]}"\n`);
    expect(r.briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:2:121']);
  });

  it('words appended after a branch are read; the branch leaves a hole', async () => {
    const after = await kv001(`kv=(${KV})\nif [[ -n "$T" ]]; then\n  kv+=(--tags "$T")\nfi\nkv+=(--enable-purge-protection false)\n"\${kv[@]}"\n`);
    expect(after.briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:6:32']);
    const inBranch = await kv001(`kv=(${KV})\nif [[ -n "$P" ]]; then\n  kv+=(--enable-purge-protection true)\nfi\n"\${kv[@]}"\n`);
    expect(inBranch.briefs).toEqual([]);
    expect(inBranch.undecided).toEqual([expect.stringContaining('words may be added to the array kv in a branch')]);
  });

  it('an if and an else that assign different arrays leave the words they share', async () => {
    const r = await kv001(`if [[ "$E" == prod ]]; then\n  kv=(${KV} --enable-purge-protection true)\nelse\n  kv=(${KV})\nfi\n"\${kv[@]}"\n`);
    expect(r.briefs).toEqual([]);
    expect(r.undecided).toEqual([expect.stringContaining('the array kv')]);
  });

  it('an array a function builds is its value after the call; a local one is gone', async () => {
    expect((await kv001(`build() {\n  kv=(${KV})\n}\nbuild\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:3:7']);
    expect((await kv001(`build() {\n  local kv=(${KV})\n}\nbuild\n"\${kv[@]}"\n`)).briefs).toEqual([]);
    // Called in a pipeline or the background: a subshell, the caller's array is as it was.
    expect((await kv001(`build() {\n  kv=(${KV} --enable-purge-protection true)\n}\nkv=(${KV})\nbuild | cat\nbuild &\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:5:5']);
  });

  it('an array inside an array, eval of it, [*] and a runner function', async () => {
    expect((await kv001(`base=(${KV})\nkv=("\${base[@]}" --enable-purge-protection false)\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:3:44']);
    expect((await kv001(`kv=(${KV})\neval "\${kv[*]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:2:5']);
    expect((await kv001(`kv=(${KV})\n\${kv[*]}\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:2:5']);
    expect((await kv001(`run() { echo "+ $*"; "$@"; }\nkv=(${KV})\nrun "\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:3:5']);
    expect((await kv001(`args=(keyvault create --name kv1 --resource-group rg --enable-rbac-authorization true)\naz "\${args[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:3:1']);
  });

  it('an element set or unset, and a change in a subshell', async () => {
    // An element set to a known word is that word (review 111); one not known is a hole.
    const element = await kv001(`kv=(${KV})\nkv[\${#kv[@]}]=--enable-purge-protection\nkv[\${#kv[@]}]=true\n"\${kv[@]}"\n`);
    expect(element.briefs).toEqual([]);
    expect(element.undecided).toEqual([]);
    expect((await kv001(`kv=(${KV} --enable-purge-protection true)\nkv[10]=false\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:3:8']);
    const unknownElement = await kv001(`kv=(${KV})\nkv[\${#kv[@]}]=--enable-purge-protection\nkv[\${#kv[@]}]=$PURGE\n"\${kv[@]}"\n`);
    expect(unknownElement.briefs).toEqual([]);
    expect(unknownElement.undecided).toEqual([expect.stringContaining('an element of the array kv is set')]);
    expect((await kv001(`kv=(${KV})\nunset kv\n"\${kv[@]}"\n`)).briefs).toEqual([]);
    expect((await kv001(`kv=(${KV})\n( kv+=(--enable-purge-protection true) )\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:2:5']);
  });

  it('case arms written on the case line, an if/else on one line, an array set after && (review 115)', async () => {
    const oneLine = await kv001(`case "$ENV" in prod) kv=(${KV} --enable-purge-protection true) ;; *) kv=(${KV}) ;; esac\n"\${kv[@]}"\n`);
    expect(oneLine.briefs).toEqual([]);
    expect(oneLine.undecided).toEqual([expect.stringContaining('the array kv')]);
    const ifElse = await kv001(`if [ "$ENV" = prod ]; then kv=(${KV} --enable-purge-protection true); else kv=(${KV}); fi\n"\${kv[@]}"\n`);
    expect(ifElse.briefs).toEqual([]);
    expect(ifElse.undecided).toEqual([expect.stringContaining('the array kv')]);
    const afterAnd = await kv001(`kv=(${KV})\n[ -n "$P" ] && kv=(${KV} --enable-purge-protection true)\n"\${kv[@]}"\n`);
    expect(afterAnd.briefs).toEqual([]);
    expect(afterAnd.undecided).toEqual([expect.stringContaining('kv')]);
  });

  it('an if whose first branch leaves the array alone, and case arms (review 110)', async () => {
    const ifElse = await kv001(`kv=(${KV} --enable-purge-protection true)\nif [[ "$ENV" == prod ]]; then\n  echo keep\nelse\n  kv=(${KV})\nfi\n"\${kv[@]}"\n`);
    expect(ifElse.briefs).toEqual([]);
    expect(ifElse.undecided).toEqual([expect.stringContaining('the array kv')]);
    const arms = await kv001(`case "$ENV" in\n  prod) kv=(${KV} --enable-purge-protection true) ;;\n  dev) kv=(${KV}) ;;\nesac\n"\${kv[@]}"\n`);
    expect(arms.briefs).toEqual([]);
    expect(arms.undecided).toEqual([expect.stringContaining('the array kv')]);
  });

  it('case arms each start from the array before the case; an arm that leaves it alone keeps it; an exiting branch is no path (review 111)', async () => {
    const star = await kv001(`kv=(${KV} --enable-purge-protection true)\ncase "$ENV" in\n  dev) kv=(${KV}) ;;\n  *) echo defaults ;;\nesac\n"\${kv[@]}"\n`);
    expect(star.briefs).toEqual([]);
    expect(star.undecided).toEqual([expect.stringContaining('the array kv')]);
    const appends = await kv001(`kv=(${KV} --enable-purge-protection true)\ncase "$ENV" in\n  dev) kv+=(--enable-purge-protection false) ;;\n  *) kv+=(--tags env=prod) ;;\nesac\n"\${kv[@]}"\n`);
    expect(appends.briefs).toEqual([]);
    const guard = await kv001(`kv=(${KV} --enable-purge-protection true)\nif [[ -z "\${SUB:-}" ]]; then\n  echo required >&2\n  exit 1\nelse\n  kv=(${KV})\nfi\n"\${kv[@]}"\n`);
    expect(guard.briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:7:7']);
  });

  it('a backtick substitution inside the array, and one element set by a literal index', async () => {
    expect((await kv001(`kv=(${KV} --location \`az group show -n rg --query location -o tsv\` --enable-purge-protection true)\n"\${kv[@]}"\n`)).briefs).toEqual([]);
    expect((await kv001(`kv=(${KV})\nkv[4]=kv2\nkv+=(--enable-purge-protection false)\n"\${kv[@]}"\n`)).briefs).toEqual(['KV001 error noPurgeProtection deploy-prod.sh:4:32']);
  });

  it('an array never closed is said as an unclosed quote is, when an az command is in it', async () => {
    const dir = tree({ 'deploy.sh': `#!/bin/bash\nkv=(az keyvault create --name kv1\naz acr create -n acr1 -g rg --sku Basic --admin-enabled true\n` });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['EVAL001', 'ACR001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}:${f.location.range.start.column} ${f.message}`)).toEqual([
      expect.stringMatching(/^EVAL001 2:4 The array \( opened here is never closed/),
    ]);
  });
});

describe('bash arrays holding other commands CI rules read', () => {
  it('terraform apply -auto-approve and az ad sp create-for-rbac --sdk-auth run from arrays', async () => {
    const dir = tree({
      '.github/workflows/tf.yml': `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          TF=(terraform -chdir=infra apply -auto-approve)
          "\${TF[@]}"
          args=(--name ci --sdk-auth)
          az ad sp create-for-rbac "\${args[@]}"
`,
    });
    const { briefs } = await lintTree(dir, ['CI001', 'CI005']);
    expect(briefs).toEqual(['CI001 error sdkAuth .github/workflows/tf.yml:9:27', 'CI005 warning applyWithoutPlan .github/workflows/tf.yml:7:44']);
  });
});
