import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, decodeText, detectDelimiter, importedCell, isDangerousCell, replacementCharacterAt, spreadsheetCell } from "~/utils/spreadsheet";

describe("spreadsheet cells", () => {
  it("recognises every cell a spreadsheet would evaluate, in ASCII and full-width forms", () => {
    for (const value of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠cmd", "  =1"]) expect(isDangerousCell(value)).toBe(true);
    for (const value of ["张三", "a=1", "示例 - 公司", "", "2026-01-01T00:00:00.000Z", "'=1"]) expect(isDangerousCell(value)).toBe(false);
  });

  it("prefixes a single quote and keeps the visible text; drops what a sheet cannot carry", () => {
    expect(spreadsheetCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(spreadsheetCell("＠cmd")).toBe("'＠cmd");
    expect(spreadsheetCell("\u0000=1")).toBe("'=1");
    expect(spreadsheetCell(null)).toBe("");
  });
});

describe("reading uploaded sheets", () => {
  const text = "姓名,电子邮箱\n张三,zhang@example.org";

  it("decodes UTF-8 with and without BOM, and GBK as GB18030 when the bytes are not UTF-8", () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: "utf-8-bom" });
    expect(decodeText(new Uint8Array(iconv.encode(text, "gbk")))).toEqual({ text, encoding: "gb18030" });
  });

  it("takes the delimiter from the header line, ignoring delimiters inside quotes", () => {
    expect(detectDelimiter("a,b;c,d\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,2")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d')).toBe(",");
    expect(detectDelimiter("name")).toBe(",");
  });

  it("finds the first U+FFFD by row and column (header row 1)", () => {
    expect(
      replacementCharacterAt({
        encoding: "utf-8",
        delimiter: ",",
        headers: ["a", "b"],
        rows: [
          ["x", "y"],
          ["x", "��"],
        ],
      }),
    ).toEqual({ row: 3, column: 2 });
    expect(replacementCharacterAt({ encoding: "utf-8", delimiter: ",", headers: ["a"], rows: [["张三"]] })).toBeNull();
  });

  it("drops the quote an export put before a formula, and only that", () => {
    expect(importedCell("'=1+1")).toBe("=1+1");
    expect(importedCell("'quoted")).toBe("'quoted");
    expect(importedCell(spreadsheetCell("@cmd"))).toBe("@cmd");
  });
});

describe("download names", () => {
  it("gives an ASCII fallback and the exact name as RFC 5987 filename*", () => {
    expect(attachmentDisposition("demo-registrations-2026-05-01.xlsx")).toBe(`attachment; filename="demo-registrations-2026-05-01.xlsx"; filename*=UTF-8''demo-registrations-2026-05-01.xlsx`);
    expect(attachmentDisposition("成都-registrations.csv")).toBe(`attachment; filename="__-registrations.csv"; filename*=UTF-8''%E6%88%90%E9%83%BD-registrations.csv`);
  });
});
