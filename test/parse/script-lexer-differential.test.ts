/**
 * The script lexer (src/parse/yaml/script.ts) was made faster for issue 15 (character maps in
 * one buffer, tokens built once, runs of ordinary characters taken at once). Its snippets must
 * stay exactly what the lexer of main c5fa755 made (kept in ./reference/ as the oracle): every
 * command, character map, token, range, heredoc, comment and unclosed quote — on every script
 * and `run:` block of ../shared/corpus, in both languages, and on random text made of the
 * characters the lexer treats specially.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/core/source.js';
import { identityMapping, type MappedText } from '../../src/parse/yaml/scalar.js';
import { buildSnippet, type ScriptLanguage } from '../../src/parse/yaml/script.js';
import { parseCiDocument, type CiKind } from '../../src/parse/yaml/ci.js';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { buildSnippet as referenceSnippet } from './reference/script-lexer-c5fa755.js';
import { CORPUS_FOUND, filesUnder } from '../support/fixtures.js';

const CORPUS = CORPUS_FOUND;

/** A snippet as comparable text (typed arrays as plain arrays, views and copies alike). */
const serialize = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));

/**
 * Bash ANSI-C quoting (`$'it\'s'`), which the lexer reads since review 64 and the oracle does
 * not (it took `\'` for the end of the quote): such shell texts are left out of the comparison
 * (their own case is in test/rules/ACR001.test.ts).
 */
const ANSI_C_QUOTE = /\$'/;
/** PowerShell here-strings (`@"` closing its line), likewise: the oracle took a `"` inside for the end. */
const HERE_STRING = /@["'][ \t]*\r?\n/;
/**
 * Bash array assignments (`cmd=(az … \n --flag x\n)`), one command since review 107 (the oracle
 * read each line as a command, and `(`/`)` as a subshell's): left out likewise (their own cases
 * are in test/rules/KV001.test.ts).
 */
const SHELL_ARRAY = /[A-Za-z0-9_]\+?=\(/;

function expectSameSnippet(text: string, lineMap: LineMap, mapped: MappedText, language: ScriptLanguage, label: string): void {
  if (language === 'shell' && (ANSI_C_QUOTE.test(mapped.value) || SHELL_ARRAY.test(mapped.value))) return;
  if (language === 'powershell' && HERE_STRING.test(mapped.value)) return;
  const args = { file: 'f', lineMap, mapped, language, origin: 'run' as const, subject: 's', attributePath: 'run', fallbackRange: lineMap.range(0, 0) };
  const got = serialize(buildSnippet(args));
  const want = serialize(referenceSnippet(args));
  if (got !== want) expect(got, `${label} (${language})`).toBe(want);
  void text;
}

function wholeText(text: string, language: ScriptLanguage, label: string): void {
  expectSameSnippet(text, new LineMap(text), identityMapping(text), language, label);
}

/** A small seeded generator (mulberry32): the random cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('script lexer: same snippets as the lexer of c5fa755', () => {
  it('on hand-written scripts', () => {
    const cases = [
      'az group create -n rg -l westeurope # comment\necho "a # b" \'c # d\'\n',
      'az aks create \\\n  --name x \\\n  --node-vm-size Standard_NC6 | tee log &&\n  echo done\n',
      'cat > f.yml <<EOF\nname: $X\nEOF\ncat <<-\'END\'\n\tbody\n\tEND\naz x <<< "here"\n',
      '# az ad sp create-for-rbac --sdk-auth \\\n#   --role contributor\n##  az x\n',
      'x=`az account show`; y=$(az group list --query "[].name" -o tsv); z=$(pwd)\n',
      'echo "unclosed\naz vm create --size x\n',
      "echo 'unclosed\naz vm create --size x\n",
      'a=1&&b=2||c=3;d=4 & e >&2 2>&1 <&0 ( f ) { g; }\r\nh "esc \\" quote" \\$i \\\r\nj\r\n',
      'cat >|a 2>|b &>c &>>d x&>y e & >f g|h >| i\n',
      'echo "line one\\\nline two" $((1+2)) ${A:-"b c"} "$(echo "nested # not")"\n',
      'SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" &>/dev/null && pwd)"\naz x --file "$SCRIPT_DIR/a.yml"\n',
      'X="$(az group show \\\n  --name "$RG" --query id -o tsv)" # c\nY="$(echo "$(date "+%Y # %m")")"; az y\n',
      'Z="$(echo "never closed" ; az vm create --size x\naz w\n',
    ];
    const ps = [
      '$x = \'a\'\naz vm create --name $x `\n  --size Standard_NC6 # comment\n<# block\ncomment #> az y\n',
      "Write-Host 'it''s' \"a `\"b`\" c\" | Out-Null; $env:X = \"v\"\n@(az group list) ; & az x\n",
      '# az ad sp create-for-rbac --sdk-auth `\n#   --role x\n',
      '$v = "$(Get-Date -Format "yyyy # MM")" ; az x --name "$($env:N)-x"\n',
    ];
    for (const t of cases) wholeText(t, 'shell', JSON.stringify(t));
    for (const t of [...cases, ...ps]) wholeText(t, 'powershell', JSON.stringify(t));
  });

  it('on random text of the characters the lexer treats specially', () => {
    const next = random(15);
    const alphabet = ['a', 'z', ' ', ' ', '\t', '\n', '\r\n', '\r', "'", '"', '\\', '`', '#', '<', '<<', '<<EOF\n', '\nEOF\n', '<#', '#>', '>', '&', '&&', '|', '||', ';', '(', ')', '$', '$(', '${{', '}}', '$((', '=', '-', 'az ', 'É'];
    for (let c = 0; c < 3000; c++) {
      let t = '';
      const len = 1 + Math.floor(next() * 40);
      for (let k = 0; k < len; k++) t += alphabet[Math.floor(next() * alphabet.length)];
      wholeText(t, c % 2 === 0 ? 'shell' : 'powershell', JSON.stringify(t));
    }
  });

  it.skipIf(!CORPUS)('on every script and CI file of the corpus', () => {
    let n = 0;
    for (const file of filesUnder(CORPUS!, /\.(sh|bash|ps1)$/i)) {
      const text = readFileSync(file, 'utf8');
      wholeText(text, 'shell', file);
      wholeText(text, 'powershell', file);
      n++;
    }
    for (const file of filesUnder(CORPUS!, /\.ya?ml$/i)) {
      const text = readFileSync(file, 'utf8');
      const kind = classifyCiFile(file.slice(CORPUS!.length + 1), text) as CiKind | undefined;
      if (!kind || kind === 'script') continue;
      const doc = parseCiDocument(file, text, kind);
      for (const sn of [...doc.scripts, ...(doc.commentScript ? [doc.commentScript] : [])]) {
        expectSameSnippet(text, doc.lineMap, { value: sn.value, starts: sn.starts, ends: sn.ends, exact: sn.exact }, sn.language, `${file} ${sn.subject}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});

describe('identity mappings (views of one counting table)', () => {
  it('map every character to itself, for short texts, a long one and one beyond the kept table', () => {
    for (const n of [0, 1, 5000, 70_000, (1 << 22) + 3]) {
      const m = identityMapping('x'.repeat(n));
      expect(m.starts.length).toBe(n);
      expect(m.ends.length).toBe(n);
      for (const i of [0, 1, Math.floor(n / 2), n - 1]) {
        if (i < 0 || i >= n) continue;
        expect(m.starts[i]).toBe(i);
        expect(m.ends[i]).toBe(i + 1);
      }
    }
    // A mapping made before the table grew keeps its values.
    const early = identityMapping('abc');
    identityMapping('y'.repeat(200_000));
    expect(Array.from(early.starts)).toEqual([0, 1, 2]);
    expect(Array.from(early.ends)).toEqual([1, 2, 3]);
  });
});
