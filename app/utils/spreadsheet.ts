import { stringify } from "csv-stringify/sync";
import { printableText } from "./text";

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): LibreOffice and Excel evaluate a cell that starts
 * with = + - @ (also their full-width forms, which they fold to ASCII), a tab or a carriage return, so
 * `=HYPERLINK(...)` typed as a name becomes a live link or command in the organizer's sheet. Leading spaces
 * are skipped by some importers before that check, so they do not hide a trigger either.
 */
const formulaStart = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u;

/** The one rule for "a spreadsheet would run this"; every CSV (and any later XLSX) export asks it. */
export function isDangerousCell(value: string): boolean {
  return formulaStart.test(value);
}

/** A cell's text as exported: unprintable characters dropped, a would-be formula prefixed with ' (the text stays visible). */
export function spreadsheetCell(value: string | number | boolean | null | undefined): string {
  const text = printableText(value == null ? "" : String(value));
  return isDangerousCell(text) ? `'${text}` : text;
}

/** CSV for spreadsheets: UTF-8 with BOM (Excel), every cell quoted and neutralised, a header row. */
export function spreadsheetCsv<Row extends Record<string, string | number | boolean | null | undefined>>(rows: Row[], columns: readonly (keyof Row & string)[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => spreadsheetCell(row[column]))),
    { header: true, columns: [...columns], bom: true, quoted: true, quoted_empty: true },
  );
}
