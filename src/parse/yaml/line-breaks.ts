/**
 * YAML 1.2's line breaks (b-break, spec 5.4): CR LF, a lone CR, a lone LF. The `yaml` library
 * and the fast reader (fast-reader.ts) break lines at LF only, so a file written with lone CRs
 * (classic Mac OS line ends) read as one long line: a valid manifest was `PARSE001 Nested
 * mappings are not allowed in compact mappings` and an Azure ML file was not recognised. Every
 * YAML reader of the project is handed the text with each lone CR replaced by LF (YAML itself
 * reads every break inside a scalar as LF): one character for one, so offsets are unchanged,
 * and `LineMap` (core/source.ts), which ends a line at a lone CR too, gives the same lines and
 * columns for both texts. CR LF stays as it is (both readers follow it).
 */
export function yamlLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
