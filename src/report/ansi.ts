/**
 * Terminal styles for the stylish report and `--explain`: the part of chalk they use (bold,
 * dim, underline, red, green, yellow, blue, chained as `c.red.bold`), at chalk's basic colour
 * level, with chalk's exact bytes (test/report/ansi.test.ts compares them). Why not chalk
 * itself: importing it detects the terminal's colour support at load time (node:process,
 * node:tty, node:os), which cost every run about 10 ms of start-up (issue 15) although the
 * report decides colour on its own (`cli/color.ts`).
 */

const CODES = { bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39] } as const;
type StyleName = keyof typeof CODES;
const NAMES = Object.keys(CODES) as StyleName[];

/** A style: call it on a text; chain more styles by name. */
export type Style = ((text: string) => string) & { readonly [K in StyleName]: Style };

interface Styler {
  open: string;
  close: string;
  openAll: string;
  closeAll: string;
  parent?: Styler;
}

/** The root style (no style of its own): `styles(true).red.bold('x')`; with `color` false every style returns its text unchanged. */
export function styles(color: boolean): Style {
  return makeStyle(color, undefined);
}

function makeStyle(color: boolean, styler: Styler | undefined): Style {
  const style = ((text: string) => applyStyle(color, styler, String(text))) as Style;
  for (const name of NAMES) {
    let child: Style | undefined;
    Object.defineProperty(style, name, {
      get: () => {
        if (child === undefined) {
          const [open, close] = CODES[name].map((n) => `\u001B[${n}m`) as [string, string];
          child = makeStyle(color, { open, close, openAll: (styler?.openAll ?? '') + open, closeAll: close + (styler?.closeAll ?? ''), ...(styler ? { parent: styler } : {}) });
        }
        return child;
      },
    });
  }
  return style;
}

/** chalk's applyStyle: re-open the styles a nested close would end, close and re-open around line breaks. */
function applyStyle(color: boolean, styler: Styler | undefined, text: string): string {
  if (!color || !text || styler === undefined) return text;
  let out = text;
  if (out.includes('\u001B')) {
    for (let s: Styler | undefined = styler; s !== undefined; s = s.parent) out = out.split(s.close).join(s.close + s.open);
  }
  const lf = out.indexOf('\n');
  if (lf !== -1) out = encaseLineBreaks(out, styler.closeAll, styler.openAll, lf);
  return styler.openAll + out + styler.closeAll;
}

function encaseLineBreaks(text: string, prefix: string, postfix: string, first: number): string {
  let end = 0;
  let out = '';
  let index = first;
  do {
    const cr = text[index - 1] === '\r';
    out += text.slice(end, cr ? index - 1 : index) + prefix + (cr ? '\r\n' : '\n') + postfix;
    end = index + 1;
    index = text.indexOf('\n', end);
  } while (index !== -1);
  return out + text.slice(end);
}
