/**
 * The house style of a finding's message (issue 10, "Diagnostics said once"): one sentence,
 * or two short clauses, saying what is wrong and how to fix this instance. The rule tester
 * checks it on every message a rule test sees.
 */

/** Longer than this, a message is no longer "one sentence or two short clauses". */
export const MAX_MESSAGE_LENGTH = 320;

/** What is wrong with `message`, one phrase per problem; empty when it follows the style. */
export function messageStyleProblems(message: string): string[] {
  const problems: string[] = [];
  if (!/^[A-Z"'`]/.test(message)) problems.push('starts with neither an upper-case letter nor a quote or backtick');
  if (!message.endsWith('.')) problems.push("does not end with '.'");
  if (/[\r\n]/.test(message)) problems.push('spans lines');
  for (const leak of ['undefined', '[object Object]', 'NaN']) if (message.includes(leak)) problems.push(`contains "${leak}"`);
  if (/ {2}/.test(message)) problems.push('contains doubled spaces');
  if (/^\s|\s$/.test(message)) problems.push('has leading or trailing white space');
  if (message.length > MAX_MESSAGE_LENGTH) problems.push(`is ${message.length} characters long (at most ${MAX_MESSAGE_LENGTH})`);
  if (sentenceBreaks(message) > 0) problems.push('is more than one sentence');
  return problems;
}

/** Sentence ends inside the message: `. X` outside quotes, backticks and the usual abbreviations. */
function sentenceBreaks(message: string): number {
  const prose = message
    .replace(/"[^"]*"|`[^`]*`|'[^']*'/g, 'x') // quoted evidence is not prose
    .replace(/\b(?:e\.g|i\.e|etc|vs)\./g, 'x');
  return (prose.slice(0, -1).match(/[.!?]\s+[A-Z]/g) ?? []).length;
}
