/** CSV writing for exports: RFC 4180 quoting, a BOM so spreadsheet apps read UTF-8 Arabic, formula escaping. */

/** Neutralises cells a spreadsheet would run as a formula (= + - @, tab or CR at the start). */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  const safe = escapeFormula(value);
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Builds a CSV document (UTF-8 with BOM, CRLF line ends). */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(cell === null || cell === undefined ? '' : String(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
