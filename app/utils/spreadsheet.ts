import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { printableText } from "./text";

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): LibreOffice and Excel evaluate a cell that starts
 * with = + - @ (also their full-width forms, which they fold to ASCII), a tab or a carriage return, so
 * `=HYPERLINK(...)` typed as a name becomes a live link or command in the organizer's sheet. Leading spaces
 * are skipped by some importers before that check, so they do not hide a trigger either.
 */
const formulaStart = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u;

/** The one rule for "a spreadsheet would run this"; every CSV and XLSX export asks it. */
export function isDangerousCell(value: string): boolean {
  return formulaStart.test(value);
}

/** A cell's text as exported: unprintable characters dropped, a would-be formula prefixed with ' (the text stays visible). */
export function spreadsheetCell(value: string | number | boolean | null | undefined): string {
  const text = printableText(value == null ? "" : String(value));
  return isDangerousCell(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for: an exported sheet imported back stores what was typed, not the quote. */
export function importedCell(value: string): string {
  return value.startsWith("'") && isDangerousCell(value.slice(1)) ? value.slice(1) : value;
}

/**
 * One export, already in the reader's words: translated headers, labels instead of codes, times written in
 * the right zone. Every cell is text, so CSV and XLSX carry exactly the same characters.
 */
export type Sheet = { title: string; headers: string[]; rows: string[][] };

/** A column of an export: its header and how a row shows in it. Each kind of export defines its list once. */
export type SheetColumn<Row> = { header: string; value: (row: Row) => string | number | null | undefined };

export function buildSheet<Row>(title: string, columns: SheetColumn<Row>[], rows: Row[]): Sheet {
  return {
    title,
    headers: columns.map((column) => spreadsheetCell(column.header)),
    rows: rows.map((row) => columns.map((column) => spreadsheetCell(column.value(row)))),
  };
}

/** CSV for spreadsheets: UTF-8 with BOM (Excel in zh-CN reads it as UTF-8 only with the BOM), every cell quoted. */
export function sheetCsv(sheet: Sheet): string {
  return stringify([sheet.headers, ...sheet.rows], { bom: true, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
}

// Excel's worksheet names: at most 31 characters, none of : \ / ? * [ ].
function worksheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1";
}

/**
 * An empty workbook. exceljs takes half a second to load, so it is loaded on the first XLSX export or import
 * rather than by every process (and every test file) that imports this module for its CSV or its rules.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}

/**
 * XLSX where every cell is a string cell formatted as text (`@`): Excel shows it as written, so a phone
 * number keeps its leading zero, a ticket code is not read as a number, and a time stays in the zone it was
 * written in. The header row is bold and frozen.
 */
export async function sheetXlsx(sheet: Sheet): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const worksheet = workbook.addWorksheet(worksheetName(sheet.title), { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.headers.map((header, index) => ({
    header,
    width: Math.min(60, Math.max(10, ...[header, ...sheet.rows.map((row) => row[index] ?? "")].map(displayWidth)) + 2),
    style: { numFmt: "@" },
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row).eachCell((cell) => (cell.numFmt = "@"));
  // exceljs types its Node Buffer as an interface of its own.
  return Uint8Array.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

// CJK characters take two columns' width in Excel's default font.
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character) ? 2 : 1;
  return width;
}

export type SheetFormat = "xlsx" | "csv";

export function sheetFormat(value: string | null): SheetFormat {
  return value === "xlsx" ? "xlsx" : "csv";
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 5987): the quoted name is an ASCII fallback
 * for old clients, the starred one carries a Chinese slug or title exactly.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The download of a sheet as `<base>.xlsx` or `<base>.csv`; never cached (personal data). */
export async function sheetDownload(sheet: Sheet, format: SheetFormat, baseName: string): Promise<Response> {
  const body = format === "xlsx" ? await sheetXlsx(sheet) : sheetCsv(sheet);
  return new Response(body, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`${baseName}.${format}`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// ─────────────────────────────── reading an uploaded sheet ───────────────────────────────

export type SheetEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "xlsx";
export type SheetDelimiter = "," | ";" | "\t";

/** What was uploaded, read into rows of text, with how it was read (the dry run shows both). */
export type UploadedTable = { encoding: SheetEncoding; delimiter: SheetDelimiter | null; headers: string[]; rows: string[][] };

const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GB18030, the superset of GBK that Excel
 * in zh-CN writes ("CSV (逗号分隔)"). Statistical guessing on a few short Chinese rows is unreliable; a strict
 * UTF-8 decode is not: GBK text of any length is almost never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Exclude<SheetEncoding, "xlsx"> } {
  if (utf8Bom.every((byte, index) => bytes[index] === byte)) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "gb18030"), encoding: "gb18030" };
  }
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): SheetDelimiter {
  const counts: Record<SheetDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character in counts) counts[character as SheetDelimiter] += 1;
  }
  return ([";", "\t"] as const).reduce<SheetDelimiter>((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ",");
}

export class UnreadableSheet extends Error {}

export function readCsvTable(text: string, encoding: Exclude<SheetEncoding, "xlsx">): UploadedTable {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, bom: true });
  } catch {
    throw new UnreadableSheet();
  }
  const [headers = [], ...rows] = records;
  return { encoding, delimiter, headers: headers.map((header) => header.trim()), rows: rows.filter((row) => row.some((cell) => cell.trim())) };
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Uint8Array): boolean {
  return zipSignature.every((byte, index) => bytes[index] === byte);
}

/** The first worksheet of an XLSX file as text, the way Excel shows each cell. */
export async function readXlsxTable(bytes: Uint8Array): Promise<UploadedTable> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableSheet();
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new UnreadableSheet();
  const records: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
    records.push(cells);
  });
  const [headers = [], ...rows] = records;
  return { encoding: "xlsx", delimiter: null, headers: headers.map((header) => header.trim()), rows: rows.filter((row) => row.some((cell) => cell.trim())) };
}

// A typed-in date is a date cell (Excel has no zone): written back as the wall-clock text it showed.
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace("T", " ");
  if (value && typeof value === "object" && "result" in value) return value.result == null ? "" : String(value.result);
  return cell.text ?? "";
}

/** An upload as rows of text: XLSX by its signature, otherwise CSV in a detected encoding and delimiter. */
export async function readUploadedTable(bytes: Uint8Array): Promise<UploadedTable> {
  if (isXlsx(bytes)) return readXlsxTable(bytes);
  const { text, encoding } = decodeText(bytes);
  return readCsvTable(text, encoding);
}

/**
 * The first cell holding U+FFFD: text that was decoded with the wrong encoding somewhere before it reached
 * us (a file saved as "UTF-8" from mojibake). Stored, it would be unreadable for good; rows and columns count from 1, header row 1.
 */
export function replacementCharacterAt(table: UploadedTable): { row: number; column: number } | null {
  const rows = [table.headers, ...table.rows];
  for (const [rowIndex, row] of rows.entries()) {
    const column = row.findIndex((cell) => cell.includes("\uFFFD"));
    if (column >= 0) return { row: rowIndex + 1, column: column + 1 };
  }
  return null;
}
