/**
 * Command substitutions inside double quotes have quotes of their own, as the shell (and
 * PowerShell's `"$(…)"` subexpressions) read them: `"$(cd "$(dirname "$0")" && pwd)"` is one
 * word, and a `#` inside starts no comment. A substitution that is never closed leaves the
 * text to the plain rules of quotes (the shell would stop with a syntax error).
 */
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/source.js';
import { identityMapping } from '../../src/parse/yaml/scalar.js';
import { buildSnippet, type ScriptLanguage } from '../../src/parse/yaml/script.js';

function lex(text: string, language: ScriptLanguage = 'shell'): { commands: string[][]; comments: string[] } {
  const lineMap = new LineMap(text);
  const sn = buildSnippet({ file: 'f', lineMap, mapped: identityMapping(text), language, origin: 'run', subject: 's', attributePath: 'run', fallbackRange: lineMap.range(0, 0) });
  return { commands: sn.commands.map((c) => c.tokens.map((t) => t.raw)), comments: sn.comments.map((c) => c.text) };
}

describe('script lexer: substitutions inside double quotes', () => {
  it.each([
    ['the script-folder idiom is one word', 'D="$(cd "$(dirname "$0")" && pwd)"\n', [['D="$(cd "$(dirname "$0")" && pwd)"']], []],
    ['a # inside the substitution starts no comment', 'T="$(date "+%Y # %m")"; az x # c\n', [['T="$(date "+%Y # %m")"', ';', 'az', 'x']], ['# c']],
    ['nested three deep', 'echo "a $(b "$(c "$(d)")")" e\n', [['echo', '"a $(b "$(c "$(d)")")"', 'e']], []],
    ['single quotes inside run nothing', `echo "$(echo ')' "x")" y\n`, [['echo', `"$(echo ')' "x")"`, 'y']], []],
    ['arithmetic is closed by its parentheses', 'echo "$((1 + (2)))" z\n', [['echo', '"$((1 + (2)))"', 'z']], []],
  ])('%s', (_name, text, commands, comments) => {
    expect(lex(text)).toEqual({ commands, comments });
  });

  it('joins a line continuation inside the substitution', () => {
    const { commands } = lex('X="$(az group show \\\n  --name "$RG")" ; az y\n');
    expect(commands).toEqual([['X="$(az group show   --name "$RG")"', ';', 'az', 'y']]);
  });

  it('reads PowerShell subexpressions with their own quotes', () => {
    expect(lex('$v = "$(Get-Date -Format "yyyy # MM")" ; az x\n', 'powershell')).toEqual({ commands: [['$v', '=', '"$(Get-Date -Format "yyyy # MM")"', ';', 'az', 'x']], comments: [] });
  });

  it('leaves a substitution that is never closed to the plain quote rules', () => {
    // The quote closes at the second `"` and the third opens one that is never closed, as before this change.
    expect(lex('Z="$(echo "never closed" ; az vm create\n').commands[0]).toEqual(['Z="$(echo "never', 'closed" ; az vm create\n']);
  });
});

describe('script lexer: unquoted arithmetic expansion', () => {
  it.each([
    ['an assignment with blanks inside', 'N=$((a + b))\n', [['N=$((a + b))']]],
    ['a word that ends in arithmetic', 'az keyvault create -n kv-$((i + 1)) -g rg\n', [['az', 'keyvault', 'create', '-n', 'kv-$((i + 1))', '-g', 'rg']]],
    ['parentheses and operators inside', 'X=$(( (2 + 3) * 4 & 1 )) ; az y\n', [['X=$(( (2 + 3) * 4 & 1 ))', ';', 'az', 'y']]],
    ['a subshell in a command substitution is still split', 'X=$((cd d) && pwd)\n', [['X=', '$(', '(', 'cd', 'd', ')', '&&', 'pwd', ')']]],
    ['left open: lexed as before', 'X=$((a + b\n', [['X=', '$(', '(', 'a', '+', 'b']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text).commands).toEqual(commands);
  });

  it('is bounded: one longer than 1,000 characters is lexed as before (many unclosed $(( on a line stay linear)', () => {
    const long = `X=$((${'a+'.repeat(600)}1))\n`;
    expect(lex(long).commands[0]!.slice(0, 3)).toEqual(['X=', '$(', '(']);
    expect(lex(`X=$((${'a+'.repeat(400)}1))\n`).commands).toEqual([[`X=$((${'a+'.repeat(400)}1))`]]);
  });

  it('is a PowerShell subexpression there, split as before', () => {
    expect(lex('$x = $((1 + 2))\n', 'powershell').commands).toEqual([['$x', '=', '$(', '(', '1', '+', '2', ')', ')']]);
  });
});

describe('script lexer: CI expressions ${{ … }}', () => {
  // GitHub Actions and Azure Pipelines put the expression's value in before the shell reads the text.
  it.each([
    ['operators and blanks inside', "az x -n ${{ vars.SP || 'sp' }} --sdk-auth\n", [['az', 'x', '-n', "${{ vars.SP || 'sp' }}", '--sdk-auth']]],
    ['a function call joined to text', 'az x -g rg-${{ lower(parameters.env) }}-1 --y\n', [['az', 'x', '-g', 'rg-${{ lower(parameters.env) }}-1', '--y']]],
    ['a string holding }}', "echo ${{ format('}}{0}', x) }} && az y\n", [['echo', "${{ format('}}{0}', x) }}", '&&', 'az', 'y']]],
    ["a string with a doubled ''", "echo ${{ 'it''s' && a }} ; b\n", [['echo', "${{ 'it''s' && a }}", ';', 'b']]],
    ['left open on its line: lexed as before', 'echo ${{ a || b\n', [['echo', '${{', 'a', '||', 'b']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text).commands).toEqual(commands);
    expect(lex(text, 'powershell').commands).toEqual(commands);
  });
});

describe('script lexer: shell parameter expansions ${…}', () => {
  it.each([
    ['a ( and blanks inside', 'X=${V%% (*} ; az y\n', [['X=${V%% (*}', ';', 'az', 'y']]],
    ['a default with blanks', 'echo ${X:-a b} z\n', [['echo', '${X:-a b}', 'z']]],
    ['nested, and a } in quotes', 'echo ${A:-${B:-"}"}}x y\n', [['echo', '${A:-${B:-"}"}}x', 'y']]],
    ['left open on its line: lexed as before', 'echo ${X:-a (b\n', [['echo', '${X:-a', '(', 'b']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text).commands).toEqual(commands);
  });
});

describe('script lexer: PowerShell assignments whose parts touch', () => {
  it.each([
    ['at the start of a command', '$acr=az acr create\n', [['$acr', '=', 'az', 'acr', 'create']]],
    ['with a type constraint', '[string]$acr=az x\n', [['[string]$acr', '=', 'az', 'x']]],
    ['with the operator joined to the value', '$acr =az x\n', [['$acr', '=', 'az', 'x']]],
    ['a compound operator', '$n+=az x\n', [['$n', '+=', 'az', 'x']]],
    ['after a brace, whatever opened the block', 'try {$acr=az x }\n', [['try', '{', '$acr', '=', 'az', 'x', '}']]],
    ['not an argument of another command', 'Write-Output $q=az\n', [['Write-Output', '$q=az']]],
    ['not a comparison', '$a==1\n', [['$a==1']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text, 'powershell').commands).toEqual(commands);
  });

  it('reads a line of many brackets in linear time (the type-constraint pattern cannot backtrack over them)', () => {
    // With `\[[^\s=$]*\]` repeated, each `][` split two ways: 28 pairs took 33 s, these 30 about two minutes.
    const text = `${'[]'.repeat(30)}x\n`;
    expect(lex(text, 'powershell').commands).toEqual([[text.trimEnd()]]);
  });
});

describe('script lexer: redirections that contain | or &', () => {
  it.each([
    ['>| (write under noclobber) is one word, not a pipe', 'cat >|c.yml <<EOF\nEOF\n', [['cat', '>|c.yml', '<<EOF']]],
    ['2>| with a descriptor too', 'x 2>|err.log\n', [['x', '2>|err.log']]],
    ['&> and &>> (stdout and stderr) are one word, not a background &', 'cat &>a &>>b\n', [['cat', '&>a', '&>>b']]],
    ['&> touching the word before it', 'terraform apply&>log\n', [['terraform', 'apply', '&>log']]],
    ['a | after a word that is no redirection is still a pipe', 'a>b|c\n', [['a>b', '|', 'c']]],
    ['a lone & before a blank still ends the command', 'a & >f\n', [['a', '&', '>f']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text).commands).toEqual(commands);
  });

  it('counts unclosed calls per command: a second command of the same text still reads its closed calls', () => {
    const text = `az x ${'$x.F('.repeat(70)} $n.Replace('a b', 'c')\n`;
    const first = lex(text, 'powershell').commands;
    expect(lex(text, 'powershell').commands).toEqual(first);
    expect(lex("az x $n.Replace('a b', 'c')\n", 'powershell').commands).toEqual([['az', 'x', "$n.Replace('a b', 'c')"]]);
  });

  it('leaves PowerShell alone: & is its call operator, >| is no operator there', () => {
    expect(lex("& 'x.ps1' >|y\n", 'powershell').commands).toEqual([['&', "'x.ps1'", '>', '|', 'y']]);
  });
});

describe('script lexer: PowerShell ends a bare word at }', () => {
  it.each([
    ['a block closed right after the last argument', 'if ($x) { az acr create --admin-enabled true}\n', [['if', '(', '$x', ')', '{', 'az', 'acr', 'create', '--admin-enabled', 'true', '}']]],
    ['two blocks closed at once', 'if ($a) { if ($b) { Write-Host $p}}\n', [['if', '(', '$a', ')', '{', 'if', '(', '$b', ')', '{', 'Write-Host', '$p', '}', '}']]],
    ['a braced variable name and a hashtable stay whole', 'az x --name ${env:NAME} --tags @{a=1}\n', [['az', 'x', '--name', '${env:NAME}', '--tags', '@{a=1}']]],
    ["a quoted } is the word's", "az x --name 'a}'\n", [['az', 'x', '--name', "'a}'"]]],
    ['a method call on a variable is one word', "az x -n $pool.ToLower() -s $b.Replace('a (', 'b') --y\n", [['az', 'x', '-n', '$pool.ToLower()', '-s', "$b.Replace('a (', 'b')", '--y']]],
    ['a chained call too', 'az x -n $a.Trim().ToLower() --y\n', [['az', 'x', '-n', '$a.Trim().ToLower()', '--y']]],
    // Calls that never close are scanned for their `)` 64 times per command, then not (20,000 took 7.5 s).
    ['many unclosed calls on one line', `az vm create ${'$x.Foo('.repeat(20_000)}\n`, [['az', 'vm', 'create', ...Array.from({ length: 20_000 }).flatMap(() => ['$x.Foo', '('])]]],
    // Each call checks only the text since the last one: a chain of 50,000 calls took 3.5 s when the whole word was checked at each.
    ['a very long chain of calls is one word', `az x -n $a${'.b()'.repeat(50_000)} --y\n`, [['az', 'x', '-n', `$a${'.b()'.repeat(50_000)}`, '--y']]],
  ])('%s', (_name, text, commands) => {
    expect(lex(text, 'powershell').commands).toEqual(commands);
  });

  it('leaves sh alone: a } attached to a word is part of it there', () => {
    expect(lex('echo a}\n').commands).toEqual([['echo', 'a}']]);
  });
});

describe('script lexer: a PowerShell block comment', () => {
  it('is a commented-out line per line of it (CI001 reports one at note), and a comment', () => {
    const text = '<#\n.EXAMPLE\n  az ad sp create-for-rbac --sdk-auth\n#>\naz x <# mid #> --y\n<# az one line #>\n';
    const lineMap = new LineMap(text);
    const sn = buildSnippet({ file: 'f', lineMap, mapped: identityMapping(text), language: 'powershell', origin: 'run', subject: 's', attributePath: 'run', fallbackRange: lineMap.range(0, 0) });
    expect(sn.commands.map((c) => [c.commented, c.tokens.map((t) => t.raw).join(' ')])).toEqual([
      [true, '.EXAMPLE'],
      [true, 'az ad sp create-for-rbac --sdk-auth'],
      [false, 'az x --y'],
      [true, 'az one line'],
    ]);
    expect(sn.comments.map((c) => c.text)).toEqual(['<#\n.EXAMPLE\n  az ad sp create-for-rbac --sdk-auth\n#>', '<# mid #>', '<# az one line #>']);
  });

  it('reads many block comments on one line without searching the rest of the line for each (600,000 took 28.6 s)', () => {
    const text = `${'<# x #>'.repeat(100_000)}\n`;
    expect(lex(text, 'powershell').commands).toHaveLength(100_000);
  });
});
