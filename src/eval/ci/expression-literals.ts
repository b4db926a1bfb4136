/**
 * A string literal of a CI expression (GitHub Actions and Azure Pipelines alike): single-quoted,
 * a doubled `''` inside for a quote ("Literals" in both expression references).
 */
export function singleQuotedAt(s: string, at: number): { text: string; end: number } | undefined {
  if (s[at] !== "'") return undefined;
  let text = '';
  for (let i = at + 1; i < s.length; i++) {
    if (s[i] === "'") {
      if (s[i + 1] === "'") {
        text += "'";
        i++;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += s[i];
  }
  return undefined;
}
