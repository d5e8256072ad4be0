import { describe, expect, it } from "vitest";
import { isDangerousCell, spreadsheetCell } from "~/utils/spreadsheet";

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
