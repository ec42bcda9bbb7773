/**
 * A CSV for a spreadsheet in Dutch Excel: semicolons, a byte-order mark, CRLF lines.
 * A cell that starts like a formula is written as text, so a spreadsheet never runs a name
 * such as =HYPERLINK(...) (OWASP CSV injection).
 */
export function csv(lines: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cell = (value: unknown) => `"${String(value).replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;
  return `\uFEFF${lines.map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
