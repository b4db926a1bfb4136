/**
 * The `azure-cli` front end below the rules: which resources and attributes `az` commands
 * become (values, origins, defaults, unknowns), and what it hands to the Azure ML YAML
 * front end (`--file` references with `--set` overrides, heredocs that write files).
 */
import { describe, expect, it } from 'vitest';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import { buildCiModel } from '../../src/eval/ci/build.js';
import { azureCliUnits, type AzureCliResult } from '../../src/frontends/azure-cli.js';
import type { FrontEndContext } from '../../src/frontends/types.js';
import type { Resource } from '../../src/model/resource.js';
import type { Value } from '../../src/core/value.js';

const ROOT = '/repo';

function run(files: Record<string, string>): AzureCliResult {
  const ciFiles = Object.entries(files).map(([rel, text]) => {
    const kind = /\.(sh|bash|ps1)$/.test(rel) ? 'script' : rel.includes('.github/workflows') ? 'github-workflow' : /(^|\/)action\.ya?ml$/.test(rel) ? 'github-action' : 'azure-pipeline';
    const doc = parseCiDocument(`${ROOT}/${rel}`, text, kind);
    expect(doc.errors).toEqual([]);
    return buildCiModel(doc);
  });
  // The files, through a Host-like reader (the `--file` linking reads scripts and YAML).
  const texts = new Map(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text]));
  const host = { readText: (f: string) => texts.get(f), isFile: (f: string) => texts.has(f) };
  const ctx = { root: ROOT, host, allFiles: [], envForPath: () => undefined } as unknown as FrontEndContext;
  return azureCliUnits(ciFiles, ctx);
}

function resources(r: AzureCliResult): Resource[] {
  return r.units.flatMap((u) => u.resources);
}

function only(r: AzureCliResult, kind: string): Resource {
  const list = resources(r).filter((x) => x.kind === kind);
  expect(list).toHaveLength(1);
  return list[0]!;
}

/** A value as `text@line:col` (known) or `?reason` (unknown). */
function show(v: Value | undefined): string {
  if (!v) return 'absent';
  if (v.kind === 'unknown') return `?${v.reason}`;
  const text = v.kind === 'string' ? v.value : v.kind === 'number' || v.kind === 'bool' ? String(v.value) : v.kind;
  return v.origin ? `${text}@${v.origin.range.start.line}:${v.origin.range.start.column}` : text;
}

const attr = (r: Resource, a: string): string => show(r.attrs.get(a)?.value);

describe('azure-cli front end: values', () => {
  it('resolves export/readonly/local assignments, ${X:-lit}, ${X:=lit} and word splitting', () => {
    const r = run({
      'a.sh': [
        'export SIZE="Standard_NC6s_v3"',
        'readonly MIN=0',
        'f() { local POOL=gpu; }',
        ': "${TAINT:=sku=gpu:NoSchedule}"',
        'ARGS="--enable-cluster-autoscaler --max-count 3"',
        'az aks nodepool add --cluster-name aks -n gpu -s $SIZE --min-count=$MIN --node-taints "$TAINT" $ARGS --mode ${MODE:-User}',
      ].join('\n'),
    });
    const pool = only(r, 'aks.nodepool');
    expect(attr(pool, 'vmSize')).toBe('Standard_NC6s_v3@1:14');
    expect(attr(pool, 'minCount')).toBe('0@2:14');
    expect(show((pool.attrs.get('taints')!.value as { items: Value[] }).items[0])).toBe('sku=gpu:NoSchedule@4:13');
    expect(attr(pool, 'autoscale')).toMatch(/^true@5:/);
    expect(attr(pool, 'mode')).toBe('User@6:117');
  });

  it('makes command substitution, read, loops and disagreeing branches unknown', () => {
    const r = run({
      'a.sh': [
        'SIZE=$(az vm list-sizes --query x -o tsv)',
        'read -r MIN',
        'if [ -n "$X" ]; then TIER=a; else TIER=b; fi',
        'az ml compute create -n c --type AmlCompute --size $SIZE --min-instances $MIN --max-instances "$TIER"',
      ].join('\n'),
    });
    const c = only(r, 'ml.compute');
    expect(attr(c, 'vmSize')).toMatch(/^\?\$SIZE is assigned the output of a command/);
    expect(attr(c, 'minNodeCount')).toMatch(/^\?\$MIN is read at run time/);
    expect(attr(c, 'maxNodeCount')).toMatch(/different values/);
  });

  it('an unquoted unknown expansion makes absent flags unknown, not defaulted', () => {
    const r = run({ 'a.sh': 'az acr create -n acr1 --sku Basic $EXTRA\naz acr create -n acr2 --sku Basic "$QUOTED_NAME"\n' });
    const [a, b] = resources(r);
    expect(attr(a!, 'adminEnabled')).toMatch(/^\?the unquoted \$[A-Z_]+ in this az command may expand to several words/);
    expect(a!.attrs.get('adminEnabled')!.defaulted).toBe(false);
    expect(attr(b!, 'adminEnabled')).toBe('false');
  });

  it('a GitHub context that is always a number is one word: absent flags keep their defaults (review 80)', () => {
    const r = run({
      '.github/workflows/w.yml':
        'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          az acr create -n acr${{ strategy.job-index }} --sku Basic\n          az acr create -n acr${{ github.event.number }} --sku Basic\n',
    });
    const [a, b] = resources(r);
    expect(attr(a!, 'adminEnabled')).toBe('false');
    expect(attr(b!, 'adminEnabled')).toMatch(/^\?the unquoted acr\$\{\{ github\.event\.number \}\} in this az command may expand to several words/);
  });

  it('an unquoted unknown expansion as a flag value (`-n $NAME`) also makes absent flags unknown: the shell may split it into more flags', () => {
    const r = run({ 'a.sh': 'az acr create -n $NAME --sku Basic\naz acr create -n "$NAME" --sku Basic\naz acr create --sku Basic -n kv-$ENV\nNAME=acr4\naz acr create -n $NAME --sku Basic\n' });
    const [a, b, c, d] = resources(r);
    expect(attr(a!, 'adminEnabled')).toBe('?the unquoted $NAME in this az command may expand to several words, --admin-enabled among them (quote it to decide)');
    expect(attr(b!, 'adminEnabled')).toBe('false');
    expect(attr(c!, 'adminEnabled')).toMatch(/^\?the unquoted kv-\$ENV in this az command/);
    // A variable the script assigned is known: nothing is split.
    expect(attr(d!, 'adminEnabled')).toBe('false');
    expect(b!.attrs.get('adminEnabled')!.defaulted).toBe(true);
  });

  it('an unquoted variable that each branch of an if/case set to a known text passes only the flags of those texts (review 112)', () => {
    const r = run({
      'a.sh': [
        'EXTRA=""',
        'if [ "$X" = true ]; then EXTRA="--admin-enabled=true"; fi',
        'az acr create -n acr1 --sku Basic $EXTRA',
        'case "$Y" in a) MORE="-o none" ;; *) MORE="--tags a=b" ;; esac',
        'az acr create -n acr2 --sku Basic $MORE',
        'if [ -n "$Z" ]; then ABBR="--admin"; else ABBR=""; fi',
        'az acr create -n acr3 --sku Basic $ABBR',
        // Only in some paths known: the value before the if is not.
        'if [ -n "$Z" ]; then UNSET="--tags x=y"; fi',
        'az acr create -n acr4 --sku Basic $UNSET',
        // Another form of the word, a glob, or an unknown short flag: any flag.
        'az acr create -n acr5 --sku Basic ${MORE:-x}',
        'if [ -n "$Z" ]; then G="--tags *"; else G=""; fi',
        'az acr create -n acr6 --sku Basic $G',
        'if [ -n "$Z" ]; then S="-z 1"; else S=""; fi',
        'az acr create -n acr7 --sku Basic $S',
      ].join('\n'),
    });
    const [a1, a2, a3, a4, a5, a6, a7] = resources(r);
    expect(attr(a1!, 'adminEnabled')).toBe('?the unquoted $EXTRA in this az command passes --admin-enabled in some branches of an if/case before it and not in others');
    // `-o none` and `--tags` set nothing the admin user is read from.
    expect(attr(a2!, 'adminEnabled')).toBe('false');
    expect(a2!.attrs.get('adminEnabled')!.defaulted).toBe(true);
    // An abbreviation the Azure CLI reads as the flag it stands for.
    expect(attr(a3!, 'adminEnabled')).toMatch(/^\?the unquoted \$ABBR in this az command passes --admin-enabled in some branches/);
    for (const x of [a4, a5, a6, a7]) expect(attr(x!, 'adminEnabled')).toMatch(/may expand to several words, --admin-enabled among them/);
  });

  it('a variable of known texts after an explicit flag that may pass that flag again: its value is not known (the last one is used; review 118)', () => {
    const r = run({
      'a.sh': [
        'X=""',
        'case "$1" in cheap) X="--sku Basic" ;; esac',
        'az acr create -n acr1 --sku Premium $X',
        // Before it: the explicit flag, written last, wins.
        'az acr create -n acr2 $X --sku Premium',
      ].join('\n'),
    });
    const [a1, a2] = resources(r);
    expect(attr(a1!, 'sku')).toBe('?the unquoted $X after --sku passes it again in some branches of an if/case and not in others (the last one given is used)');
    expect(attr(a2!, 'sku')).toBe('Premium@4:32');
  });

  it('a variable of known texts decides nothing where something else may set it or split it otherwise (review 113)', () => {
    const branch = (name: string) => `if [ -n "$Z" ]; then ${name}="--admin-enabled=true"; else ${name}=""; fi`;
    const r = run({
      // IFS changed anywhere in the script: the texts are not split as read.
      'ifs.sh': ['IFS=,', 'X=""', 'if [ -n "$Z" ]; then X="--sku,Premium"; fi', 'az acr create -n acr1 --sku Basic $X'].join('\n'),
      // A nameref may set the variable by another name.
      'nameref.sh': ['declare -n R=X', branch('X'), 'R="--admin-enabled=true"', 'az acr create -n acr2 --sku Basic $X'].join('\n'),
      // An abbreviation after it may stand for the flag too.
      'abbrev.sh': ['if [ -n "$Z" ]; then X="--tags a=b"; else X=""; fi', 'az acr create -n acr3 --sku Basic $X --admin'].join('\n'),
    });
    const [ifs, nameref, abbrev] = resources(r);
    expect(attr(ifs!, 'sku')).toBe('Basic@4:29');
    expect(attr(ifs!, 'adminEnabled')).toMatch(/^\?the unquoted \$X in this az command may expand to several words/);
    expect(attr(nameref!, 'adminEnabled')).toMatch(/^\?the unquoted \$X in this az command may expand to several words/);
    expect(attr(abbrev!, 'adminEnabled')).toMatch(/^\?the abbreviated flag --admin in this az command may stand for --admin-enabled/);
  });

  it('a call of a function the script defines leaves what its body assigns (review 113; its body runs at the call since review 136), one a sourced file defines makes it unknown', () => {
    const r = run({
      'lib.sh': 'enable_admin() { ADMIN="--admin-enabled=true"; }\n',
      'a.sh': [
        'set_extra() { EXTRA="--admin-enabled true"; local L=1; }',
        'EXTRA=""',
        'set_extra',
        'az acr create -n acr1 --sku Basic $EXTRA',
        // In one branch only: still not known after the if.
        'X=""',
        'if [ -n "$Z" ]; then X="--tags a=b"; set_extra_x; fi',
        'set_extra_x() { X="--admin-enabled=true"; }',
        'if [ -n "$Z" ]; then X="--tags a=b"; set_extra_x; else X=""; fi',
        'az acr create -n acr2 --sku Basic $X',
        // Defined in a sourced file.
        'source ./lib.sh',
        'ADMIN=""',
        'enable_admin',
        'az acr create -n acr3 --sku Basic $ADMIN',
        // Its local names stay the script's.
        'L=Premium',
        'set_extra',
        'az acr create -n acr4 --sku "$L"',
      ].join('\n'),
    });
    const [a1, a2, a3, a4] = resources(r).filter((x) => x.address.includes('acr'));
    expect(attr(a1!, 'adminEnabled')).toBe('true@1:22');
    // (set_extra_x ran in one branch: $X holds its flag there and not in the other.)
    expect(attr(a2!, 'adminEnabled')).toMatch(/^\?the unquoted \$X in this az command passes --admin-enabled in some branches of an if\/case before it and not in others/);
    expect(attr(a3!, 'adminEnabled')).toMatch(/^\?the unquoted \$ADMIN in this az command may expand to several words/);
    expect(attr(a4!, 'sku')).toMatch(/^Premium@/);
  });

  it('function calls in a pipeline or the background change nothing; a call inside another function runs when that one is called (review 114)', () => {
    const r = run({
      'a.sh': [
        'setit() { SKU=Premium; }',
        'SKU=Basic',
        'setit | cat',
        'setit &',
        'az acr create -n acr1 --sku "$SKU"',
        'outer() { setit; }',
        'outer',
        'az acr create -n acr2 --sku "$SKU"',
      ].join('\n'),
    });
    const [a1, a2] = resources(r);
    expect(attr(a1!, 'sku')).toBe('Basic@2:5');
    // (outer's body runs at its call, and setit's in it: SKU is what setit sets; review 136.)
    expect(attr(a2!, 'sku')).toBe('Premium@1:15');
  });

  it('a case inside a case arm is that arm assigning; IFS set through eval, a nameref in a sourced file: no texts (review 114)', () => {
    const r = run({
      'lib.sh': 'declare -n REF=X\n',
      'a.sh': ['SKU=Basic', 'case "$A" in', '  a) case "$B" in b) SKU=Premium ;; esac ;;', '  *) SKU=Basic ;;', 'esac', 'az acr create -n acr1 --sku "$SKU"'].join('\n'),
      'ifs.sh': ['eval "IFS=,"', 'X=""', 'if [ -n "$Z" ]; then X="--sku,Premium"; fi', 'az acr create -n acr2 --sku Basic $X'].join('\n'),
      'nameref.sh': ['source ./lib.sh', 'X=""', 'if [ -n "$Z" ]; then X="--tags a=b"; fi', 'REF="--admin-enabled=true"', 'az acr create -n acr3 --sku Basic $X'].join('\n'),
    });
    const [a1, a2, a3] = resources(r).filter((x) => x.kind === 'acr');
    expect(attr(a1!, 'sku')).toMatch(/^\?\$SKU is assigned different values/);
    expect(attr(a2!, 'adminEnabled')).toMatch(/may expand to several words/);
    expect(attr(a3!, 'adminEnabled')).toMatch(/may expand to several words/);
  });

  it('a function piped inside another body changes nothing when that one is called; a nameref through eval (review 115)', () => {
    const r = run({
      'a.sh': ['setit() { SKU=Premium; }', 'outer() { setit | cat; }', 'SKU=Basic', 'outer', 'az acr create -n acr2 --sku "$SKU"'].join('\n'),
      'nameref.sh': ['eval "declare -n R=X"', 'if [ -n "$Z" ]; then X="--tags a=b"; else X=""; fi', 'R="--admin-enabled=true"', 'az acr create -n acr4 --sku Basic $X'].join('\n'),
    });
    const byName = (n: string) => resources(r).find((x) => x.address.endsWith(n))!;
    // `setit | cat` in outer's body runs in a subshell: outer changes nothing.
    expect(attr(byName('acr2'), 'sku')).toBe('Basic@3:5');
    expect(attr(byName('acr4'), 'adminEnabled')).toMatch(/may expand to several words/);
  });

  it('texts are not read inside a function body: it runs when called, after what the script does before (review 117)', () => {
    const r = run({ 'a.sh': ['deploy() {', '  X=""', '  if [ -n "$Z" ]; then X="--sku,Premium"; fi', '  az acr create -n acr1 --sku Basic $X', '}', 'eval "$SETUP"', 'deploy'].join('\n') });
    expect(attr(only(r, 'acr'), 'adminEnabled')).toMatch(/may expand to several words/);
  });

  it('a case whose first arm starts on the case line (`case "$E" in prod) …;; *) …;; esac`) reads that arm as one (review 115)', () => {
    const r = run({
      'a.sh': ['SKU=Basic', 'case "$E" in prod) SKU=Premium;; *) ;; esac', 'az acr create -n acr1 --sku "$SKU"', 'case "$E" in *) SKU=Standard;; esac', 'az acr create -n acr2 --sku "$SKU"'].join('\n'),
    });
    const [a1, a2] = resources(r);
    expect(attr(a1!, 'sku')).toMatch(/^\?\$SKU is assigned different values in the branches of a case/);
    expect(attr(a2!, 'sku')).toBe('Standard@4:21');
  });

  it('an if inside a case arm is that arm assigning what the if assigns (review 113)', () => {
    const r = run({
      'a.sh': ['SKU=Basic', 'case "$E" in', '  a) if [ -n "$Z" ]; then SKU=Premium; fi ;;', '  *) SKU=Basic ;;', 'esac', 'az acr create -n acr1 --sku "$SKU"'].join('\n'),
    });
    expect(attr(only(r, 'acr'), 'sku')).toMatch(/^\?\$SKU is assigned different values in the branches of an if\/case \(in a branch of a case\)/);
  });

  it('reads PowerShell assignments and backtick continuations; assignments in blocks are unknown', () => {
    const r = run({
      'a.ps1': ["$env:SKU = 'Premium'", "if ($x) { $admin = 'true' }", 'az acr create -n acr1 `', '  --sku $env:SKU `', '  --admin-enabled $admin'].join('\n'),
    });
    const acr = only(r, 'acr');
    expect(attr(acr, 'sku')).toBe('Premium@1:13');
    expect(attr(acr, 'adminEnabled')).toMatch(/^\?\$admin is assigned inside a block/);
  });

  it('skips commented-out commands and reads both sides of an idempotency guard', () => {
    const r = run({ 'a.sh': '# az keyvault create -n kv0\naz keyvault show -n kv1 || az keyvault create -n kv1 -g rg\n' });
    expect(resources(r).map((x) => x.address)).toEqual(['script: az keyvault create kv1']);
  });

  it('merges a later update of the same name; an update alone carries only its flags, and what it may only clear is unknown', () => {
    const r = run({ 'a.sh': 'az keyvault create -n kv1\naz keyvault update -n kv1 --enable-purge-protection true\naz keyvault update -n kv2 --retention-days 7\n' });
    const [kv1, kv2] = resources(r);
    expect(attr(kv1!, 'purgeProtection')).toBe('true@2:53');
    // FORMATS.md §1(d): "keyvault create (update only clears)".
    expect(attr(kv2!, 'purgeProtection')).toMatch(/is not judged on its own: the command changes a resource this file does not create/);
  });

  it('keeps version-dependent defaults unknown (Key Vault RBAC, VM size)', () => {
    const r = run({ 'a.sh': 'az keyvault create -n kv1\naz vm create -n vm1 --image Ubuntu2204\n' });
    expect(attr(only(r, 'keyvault'), 'rbacAuthorization')).toMatch(/depends on the Azure CLI version/);
    expect(attr(only(r, 'vm'), 'vmSize')).toMatch(/depends on the Azure CLI version/);
  });

  it('aks create: the cluster and its default (system) node pool; --priority Spot is the priority, the taints stay as written', () => {
    const r = run({ 'a.sh': 'az aks create -n aks --tags a=b -s Standard_D4s_v5\naz aks nodepool add --cluster-name aks -n spot --priority Spot --node-taints sku=gpu:NoSchedule\n' });
    const pools = resources(r).filter((x) => x.kind === 'aks.nodepool');
    expect(pools.map((p) => attr(p, 'mode'))).toEqual(['System', 'User']);
    expect(attr(pools[0]!, 'vmSize')).toBe('Standard_D4s_v5@1:36');
    const taints = pools[1]!.attrs.get('taints')!.value as { items: Value[] };
    // The Spot taint AKS adds comes from `priority` in engine/scan.ts, as for every format.
    expect(taints.items.map(show)).toEqual(['sku=gpu:NoSchedule@2:78']);
    expect(attr(pools[1]!, 'priority')).toBe('Spot@2:59');
  });

  it('an unknown --priority keeps the written --node-taints and leaves the priority unknown', () => {
    const r = run({ 'a.sh': 'az aks nodepool add --cluster-name aks -n p --priority $P --node-taints sku=gpu:NoSchedule\n' });
    const pool = only(r, 'aks.nodepool');
    expect((pool.attrs.get('taints')!.value as { items: Value[] }).items.map(show)).toEqual(['sku=gpu:NoSchedule@1:73']);
    expect(pool.attrs.get('taints')!.sourcePath).toBe('--node-taints');
    expect(attr(pool, 'priority')).toMatch(/^\?\$P is not assigned/);
  });
});

describe('azure-cli front end: shell functions run where they are called', () => {
  const pools = (r: AzureCliResult) => resources(r).filter((x) => x.kind === 'aks.nodepool');
  const poolText = (p: Resource) => `${attr(p, 'name').split('@')[0]} ${attr(p, 'vmSize')}`;
  const MK = 'mk() {\n  local name=$1\n  az aks nodepool add -g rg --cluster-name c --name "$name" --node-vm-size "$2"\n}\n';

  it("each call runs the body with the call's words as $1…: the values are written at the call; the body as read at its definition is not a pool", () => {
    const r = run({ 'a.sh': `${MK}mk gpu Standard_D4s_v3\nmk cpu Standard_D8s_v5\n` });
    expect(pools(r).map(poolText)).toEqual(['gpu Standard_D4s_v3@5:8', 'cpu Standard_D8s_v5@6:8']);
  });

  it('a function never called is read as written, its arguments unknown', () => {
    const r = run({ 'a.sh': MK });
    expect(pools(r).map(poolText)).toEqual(['?$1 is an argument of the function mk, known where it is called ?$2 is an argument of the function mk, known where it is called']);
  });

  it('a call inside another function runs when that one is called, with what it passes; a call before the definition runs nothing', () => {
    const r = run({ 'a.sh': `mk gpu0 Standard_D2s_v3\n${MK}main() {\n  mk "$1" Standard_D16s_v5\n}\nmain gpu\n` });
    expect(pools(r).map(poolText)).toEqual(['gpu Standard_D16s_v5@7:11']);
  });

  it('the call\'s own X=v words are the function\'s; `time f` runs it, `sudo f` and `command f` run a program of that name', () => {
    const r = run({ 'a.sh': 'SIZE=Standard_D2s_v3\nmk() { az aks nodepool add -g rg --cluster-name c --name "$1" --node-vm-size "$SIZE"; }\nSIZE=Standard_D4s_v3 mk a\ntime mk b\nsudo mk c\n' });
    expect(pools(r).map(poolText)).toEqual(['a Standard_D4s_v3@3:6', 'b Standard_D2s_v3@1:6']);
  });

  it('"$@" and "${@:2}" pass the script\'s own arguments on when every one is known', () => {
    const r = run({
      '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./s.sh add gpu Standard_NC6s_v3\n',
      's.sh': `#!/bin/bash\n${MK}case "$1" in\n  add) mk "\${@:2}" ;;\nesac\n`,
    });
    const fromWorkflow = pools(r).filter((p) => p.evaluation.unit.endsWith('w.yml'));
    expect(fromWorkflow.map(poolText)).toEqual(['gpu Standard_NC6s_v3@6:29']);
  });

  it("a body's `: \"${NAME:=gpu}\"` gives its default at a call (the name is unknown after the definition only until a call runs)", () => {
    const r = run({ 'a.sh': 'add() {\n  : "${POOL:=gpu}"\n  az aks nodepool add -g rg --cluster-name c --name "$POOL" --node-vm-size Standard_D4s_v3\n}\nadd\n' });
    expect(pools(r).map(poolText)).toEqual(['gpu Standard_D4s_v3@3:76']);
  });

  it('an eval in a function body makes the variables unknown where the function is called, not after its definition', () => {
    const body = 'SIZE=Standard_D4s_v3\nsetup() { eval "$CONFIG"; }\n';
    const uncalled = run({ 'a.sh': `${body}az aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"\n` });
    expect(pools(uncalled).map(poolText)).toEqual(['gpu Standard_D4s_v3@1:6']);
    const called = run({ 'a.sh': `${body}setup\naz aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"\n` });
    expect(attr(only(called, 'aks.nodepool'), 'vmSize')).toMatch(/^\?variables may be set by eval/);
  });

  it('a case arm starts from the variables before the case: an earlier arm\'s assignment is not the next arm\'s', () => {
    const r = run({ 'a.sh': 'SIZE=Standard_D4s_v3\ncase "$1" in\n  a) SIZE=Standard_NC6s_v3 ;;\n  b) az aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE" ;;\nesac\naz aks nodepool add -g rg --cluster-name c -n after --node-vm-size "$SIZE"\n' });
    expect(pools(r).map(poolText)).toEqual(['gpu Standard_D4s_v3@1:6', expect.stringMatching(/^after \?\$SIZE is assigned different values in the branches of a case/)]);
  });

  it("what a called body sets is the script's after the call (not its `local` names; after `&&`, unknown unless the same); a call in a pipeline sets nothing", () => {
    const r = run({
      'a.sh':
        'SIZE=Standard_D2s_v3\nsetsize() {\n  local TMP=x\n  SIZE=Standard_D8s_v5\n}\nsetsize\naz aks nodepool add -g rg --cluster-name c -n a --node-vm-size "$SIZE" --tags "t=$TMP"\n',
      'b.sh': 'SIZE=Standard_D2s_v3\nsetsize() { SIZE=Standard_D8s_v5; }\n[ -n "$GPU" ] && setsize\naz aks nodepool add -g rg --cluster-name c -n b --node-vm-size "$SIZE"\n',
    });
    expect(pools(r).map(poolText)).toEqual(['a Standard_D8s_v5@4:8', expect.stringMatching(/^b \?\$SIZE may be set by the function setsize after && or \|\|/)]);
  });

  it('an if\'s condition runs on every path: `if ! load; then exit 1; fi` leaves what load set (before, the value from before the if came back)', () => {
    const r = run({ 'a.sh': 'SIZE=Standard_D2s_v3\nload() { eval "$(cat cfg)"; }\nif ! load; then\n  exit 1\nfi\naz aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"\n' });
    expect(attr(only(r, 'aks.nodepool'), 'vmSize')).toMatch(/^\?variables may be set by eval/);
  });

  it("a called body reads the script's arrays; a helper defined after the function that calls it runs at that function's calls only", () => {
    const r = run({
      'a.sh': 'KV_ARGS=(-g rg --enable-purge-protection false)\nmake_kv() { az keyvault create --name "$1" "${KV_ARGS[@]}"; }\nmake_kv kv1\n',
      'b.sh': 'main() {\n  mk gpu Standard_D4s_v3\n}\nmk() { az aks nodepool add -g rg --cluster-name c --name "$1" --node-vm-size "$2"; }\nmain\n',
    });
    expect(attr(only(r, 'keyvault'), 'purgeProtection')).toBe('false@1:42');
    expect(pools(r).map(poolText)).toEqual(['gpu Standard_D4s_v3@2:10']);
  });

  it('a function a runner calls (`retry 3 mk …`, `measure up`) runs; `unset -f f` ends it; a name held by a value (`step=f; $step`) keeps what f sets unknown from its definition', () => {
    const r = run({
      'a.sh': 'retry() { local n=$1; shift; "$@"; }\nmk() { az aks nodepool add -g rg --cluster-name c --name "$1" --node-vm-size "$2"; }\nretry 3 mk a Standard_D4s_v3\nunset -f mk\nmk b Standard_D8s_v3\n',
      'b.sh': 'SIZE=Standard_D2s_v3\nuse_gpu() { SIZE=Standard_NC24ads_A100_v4; }\nadd() { az aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"; }\nstep=use_gpu\n$step\nadd\n',
    });
    expect(pools(r).map(poolText)).toEqual(['a Standard_D4s_v3@3:14', 'gpu ?$SIZE may be set by the function use_gpu: the command $step may be a function']);
  });

  it('`;&` and `;;&` let the next arm run after this one: there the variable is either value', () => {
    const r = run({ 'a.sh': 'SIZE=Standard_D2s_v3\ncase "$1" in\n  big)\n    SIZE=Standard_NC6s_v3\n    ;&\n  small) az aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE" ;;\nesac\n' });
    expect(attr(only(r, 'aks.nodepool'), 'vmSize')).toMatch(/^\?\$SIZE is assigned different values in the branches of a case/);
  });

  it('review 137: a body that may `return` early, a call in a piped brace group or through a runner, a conditional definition hand nothing back (what they may set is unknown)', () => {
    const size = (body: string) => attr(only(run({ 'a.sh': `SIZE=Standard_NC24ads_A100_v4\n${body}\naz aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"\n` }), 'aks.nodepool'), 'vmSize');
    expect(size('ensure() { [ -n "$SIZE" ] && return 0; SIZE=Standard_D16s_v5; }\nensure')).toMatch(/^\?\$SIZE may be set by the function ensure/);
    expect(size('use_cpu() { SIZE=Standard_D16s_v5; }\n{ use_cpu; } 2>&1 | tee log')).toMatch(/^\?\$SIZE may be set by the function use_cpu|^Standard_NC24ads_A100_v4@1:6$/);
    expect(size('log_run() { "$@" | tee -a log; }\npick() { SIZE=Standard_D16s_v5; }\nlog_run pick')).toMatch(/^\?\$SIZE may be set by the function pick/);
    expect(size('if [ "$GPU" = true ]; then pick() { SIZE=Standard_NC6s_v3; }; else pick() { SIZE=Standard_D16s_v5; }; fi\npick')).toMatch(/^\?\$SIZE is assigned different values in the branches/);
    // An unconditional `return`: nothing after it runs (not even an az command).
    const r = run({ 'b.sh': 'mk() { return 0; az acr create -n acr1 -g rg --sku Basic --admin-enabled true; }\nmk\n' });
    expect(resources(r).filter((x) => x.kind === 'acr')).toEqual([]);
  });

  it("review 137: an elif's condition runs on the paths past it; a command whose name is a value (`$step`, a sourced file) may be any function defined so far; a runner runs its first word that is no option or count", () => {
    const size = (body: string, files: Record<string, string> = {}) => attr(only(run({ ...files, 'a.sh': `SIZE=Standard_D16s_v5\nload() { SIZE=Standard_NC24ads_A100_v4; }\n${body}\naz aks nodepool add -g rg --cluster-name c -n gpu --node-vm-size "$SIZE"\n` }), 'aks.nodepool'), 'vmSize');
    expect(size('if [ -z "$RG" ]; then exit 1; elif ! load; then exit 1; fi')).toBe('Standard_NC24ads_A100_v4@2:15');
    expect(size('step=load\n$step')).toMatch(/^\?\$SIZE may be set by the function load: the command \$step may be a function/);
    expect(size('source ./lib.sh', { 'lib.sh': 'load\n' })).toMatch(/^\?\$SIZE may be set by the function load: the sourced \.\/lib\.sh may call it/);
    // (`echo` runs, not load: never load's size; the runner's "$@" may run any function, so unknown.)
    expect(size('retry() { "$@"; }\nretry 3 echo load')).not.toMatch(/NC24/);
  });

  it('calls past the work: one EVAL001 at the first call not run; the rest read as written. Calls deeper than eight levels: the body as written too, with one EVAL001', () => {
    const many = run({ 'a.sh': `f() { az acr create -n "r$1" -g rg --sku Basic; }\n${Array.from({ length: 6000 }, (_, i) => `f ${i}`).join('\n')}\n` });
    expect(many.problems.filter((p) => p.ruleId === 'EVAL001').map((p) => `${p.location.range.start.line}:${p.location.range.start.column} ${p.message}`)).toEqual([
      "5002:1 the calls of this script's shell functions run more than 5,000 commands: from here on a call is not run with its arguments (the function's commands are read as written, their arguments unknown)",
    ]);
    // 5,000 calls ran (the variables: none to copy), and the body as written once for the rest.
    expect(resources(many)).toHaveLength(5001);
    let chain = 'f0() { az acr create -n "r$1" -g rg --sku Basic; }\n';
    for (let i = 1; i <= 30; i++) chain += `f${i}() { f${i - 1} a; f${i - 1} b; }\n`;
    const deep = run({ 'a.sh': `${chain}f30\n` });
    expect(deep.problems.map((p) => `${p.location.range.start.line}:${p.location.range.start.column} ${p.message}`)).toEqual([
      "2:8 calls of this script's shell functions nest more than 8 deep: a call deeper is not run with its arguments (the function's commands are read as written, their arguments unknown)",
      "9:14 the calls of this script's shell functions run more than 5,000 commands: from here on a call is not run with its arguments (the function's commands are read as written, their arguments unknown)",
    ]);
    // The calls run give their names; f0's commands as written stay (some of its calls were not run).
    expect(new Set(resources(deep).map((x) => attr(x, 'name').split('@')[0]))).toEqual(new Set(['ra', 'rb', '?$1 is an argument of the function f0, known where it is called']));
  });
});

describe('azure-cli front end: statements that assign variables at run time', () => {
  const size = (script: string, file = 'a.sh'): string => attr(only(run({ [file]: script }), 'aks.nodepool'), 'vmSize');
  const pool = (v: string): string => `az aks nodepool add --cluster-name aks -n gpu --node-vm-size ${v}\n`;

  it('source, ., eval and export $(…) may assign any variable: every one is unknown after them', () => {
    for (const stmt of ['source ./env.sh', '. ./env.sh', 'eval "$(cat vars)"', 'export $(cat .env | xargs)', 'export $(grep -v "^#" .env)', 'set -a; source .env; set +a']) {
      expect(size(`S=Standard_NC6\n${stmt}\n${pool('$S')}`), stmt).toMatch(/^\?variables may be set by/);
      // Variables never assigned, read through a default, are unknown too (the sourced file may set them).
      expect(size(`${stmt}\n${pool('${S:-Standard_NC6}')}`), stmt).toMatch(/^\?variables may be set by/);
    }
    // A literal assignment after the statement is known again.
    expect(size(`source ./env.sh\nS=Standard_NC6\n${pool('$S')}`)).toBe('Standard_NC6@2:3');
    // Inside a command substitution (a subshell), nothing reaches the script.
    expect(size(`S=Standard_NC6\nX=$(source ./env.sh; echo hi)\n${pool('$S')}`)).toBe('Standard_NC6@1:3');
  });

  it('quoted or computed declare/export words, read-like builtins: the variables they name', () => {
    expect(size(`U=Standard_NC6\ndeclare "U=Standard_D4s_v5"\n${pool('$U')}`)).toMatch(/^\?\$U is assigned by a quoted declare word/);
    expect(size(`U=Standard_NC6\nexport "$NAME=x"\n${pool('$U')}`)).toMatch(/^\?variables may be set by export/);
    expect(size(`U=Standard_NC6\nmapfile -t U < sizes.txt\n${pool('$U')}`)).toMatch(/^\?\$U is read at run time/);
    expect(size(`U=Standard_NC6\nreadarray U < sizes.txt\n${pool('$U')}`)).toMatch(/^\?\$U is read at run time/);
    expect(size(`U=Standard_NC6\nprintf -v U '%s' "$1"\n${pool('$U')}`)).toMatch(/^\?\$U is set by printf -v/);
    expect(size(`U=Standard_NC6\nwhile getopts "s:" U; do :; done\n${pool('$U')}`)).toMatch(/^\?\$U is set by getopts|different values|loop/);
    expect(size(`U=Standard_NC6\ngetopts "s:" U\n${pool('$U')}`)).toMatch(/^\?\$U is set by getopts/);
    expect(size(`U=Standard_NC6\nIFS= read -r U < f\n${pool('$U')}`)).toMatch(/^\?\$U is read at run time/);
    // Other variables keep their values; `printf` without -v assigns nothing.
    expect(size(`U=Standard_NC6\nmapfile -t LINES < f\nprintf '%s' "$U"\n${pool('$U')}`)).toBe('Standard_NC6@1:3');
  });

  it('PowerShell: dot-sourcing, Invoke-Expression, Set-Variable and Set-Item env: make variables unknown', () => {
    const ps = (stmt: string): string => size(`$s = 'Standard_NC6'\n${stmt}\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size $s\n`, 'a.ps1');
    expect(ps('. ./env.ps1')).toMatch(/^\?variables may be set by the dot-sourced/);
    expect(ps('Invoke-Expression (Get-Content vars.ps1 -Raw)')).toMatch(/^\?variables may be set by Invoke-Expression/);
    expect(ps('iex $code')).toMatch(/^\?variables may be set by Invoke-Expression/);
    expect(ps("Set-Variable -Name s -Value 'Standard_D4s_v5'")).toMatch(/^\?\$s is set by Set-Variable/);
    expect(ps('Set-Variable -Name $n -Value x')).toMatch(/^\?variables may be set by Set-Variable/);
    // `env:s` is the environment variable `$env:s`, not the PowerShell variable `$s`.
    expect(ps("Set-Item -Path env:s -Value 'x'")).toBe('Standard_NC6@1:7');
    expect(size("$env:s = 'Standard_NC6'\nSet-Item -Path env:s -Value 'x'\naz aks nodepool add --cluster-name aks -n gpu --node-vm-size $env:s\n", 'a.ps1')).toMatch(/^\?\$env:s is set by Set-Item/);
    expect(ps("[Environment]::SetEnvironmentVariable('s', 'x')")).toMatch(/^\?environment variables may be set/);
    expect(ps("Write-Host 'hi'")).toBe('Standard_NC6@1:7');
  });

  it('PowerShell: $env:X is the environment variable, $X the PowerShell variable (about_Environment_Variables)', () => {
    const pool = (size: string): string => `az aks nodepool add --cluster-name aks -n gpu --node-vm-size ${size}\n`;
    // A PowerShell variable does not set the environment variable of its name, nor the reverse.
    expect(size(`$GPU_SKU = 'Standard_D4s_v5'\n${pool('$env:GPU_SKU')}`, 'a.ps1')).toMatch(/^\?\$env:GPU_SKU is not assigned/);
    expect(size(`$env:GPU_SKU = 'Standard_D4s_v5'\n${pool('$GPU_SKU')}`, 'a.ps1')).toMatch(/^\?\$GPU_SKU is not assigned/);
    // Each namespace keeps its own value; the braced form `${env:X}` is the same variable, its drive in any case.
    expect(size(`$env:GPU_SKU = 'Standard_D4s_v5'\n$gpu_sku = 'x'\n${pool('$ENV:GPU_SKU')}`, 'a.ps1')).toBe('Standard_D4s_v5@1:17');
    // The name in another case: a script's runner is not known, and on Linux or macOS it is another variable (review 74).
    expect(size(`$env:GPU_SKU = 'Standard_D4s_v5'\n${pool('$env:gpu_sku')}`, 'a.ps1')).toMatch(/^\?\$env:gpu_sku is set only as \$env:GPU_SKU, and the runner may be/);
    expect(size(`\${env:GPU_SKU} = 'Standard_D4s_v5'\n${pool('$env:GPU_SKU')}`, 'a.ps1')).toBe('Standard_D4s_v5@1:19');
    expect(size(`$env:GPU_SKU = 'Standard_D4s_v5'\n${pool('"${env:GPU_SKU}"')}`, 'a.ps1')).toBe('Standard_D4s_v5@1:17');
  });
});

describe('azure-cli front end: CI context', () => {
  it('GitHub env, inputs defaults and matrix variants; secrets are unknown', () => {
    const r = run({
      '.github/workflows/w.yml': `on:
  workflow_dispatch:
    inputs:
      tier:
        default: low_priority
env:
  MAX: "4"
jobs:
  j:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        size: [Standard_NC6s_v3, Standard_NC12s_v3]
    steps:
      - run: az ml compute create -n gpu --type AmlCompute --size \${{ matrix.size }} --max-instances $MAX --min-instances \${{ secrets.MIN }}
`,
    });
    const all = resources(r);
    expect(all.map((x) => `${x.evaluation.variant} ${attr(x, 'vmSize')} ${attr(x, 'maxNodeCount')}`)).toEqual([
      'matrix: size=Standard_NC6s_v3 Standard_NC6s_v3@13:16 4@7:9',
      'matrix: size=Standard_NC12s_v3 Standard_NC12s_v3@13:34 4@7:9',
    ]);
    expect(attr(all[0]!, 'minNodeCount')).toMatch(/^\?/);
  });

  it('a job template call names its variant by the call, not by an empty job id', () => {
    const r = run({
      'job.yml': 'parameters:\n- name: size\n  default: Standard_NC24ads_A100_v4\njobs:\n- job: compute\n  steps:\n  - script: az ml compute create --name gpu-a --type amlcompute --size "${{ parameters.size }}"\n',
      'azure-pipelines.yml': 'trigger: none\njobs:\n- template: job.yml\n  parameters:\n    size: Standard_NC6\n',
    });
    // A template runs only as its callers call it: no variant of its own defaults.
    expect(resources(r).map((x) => x.evaluation.variant).sort()).toEqual(['called by azure-pipelines.yml (job template)']);
  });

  it('a step template called by a job of the same name in two stages names each variant by its stage', () => {
    const r = run({
      'acr.yml': 'steps:\n- script: az acr create -n acr1 -g rg --sku Basic --admin-enabled true\n',
      'azure-pipelines.yml': 'trigger: none\nstages:\n- stage: Dev\n  jobs:\n  - job: j\n    steps:\n    - template: acr.yml\n- stage: Prod\n  jobs:\n  - job: j\n    steps:\n    - template: acr.yml\n',
    });
    expect(resources(r).map((x) => x.evaluation.variant).sort()).toEqual([
      'called by azure-pipelines.yml (stage Dev j step 1)',
      'called by azure-pipelines.yml (stage Prod j step 1)',
    ]);
  });

  it('a job template called under two stages names each variant by its stage', () => {
    const r = run({
      'job.yml': 'jobs:\n- job: compute\n  steps:\n  - script: az ml compute create --name gpu-a --type amlcompute --size Standard_NC6\n',
      'azure-pipelines.yml': 'trigger: none\nstages:\n- stage: Dev\n  jobs:\n  - template: job.yml\n- stage: Production\n  jobs:\n  - template: job.yml\n',
    });
    expect(resources(r).map((x) => x.evaluation.variant).sort()).toEqual([
      'called by azure-pipelines.yml (stage Dev job template)',
      'called by azure-pipelines.yml (stage Production job template)',
    ]);
  });

  it('a stage template called twice under stages: names each variant by the call\'s line (review 44: both were "()")', () => {
    const r = run({
      'deploy.yml': 'parameters:\n- name: env\n  type: string\nstages:\n- stage: Deploy${{ parameters.env }}\n  jobs:\n  - job: j\n    steps:\n    - script: az acr create -n acr${{ parameters.env }} -g rg --sku Basic\n',
      'azure-pipelines.yml': 'trigger: none\nstages:\n- template: deploy.yml\n  parameters:\n    env: Dev\n- template: deploy.yml\n  parameters:\n    env: Prod\n',
    });
    expect(resources(r).map((x) => x.evaluation.variant).sort()).toEqual([
      'called by azure-pipelines.yml (stage template at line 3)',
      'called by azure-pipelines.yml (stage template at line 6)',
    ]);
  });

  it('Azure Pipelines variables, $(macro), parameters and stage environment', () => {
    const r = run({
      'azure-pipelines.yml': `parameters:
- name: vault
  default: kv-prod
variables:
  sku: Premium
stages:
- stage: production
  jobs:
  - job: j
    steps:
    - bash: |
        az acr create -n acr1 --sku $(sku) --admin-enabled $(ADMIN)
        az keyvault create -n \${{ parameters.vault }}
`,
    });
    const acr = only(r, 'acr');
    expect(attr(acr, 'sku')).toBe('Premium@5:8');
    expect(attr(acr, 'adminEnabled')).toMatch(/^\?\$\(ADMIN\)/);
    expect(show(only(r, 'keyvault').name)).toBe('kv-prod@3:12');
    expect(acr.evaluation.env).toBe('prod');
  });

  it('AzureCLI@2 scriptPath: the scanned script also runs with the step\'s variables', () => {
    const r = run({
      'scripts/compute.sh': 'az ml compute create -n gpu-cluster --type AmlCompute --size "$VMSIZE"\n',
      'azure-pipelines.yml': `variables:
  vmSize: Standard_D4s_v3
steps:
- task: AzureCLI@2
  inputs:
    azureSubscription: sc
    scriptType: bash
    scriptLocation: scriptPath
    scriptPath: $(System.DefaultWorkingDirectory)/scripts/compute.sh
`,
    });
    expect(resources(r).map((c) => `${c.address} ${attr(c, 'vmSize')}`)).toEqual([
      'script: az ml compute create gpu-cluster ?$VMSIZE is not assigned a literal in this script',
      'script: az ml compute create gpu-cluster Standard_D4s_v3@2:11',
    ]);
  });

  it('a workflow step that runs a scanned script passes its env: and exported variables', () => {
    const r = run({
      'scripts/pool.sh': 'az aks nodepool add --cluster-name aks -n gpu --node-vm-size "$SIZE" --node-taints "$TAINT"\n',
      '.github/workflows/w.yml': `on: push
jobs:
  j:
    runs-on: ubuntu-latest
    env:
      SIZE: Standard_NC6s_v3
    steps:
      - run: |
          export TAINT=sku=gpu:NoSchedule
          LOCAL_ONLY=x
          bash ./scripts/pool.sh
`,
    });
    const pools = resources(r).filter((x) => x.kind === 'aks.nodepool');
    expect(pools.map((p) => `${attr(p, 'vmSize')} ${show((p.attrs.get('taints')?.value as { items?: Value[] }).items?.[0] ?? p.attrs.get('taints')?.value)}`)).toEqual([
      '?$SIZE is not assigned a literal in this script ?$TAINT is not assigned a literal in this script',
      'Standard_NC6s_v3@6:13 sku=gpu:NoSchedule@9:24',
    ]);
  });


  it('PowerShell finds an environment variable set in another case on a Windows runner only (about_Case-Sensitivity; review 74)', () => {
    const gh = (runsOn: string, read: string): string => {
      const r = run({
        '.github/workflows/w.yml': `on: push\njobs:\n  j:\n    runs-on: ${runsOn}\n    env:\n      GPU_SIZE: Standard_D4s_v5\n    steps:\n      - shell: pwsh\n        run: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size ${read}\n`,
      });
      return attr(resources(r).find((x) => x.kind === 'aks.nodepool')!, 'vmSize');
    };
    expect(gh('windows-latest', '$env:gpu_size')).toBe('Standard_D4s_v5@6:17');
    expect(gh('ubuntu-latest', '$env:gpu_size')).toBe('?$env:gpu_size is set only as $env:GPU_SIZE, and this job runs on Linux or macOS, where PowerShell\'s environment variable names keep their case');
    expect(gh('${{ matrix.os }}', '$env:gpu_size')).toMatch(/^\?\$env:gpu_size is set only as \$env:GPU_SIZE, and the runner may be Linux or macOS/);
    expect(gh('[self-hosted, windows]', '$ENV:Gpu_Size')).toBe('Standard_D4s_v5@6:17');
    // The name as it is set: found on every runner; the drive prefix and PowerShell's own variables ignore case everywhere.
    expect(gh('ubuntu-latest', '$Env:GPU_SIZE')).toBe('Standard_D4s_v5@6:17');
    expect(gh('macos-14', '"${env:GPU_SIZE}"')).toBe('Standard_D4s_v5@6:17');
    // Azure Pipelines: a variable is the upper-case environment variable; a job runs on its own pool, else its stage's, else the pipeline's.
    const ado = (pools: { root?: string; stage?: string; job?: string }): string => {
      const pool = (p: string | undefined, indent: string): string => (p ? `${indent}pool:\n${indent}  vmImage: ${p}\n` : '');
      const r = run({
        'azure-pipelines.yml': `${pool(pools.root, '')}variables:\n  gpuSize: Standard_D4s_v5\nstages:\n- stage: s\n${pool(pools.stage, '  ')}  jobs:\n  - job: j\n${pool(pools.job, '    ')}    steps:\n    - pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:gpuSize\n`,
      });
      return attr(resources(r).find((x) => x.kind === 'aks.nodepool')!, 'vmSize');
    };
    expect(ado({ root: 'windows-latest' })).toMatch(/^Standard_D4s_v5@/);
    expect(ado({ root: 'windows-latest', stage: 'ubuntu-latest' })).toMatch(/^\?.*this job runs on Linux or macOS/);
    expect(ado({ root: 'ubuntu-latest', stage: 'ubuntu-latest', job: 'windows-2022' })).toMatch(/^Standard_D4s_v5@/);
    expect(ado({})).toMatch(/^\?.*the runner may be Linux or macOS/);
    // A step's own `env:` keeps its name (the agent upper-cases pipeline variables only): on Linux `MySize` is no `MYSIZE`.
    const stepEnv = run({
      'azure-pipelines.yml': 'pool:\n  vmImage: ubuntu-latest\nsteps:\n- pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:MYSIZE\n  env:\n    MySize: Standard_D8s_v5\n',
    });
    expect(attr(resources(stepEnv).find((x) => x.kind === 'aks.nodepool')!, 'vmSize')).toMatch(/^\?\$env:MYSIZE is set only as \$env:MySize, and this job runs on Linux or macOS/);
  });

  it('steps run on their calling job\'s runner: a composite action, a jobs template, a matrix leg (self-review 75)', () => {
    const size = (r: ReturnType<typeof run>): string => attr(resources(r).find((x) => x.kind === 'aks.nodepool')!, 'vmSize');
    const composite = run({
      '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n      - uses: ./.github/actions/pool\n        with:\n          size: Standard_D4s_v5\n',
      '.github/actions/pool/action.yml': 'name: pool\ninputs:\n  size:\n    required: true\nruns:\n  using: composite\n  steps:\n    - shell: pwsh\n      env:\n        GPU_SIZE: ${{ inputs.size }}\n      run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size $env:gpu_size\n',
    });
    expect(size(composite)).toBe('Standard_D4s_v5@8:17');
    const template = run({
      'azure-pipelines.yml': 'stages:\n- stage: s\n  pool:\n    vmImage: windows-latest\n  jobs:\n  - template: templates/jobs.yml\n    parameters:\n      size: Standard_D4s_v5\n',
      'templates/jobs.yml': 'parameters:\n- name: size\n  type: string\njobs:\n- job: j\n  steps:\n  - pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:gpu_size\n    env:\n      GPU_SIZE: ${{ parameters.size }}\n',
    });
    expect(size(template)).toBe('Standard_D4s_v5@8:13');
    const matrix = run({
      '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        os: [windows-latest, ubuntu-latest]\n    runs-on: ${{ matrix.os }}\n    env:\n      GPU_SIZE: Standard_D4s_v5\n    steps:\n      - shell: pwsh\n        run: az aks nodepool add -g rg --cluster-name c -n gpupool --node-vm-size $env:gpu_size\n',
    });
    expect(resources(matrix).map((x) => `${x.evaluation.variant} ${attr(x, 'vmSize').slice(0, 40)}`)).toEqual([
      'matrix: os=windows-latest Standard_D4s_v5@9:17',
      'matrix: os=ubuntu-latest ?$env:gpu_size is set only as $env:GPU_S',
    ]);
    // A template job that names a pool of its own whose OS is not known does not take its caller's (self-review 76).
    const ownPool = run({
      'azure-pipelines.yml': 'stages:\n- stage: s\n  pool:\n    vmImage: windows-latest\n  jobs:\n  - template: templates/jobs.yml\n',
      'templates/jobs.yml': 'jobs:\n- job: j\n  pool:\n    name: GpuBuildAgents\n  steps:\n  - pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:gpu_size\n    env:\n      GPU_SIZE: Standard_D4s_v5\n',
    });
    expect(size(ownPool)).toMatch(/^\?\$env:gpu_size is set only as \$env:GPU_SIZE, and the runner may be Linux or macOS/);
    // Azure Pipelines' multi-platform matrix: `vmImage: $(imageName)` with each leg's imageName.
    const adoMatrix = run({
      'azure-pipelines.yml': 'jobs:\n- job: j\n  strategy:\n    matrix:\n      linux:\n        imageName: ubuntu-latest\n      windows:\n        imageName: windows-latest\n  pool:\n    vmImage: $(imageName)\n  variables:\n    GPU_SIZE: Standard_D4s_v5\n  steps:\n  - pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:gpu_size\n',
    });
    expect(resources(adoMatrix).map((x) => `${x.evaluation.variant} ${attr(x, 'vmSize').slice(0, 24)}`)).toEqual([
      'matrix: linux ?$env:gpu_size is set on',
      'matrix: windows Standard_D4s_v5@12:15',
    ]);
    // A step's env: entry and a pipeline variable of one name: on Linux the variable is still $GPUSIZE (self-review 76).
    const both = run({
      'azure-pipelines.yml': 'pool:\n  vmImage: ubuntu-latest\nvariables:\n  gpuSize: Standard_D16s_v5\nsteps:\n- bash: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $GPUSIZE\n  env:\n    gpuSize: Standard_D4s_v5\n',
    });
    expect(size(both)).toBe('Standard_D16s_v5@4:12');
    // On Windows names ignore case: the step's env: entry is the agent's GPUSIZE too (applied last); an unknown OS leaves it unknown (self-review 78).
    const stepWins = (pool: string): string =>
      size(run({ 'azure-pipelines.yml': `${pool}variables:\n  gpuSize: Standard_NC6s_v3\nsteps:\n- pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:GPUSIZE\n  env:\n    gpuSize: Standard_D4s_v5\n` }));
    expect(stepWins('pool:\n  vmImage: windows-latest\n')).toMatch(/^Standard_D4s_v5@/);
    expect(stepWins('pool:\n  vmImage: ubuntu-latest\n')).toMatch(/^Standard_NC6s_v3@/);
    expect(stepWins('')).toMatch(/^\?GPUSIZE is the pipeline variable gpuSize on Linux and the step's own env: entry on Windows/);
    // A `$(gpuSize)` macro is the pipeline variable, never a step's env: entry (self-review 78).
    const macro = run({
      'azure-pipelines.yml': 'pool:\n  vmImage: ubuntu-latest\nvariables:\n  gpuSize: Standard_NC6s_v3\nsteps:\n- bash: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $(gpuSize)\n  env:\n    gpuSize: Standard_D4s_v5\n',
    });
    expect(size(macro)).toBe('Standard_NC6s_v3@4:12');
    // The hidden variable in another case (self-review 79): the macro and the agent's upper-cased name still read it.
    const otherCase = (read: string): string =>
      size(run({ 'azure-pipelines.yml': `pool:\n  vmImage: ubuntu-latest\nvariables:\n  gpuSize: Standard_NC6s_v3\nsteps:\n- bash: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size ${read}\n  env:\n    GpuSize: Standard_D4s_v5\n` }));
    expect(otherCase('$(gpuSize)')).toBe('Standard_NC6s_v3@4:12');
    expect(otherCase('$GPUSIZE')).toBe('Standard_NC6s_v3@4:12');
    // An earlier step's run-time write changes the variable the step's env: hides too (self-review 79).
    const written = run({
      'azure-pipelines.yml': 'pool:\n  vmImage: ubuntu-latest\nvariables:\n  gpuSize: Standard_NC6s_v3\nsteps:\n- bash: echo "##vso[task.setvariable variable=gpuSize]x"\n- bash: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $(gpuSize)\n  env:\n    gpuSize: Standard_D4s_v5\n',
    });
    expect(size(written)).toMatch(/^\?gpuSize is set with ##vso\[task.setvariable\] by an earlier step of the job/);
    // A template job's `vmImage: ${{ parameters.vmImage }}` is the caller's value (self-review 78).
    const param = run({
      'azure-pipelines.yml': 'stages:\n- stage: s\n  jobs:\n  - template: templates/jobs.yml\n    parameters:\n      vmImage: windows-2022\n',
      'templates/jobs.yml': 'parameters:\n- name: vmImage\n  type: string\n  default: ubuntu-latest\njobs:\n- job: j\n  pool:\n    vmImage: ${{ parameters.vmImage }}\n  variables:\n    GPU_SIZE: Standard_D4s_v5\n  steps:\n  - pwsh: az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size $env:gpu_size\n',
    });
    expect(size(param)).toBe('Standard_D4s_v5@10:15');
  });
  it('a call of the mlops-templates create-compute workflow is an ml.compute resource', () => {
    const r = run({
      '.github/workflows/train.yml': `on: workflow_dispatch
jobs:
  compute:
    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@main
    with:
      cluster_name: gpu-cluster
      size: Standard_NC6
      min_instances: 1
`,
    });
    const c = only(r, 'ml.compute');
    expect([show(c.name), attr(c, 'vmSize'), attr(c, 'minNodeCount'), attr(c, 'computeTypeRaw')]).toEqual(['gpu-cluster@6:21', 'Standard_NC6@7:13', '1@8:22', 'AmlCompute']);
  });
});

describe('azure-cli front end: Azure Pipelines ${{ each }} loops (review 105)', () => {
  const ENVIRONMENTS = 'parameters:\n  - name: environments\n    type: object\n    default:\n      - dev\n      - prod\n';
  const copies = (r: AzureCliResult, kind: string): string[] =>
    resources(r)
      .filter((x) => x.kind === kind)
      .map((x) => `${x.evaluation.variant} | ${x.evaluation.env} | ${show(x.name)}`)
      .sort();

  it('a stage loop over a list default: one copy per item, named by it, its stage name classing it; the address names the loop once', () => {
    const r = run({
      'azure-pipelines.yml': `${ENVIRONMENTS}stages:\n  - \${{ each env in parameters.environments }}:\n    - stage: deploy_\${{ env }}\n      jobs:\n        - job: kv\n          steps:\n            - script: az keyvault create --name kv-ml-\${{ env }} -g rg\n`,
    });
    expect(copies(r, 'keyvault')).toEqual(['each env=dev | nonprod | kv-ml-dev@13:49', 'each env=prod | prod | kv-ml-prod@13:49']);
    const kv = resources(r).find((x) => x.kind === 'keyvault')!;
    expect(kv.address).toBe('pipeline:stages[each env in parameters.environments][stage=deploy_${{ env }}].jobs[job=kv].steps[script=az keyvault create --name kv-ml-${{ env…]: az keyvault create kv-ml-${{ env }}');
    // The unquoted name is one known word in each copy: the absent flag is decided (its default).
    expect(attr(kv, 'purgeProtection')).toBe('false');
  });

  it('a job loop and a step loop over a mapping (pair.key, pair.value), nested', () => {
    const r = run({
      'azure-pipelines.yml': `${ENVIRONMENTS}  - name: vaults\n    type: object\n    default:\n      kva: 'true'\n      kvb: 'false'\njobs:\n  - \${{ each env in parameters.environments }}:\n    - deployment: kv_\${{ env }}\n      environment: \${{ env }}\n      strategy:\n        runOnce:\n          deploy:\n            steps:\n              - \${{ each pair in parameters.vaults }}:\n                - script: az keyvault create -n \${{ pair.key }}-\${{ env }} -g rg --enable-purge-protection \${{ pair.value }}\n`,
    });
    expect(copies(r, 'keyvault')).toEqual([
      'each env=dev, pair=kva | nonprod | kva-dev@21:49',
      'each env=dev, pair=kvb | nonprod | kvb-dev@21:49',
      'each env=prod, pair=kva | prod | kva-prod@21:49',
      'each env=prod, pair=kvb | prod | kvb-prod@21:49',
    ]);
    // The flag's value is where the parameter's default writes it.
    const kvb = resources(r).find((x) => x.kind === 'keyvault' && show(x.name).startsWith('kvb-prod'))!;
    expect(attr(kvb, 'purgeProtection')).toBe('false@11:13');
  });

  it('items that are mappings: their members; a mapping item read whole is unknown', () => {
    const r = run({
      'azure-pipelines.yml': 'parameters:\n  - name: pools\n    type: object\n    default:\n      - name: gpu\n        size: Standard_NC6s_v3\nsteps:\n  - ${{ each p in parameters.pools }}:\n    - script: az aks nodepool add --cluster-name aks -g rg -n ${{ p.name }} -s ${{ p.size }} --labels x=${{ p }}\n',
    });
    const pool = only(r, 'aks.nodepool');
    expect(pool.evaluation.variant).toBe('each p.name=gpu');
    expect(attr(pool, 'vmSize')).toBe('Standard_NC6s_v3@6:15');
    expect(attr(pool, 'labels')).toMatch(/^\?\$\{\{ p \}\} is not a scalar of the loop's item/);
  });

  it('a template: a caller that passes the list leaves the loop unknown; one that does not, the default', () => {
    const template = `${ENVIRONMENTS}steps:\n  - \${{ each env in parameters.environments }}:\n    - script: az keyvault create -n kv-\${{ env }} -g rg\n`;
    const passes = run({ 'kv.yml': template, 'azure-pipelines.yml': 'steps:\n  - template: kv.yml\n    parameters:\n      environments: [qa]\n' });
    expect(copies(passes, 'keyvault')).toEqual([expect.stringMatching(/^called by azure-pipelines.yml \(step 1\) \| unknown \| \?.*the caller passes environments, whose items are not read/)]);
    // (The loop variable `env` is a variable named env of its copy: it classes it, review 106.)
    const defaults = run({ 'kv.yml': template, 'azure-pipelines.yml': 'steps:\n  - template: kv.yml\n' });
    expect(copies(defaults, 'keyvault')).toEqual([
      'called by azure-pipelines.yml (step 1), each env=dev | nonprod | kv-dev@9:37',
      'called by azure-pipelines.yml (step 1), each env=prod | prod | kv-prod@9:37',
    ]);
  });

  it('a loop calling a template: one call per iteration, with that iteration\'s value', () => {
    const r = run({
      'azure-pipelines.yml': `${ENVIRONMENTS}stages:\n  - \${{ each env in parameters.environments }}:\n    - template: deploy.yml\n      parameters:\n        environment: \${{ env }}\n`,
      'deploy.yml': 'parameters:\n  - name: environment\nstages:\n  - stage: deploy_${{ parameters.environment }}\n    jobs:\n      - job: kv\n        steps:\n          - script: az keyvault create -n kv-${{ parameters.environment }} -g rg\n',
    });
    expect(copies(r, 'keyvault')).toEqual([
      'called by azure-pipelines.yml (stage template at line 9), each env=dev | nonprod | kv-dev@8:43',
      'called by azure-pipelines.yml (stage template at line 9), each env=prod | prod | kv-prod@8:43',
    ]);
  });

  it('an empty list inserts nothing; past 1,024 iterations the loop is not expanded (EVAL001)', () => {
    const empty = run({ 'azure-pipelines.yml': 'parameters:\n  - name: envs\n    type: object\n    default: []\nsteps:\n  - ${{ each env in parameters.envs }}:\n    - script: az keyvault create -n kv-${{ env }} -g rg\n' });
    expect(resources(empty)).toEqual([]);
    const many = Array.from({ length: 1025 }, (_, i) => `      - e${i}`).join('\n');
    const r = run({ 'azure-pipelines.yml': `parameters:\n  - name: envs\n    type: object\n    default:\n${many}\nsteps:\n  - \${{ each env in parameters.envs }}:\n    - script: az keyvault create -n kv-\${{ env }} -g rg\n` });
    expect(r.problems.map((p) => `${p.ruleId} ${p.location.range.start.line} ${p.message}`)).toEqual([
      'EVAL001 1031 ${{ each env in parameters.envs }} runs more than 1,024 times with the loops around it: it is not expanded (its loop variable is unknown)',
    ]);
    expect(copies(r, 'keyvault')).toEqual([expect.stringMatching(/^default \| unknown \| \?.*runs more than 1,024 times/)]);
  });

  it('a loop calling a template: every iteration, past 32 and through a template between (review 106)', () => {
    const regions = Array.from({ length: 40 }, (_, i) => `      - name: r${i}\n        purge: ${i === 39 ? 'false' : 'true'}`).join('\n');
    const r = run({
      'azure-pipelines.yml': `parameters:\n  - name: regions\n    type: object\n    default:\n${regions}\nstages:\n  - stage: prod\n    jobs:\n      - \${{ each r in parameters.regions }}:\n        - template: mid.yml\n          parameters:\n            name: \${{ r.name }}\n            purge: \${{ r.purge }}\n`,
      'mid.yml': 'parameters:\n  - name: name\n  - name: purge\njobs:\n  - template: kv.yml\n    parameters:\n      name: ${{ parameters.name }}\n      purge: ${{ parameters.purge }}\n',
      'kv.yml': 'parameters:\n  - name: name\n  - name: purge\njobs:\n  - job: kv_${{ parameters.name }}\n    steps:\n      - script: az keyvault create -n kv-${{ parameters.name }} -g rg --enable-purge-protection ${{ parameters.purge }}\n',
    });
    const vaults = resources(r).filter((x) => x.kind === 'keyvault' && x.evaluation.unit.endsWith('kv.yml'));
    expect(new Set(vaults.map((x) => show(x.name).split('@')[0])).size).toBe(40);
    const last = vaults.find((x) => show(x.name).startsWith('kv-r39@'))!;
    expect(attr(last, 'purgeProtection')).toBe('false@84:16');
    expect(r.problems).toEqual([]);
  });

  it('loop calls whose commands pass the work budget: the loop is not expanded for the template, with EVAL001 at it (review 106)', () => {
    const names = Array.from({ length: 700 }, (_, i) => `      - e${i}`).join('\n');
    const script = Array.from({ length: 30 }, (_, i) => `          az keyvault create -n kv${i}-\${{ parameters.name }} -g rg`).join('\n');
    const r = run({
      'azure-pipelines.yml': `parameters:\n  - name: envs\n    type: object\n    default:\n${names}\nsteps:\n  - \${{ each env in parameters.envs }}:\n    - template: kv.yml\n      parameters:\n        name: \${{ env }}\n`,
      'kv.yml': `parameters:\n  - name: name\nsteps:\n  - script: |\n${script}\n`,
    });
    expect(r.problems.map((p) => `${p.ruleId} ${p.location.file.split('/').pop()} ${p.location.range.start.line} ${p.message}`)).toEqual([
      'EVAL001 azure-pipelines.yml 706 ${{ each env in parameters.envs }} calls kv.yml once per iteration, and those calls times its commands pass 20,000: the loops around its calls are not expanded for it (their loop variables are unknown)',
    ]);
    // One call, whose loop variable is unknown: each of the 30 vaults once, its name not known.
    const vaults = resources(r).filter((x) => x.kind === 'keyvault').map((x) => show(x.name));
    expect(vaults).toHaveLength(30);
    expect(vaults.every((n) => n.includes('is not expanded for kv.yml'))).toBe(true);
  });

  it('a loop around a template call past 1,024 iterations: EVAL001 at the loop, its variable unknown in the template (review 106)', () => {
    const many = Array.from({ length: 1025 }, (_, i) => `      - e${i}`).join('\n');
    const r = run({
      'azure-pipelines.yml': `parameters:\n  - name: envs\n    type: object\n    default:\n${many}\nsteps:\n  - \${{ each env in parameters.envs }}:\n    - template: kv.yml\n      parameters:\n        name: \${{ env }}\n`,
      'kv.yml': 'parameters:\n  - name: name\nsteps:\n  - script: az keyvault create -n kv-${{ parameters.name }} -g rg\n',
    });
    expect(r.problems.map((p) => `${p.ruleId} ${p.location.file.split('/').pop()} ${p.location.range.start.line}`)).toEqual(['EVAL001 azure-pipelines.yml 1031']);
    expect(resources(r).filter((x) => x.kind === 'keyvault').map((x) => show(x.name))).toEqual([expect.stringMatching(/runs more than 1,024 times/)]);
  });

  it('a loop variable named environment classes its copy, as a matrix variable of that name does (review 106)', () => {
    const r = run({ 'azure-pipelines.yml': `parameters:\n  - name: targets\n    type: object\n    default: [dev, prod]\njobs:\n  - \${{ each environment in parameters.targets }}:\n    - job: kv_\${{ environment }}\n      steps:\n        - script: az keyvault create -n kv-\${{ environment }} -g rg\n` });
    expect(copies(r, 'keyvault')).toEqual(['each environment=dev | nonprod | kv-dev@9:41', 'each environment=prod | prod | kv-prod@9:41']);
    // A template called in the loop: the copy's loop variable classes the place of the call.
    const t = run({
      'azure-pipelines.yml': `parameters:\n  - name: targets\n    type: object\n    default: [dev, prod]\njobs:\n  - \${{ each env in parameters.targets }}:\n    - template: kv.yml\n      parameters:\n        name: \${{ env }}\n`,
      'kv.yml': 'parameters:\n  - name: name\njobs:\n  - job: kv\n    steps:\n      - script: az keyvault create -n kv-${{ parameters.name }} -g rg\n',
    });
    expect(copies(t, 'keyvault').map((x) => x.split(' | ').slice(1).join(' | '))).toEqual(['nonprod | kv-dev@6:39', 'prod | kv-prod@6:39']);
  });

  it('a copy of a loop over mappings is named by a member that tells the items apart; nested loops share one each (review 106)', () => {
    const r = run({
      'azure-pipelines.yml':
        'parameters:\n  - name: envs\n    type: object\n    default:\n      - name: dev\n        sc: sc-dev\n      - name: prod\n        sc: sc-prod\n  - name: regions\n    type: object\n    default: [weu, neu]\n  - name: same\n    type: object\n    default:\n      - size: a\n      - size: a\nstages:\n  - ${{ each env in parameters.envs }}:\n    - stage: infra_${{ env.name }}\n      jobs:\n        - ${{ each region in parameters.regions }}:\n          - job: kv_${{ region }}\n            steps:\n              - script: az keyvault create -n kv-${{ env.name }}-${{ region }} -g rg\n              - ${{ each s in parameters.same }}:\n                - script: az acr create -n acr${{ s.size }} -g rg --sku Basic\n',
    });
    expect(copies(r, 'keyvault').map((x) => x.split(' | ')[0])).toEqual(['each env.name=dev, region=neu', 'each env.name=dev, region=weu', 'each env.name=prod, region=neu', 'each env.name=prod, region=weu']);
    // Items no member tells apart: by their place.
    expect(copies(r, 'acr').map((x) => x.split(' | ')[0])).toContain('each env.name=prod, region=weu, s[1]');
  });

  it('a loop over what is not a parameter\'s list stays unknown', () => {
    const r = run({ 'azure-pipelines.yml': "variables:\n  envs: dev\nsteps:\n  - ${{ each env in split(variables.envs, ',') }}:\n    - script: az keyvault create -n \"kv-${{ env }}\" -g rg\n" });
    expect(copies(r, 'keyvault')).toEqual([expect.stringMatching(/^default \| unknown \| \?.*walks a collection that is not a parameter of this file/)]);
  });
});

describe('azure-cli front end: the Azure CLI version an azure/cli step pins (review 105)', () => {
  const step = (version: string, script = 'az keyvault create -n kv1 -g rg'): string => `      - uses: azure/cli@v2\n        with:\n          azcliversion: ${version}\n          inlineScript: ${script}\n`;
  it('decides the default of --enable-rbac-authorization by azcliversion, for the inline script only', () => {
    const r = run({
      '.github/workflows/w.yml': `on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n${step('2.50.0')}${step('2.61.0', 'az keyvault create -n kv2 -g rg')}${step('latest', 'az keyvault create -n kv3 -g rg')}      - run: az keyvault create -n kv4 -g rg\n`,
    });
    const rbac = resources(r)
      .filter((x) => x.kind === 'keyvault')
      .map((x) => `${show(x.name).split('@')[0]} ${attr(x, 'rbacAuthorization')} ${x.attrs.get('rbacAuthorization')?.defaulted}`);
    expect(rbac).toEqual([
      'kv1 false true',
      'kv2 true true',
      'kv3 ?the default of --enable-rbac-authorization depends on the Azure CLI version (azcliversion latest is not a release number, so the Azure CLI version is not known) false',
      'kv4 ?the default of --enable-rbac-authorization depends on the Azure CLI version false',
    ]);
  });

  it('without RBAC, az keyvault create adds an access policy for the signed-in principal unless --no-self-perms (azure-cli create_vault; review 106)', () => {
    const r = run({
      '.github/workflows/w.yml': `on: push\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n${step('2.50.0', 'az keyvault create -n kv1 -g rg')}${step('2.50.0', 'az keyvault create -n kv2 -g rg --no-self-perms')}${step('2.50.0', 'az keyvault create -n kv3 -g rg --no-self-perms false')}${step('2.50.0', 'az keyvault create -n kv4 -g rg --no-self-perms "$X"')}${step('2.63.0', 'az keyvault create -n kv5 -g rg')}${step('latest', 'az keyvault create -n kv6 -g rg')}      - run: az keyvault create -n kv7 -g rg --enable-rbac-authorization false\n`,
    });
    const policies = resources(r)
      .filter((x) => x.kind === 'keyvault')
      .map((x) => {
        const v = x.attrs.get('accessPolicies')?.value;
        return `${show(x.name).split('@')[0]} ${v === undefined ? '-' : v.kind === 'list' ? `list of ${v.items.length}` : show(v)}`;
      });
    // RBAC on (2.63.0) or not known (latest): no policy is added, and nothing is decided.
    expect(policies).toEqual(['kv1 list of 1', 'kv2 -', 'kv3 list of 1', "kv4 ?whether the command adds an access policy for the signed-in principal: the value of --no-self-perms is not known", 'kv5 -', 'kv6 -', 'kv7 list of 1']);
  });

  it('the version that decides the default is placed: a reusable workflow\'s input, as its caller passes it (review 106)', () => {
    const r = run({
      '.github/workflows/main.yml': 'on: push\njobs:\n  old:\n    uses: ./.github/workflows/kv.yml\n    with:\n      cli: 2.49.0\n',
      '.github/workflows/kv.yml': 'on:\n  workflow_call:\n    inputs:\n      cli:\n        type: string\n        default: 2.50.0\njobs:\n  kv:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/cli@v2\n        with:\n          azcliversion: ${{ inputs.cli }}\n          inlineScript: az keyvault create -n kv1 -g rg\n',
    });
    const kv = only(r, 'keyvault');
    const setBy = kv.attrs.get('rbacAuthorization')?.defaultSetBy;
    expect(setBy?.fix).toBe('azcliversion to 2.61.0 or later');
    expect([setBy!.value.origin, ...(setBy!.value.via ?? [])].map((l) => `${l!.file.split('/').pop()}:${l!.range.start.line} ${l!.label ?? ''}`)).toEqual(['main.yml:6 ', 'kv.yml:4 input cli', 'kv.yml:13 azcliversion']);
  });
});

describe('azure-cli front end: handed to the Azure ML YAML front end', () => {
  it('lists --file references with their --set overrides, and heredocs with their target file', () => {
    const r = run({
      'a.sh': [
        'FILE=compute.yml',
        "cat > $FILE <<'EOF'",
        '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json',
        'name: gpu-cluster',
        'size: Standard_NC6',
        'EOF',
        'az ml compute create -f $FILE --set size=Standard_NC6s_v3 max_instances=2 -w ws',
      ].join('\n'),
    });
    // The heredoc is the command's compute, with the --set overrides (azure-cli-files.ts).
    const c = only(r, 'ml.compute');
    expect([c.address, attr(c, 'vmSize'), attr(c, 'maxNodeCount'), show(c.refs.get('workspace'))]).toEqual(['script: az ml compute create --file $FILE', 'Standard_NC6s_v3@7:42', '2@7:73', 'ml.workspace:ws@7:78']);
    expect(r.fileReferences.map((f) => [f.command, show(f.path), f.sets.map((s) => `${s.key}=${show(s.value)}`)])).toEqual([
      ['ml compute create', 'compute.yml@1:6', ['size=Standard_NC6s_v3@7:42', 'max_instances=2@7:73']],
    ]);
    expect(r.heredocs.map((h) => [show(h.target), h.heredoc.quoted, h.heredoc.text.split('\n')[1], h.heredoc.range.start.line])).toEqual([['compute.yml@1:6', true, 'name: gpu-cluster', 3]]);
  });
});

describe('azure-cli front end: hostile input', () => {
  it('an unclosed quote: the az command it runs into has unknown flags and an EVAL001 note at the quote', () => {
    const r = run({ 'a.sh': 'az keyvault create -n "kv1 -g rg --enable-purge-protection true\n' });
    expect(attr(only(r, 'keyvault'), 'purgeProtection')).toMatch(/^\?an unclosed quote in this az command may hide --enable-purge-protection/);
    expect(r.problems.map((p) => `${p.ruleId} ${p.location.range.start.line}:${p.location.range.start.column}`)).toEqual(['EVAL001 1:23']);
  });

  it('a flag after an escaped blank (`\\ --node-taints`, a folded run: >) is a word az rejects: the absent flags are unknown', () => {
    const r = run({ 'a.sh': 'az aks nodepool add --cluster-name aks -n gpu -s Standard_NC6s_v3 \\ --node-taints sku=gpu:NoSchedule\n' });
    const pool = only(r, 'aks.nodepool');
    expect(attr(pool, 'taints')).toMatch(/^\?\\ --node-taints in this az command is not a flag but a word the Azure CLI rejects/);
    expect(attr(pool, 'vmSize')).toBe('Standard_NC6s_v3@1:50');
  });

  it('matrix combinations times commands past the budget: later jobs are not expanded, with one EVAL001 note', () => {
    const axis = (p: string): string => `[${Array.from({ length: 16 }, (_, i) => `${p}${i}`).join(', ')}]`;
    const job = (j: number): string => `  j${j}:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        r: ${axis('r')}\n        size: ${axis('Standard_NC')}\n    steps:\n      - run: az vm create -n vm -g rg --image x --size \${{ matrix.size }} -l \${{ matrix.r }}\n`;
    const r = run({ '.github/workflows/w.yml': `on: push\njobs:\n${Array.from({ length: 100 }, (_, j) => job(j)).join('')}` });
    const notes = r.problems.filter((p) => p.ruleId === 'EVAL001' && /matrix combinations of this file's jobs/.test(p.message));
    expect(notes).toHaveLength(1);
    // 20,000 / 256 = 78 jobs expanded; the other 22 once each, unexpanded.
    const all = resources(r);
    expect(all).toHaveLength(78 * 256 + 22);
    expect(attr(all[all.length - 1]!, 'vmSize')).toMatch(/is not expanded: this file's matrix combinations times their commands pass the linter's budget/);
  });

  it('scripts calling scripts that fan out (sixty calls of itself a level) stop at the budget, with one EVAL001 note', () => {
    const self = `#!/bin/bash\n${'./s/a.sh\n'.repeat(60)}az keyvault create -n kva -g rg\n`;
    const r = run({ '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./s/a.sh\n', 's/a.sh': self });
    const notes = r.problems.filter((p) => p.ruleId === 'EVAL001' && /the scripts that this file's scripts call/.test(p.message));
    expect(notes.map((p) => `${p.location.file.split('/').pop()} ${p.location.range.start.line}`)).toEqual(['w.yml 3']);
    // The step's call runs once; below it 20,000 / 62 (the script's commands, its first line counted) = 322 runs; and the script on its own.
    expect(r.units.map((u) => u.resources.length)).toEqual([1 + 322, 1]);
  });

  it('the scripts that called scripts call spend their own budget, not the matrix work: every combination is still expanded (review 58)', () => {
    const sizes = Array.from({ length: 40 }, (_, i) => `Standard_D${i + 2}s_v5`).join(', ');
    const r = run({
      '.github/workflows/w.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        size: [${sizes}]\n    steps:\n      - run: bash s/a.sh \${{ matrix.size }}\n`,
      's/a.sh': `#!/bin/bash\naz aks nodepool add -n gpupool --cluster-name c -g rg --node-vm-size "$1"\n${'bash s/b.sh\n'.repeat(30)}`,
      's/b.sh': `#!/bin/bash\n${'echo x\n'.repeat(100)}`,
    });
    expect(r.problems.filter((p) => /matrix combinations of this file's jobs/.test(p.message))).toEqual([]);
    const pools = r.units.flatMap((u) => u.resources).filter((x) => x.kind === 'aks.nodepool' && x.evaluation.unit.endsWith('w.yml'));
    expect(new Set(pools.map((p) => attr(p, 'vmSize').split('@')[0])).size).toBe(40);
  });

  it('deeply nested defaults, unbalanced expansions and unclosed ${{ do not throw', () => {
    const nested = `${'${A:-'.repeat(5000)}x${'}'.repeat(5000)}`;
    const r = run({ 'a.sh': `az acr create -n acr1 --sku ${nested} --admin-enabled "$(echo\naz acr create -n acr2 --sku \${{ inputs.x\n` });
    expect(resources(r).length).toBeGreaterThan(0);
  });
});
