import { describe, expect, it } from "vitest";
import { acceptsSubmissions, callPhase } from "~/models/case-deadline";
import { nameMatchesType, sniffCaseFile } from "~/utils/file-type";
import { parseLocalDateTime } from "~/utils/time";
import { caseFiles } from "../support/case-files";

describe("the call's window, to the second in its zone", () => {
  const zone = "Asia/Shanghai";
  const at = (local: string, z = zone) => {
    const parsed = parseLocalDateTime(local, z);
    if (!parsed.ok) throw new Error(local);
    return parsed.instant;
  };
  const window = { opensAt: at("2026-03-01T09:00:00"), closesAt: at("2026-03-31T23:59:59") };

  it("is open through the closing second and closed one second later", () => {
    expect(window.closesAt.toISOString()).toBe("2026-03-31T15:59:59.000Z");
    expect(acceptsSubmissions(window, at("2026-03-31T23:59:58"))).toBe(true);
    expect(acceptsSubmissions(window, new Date(window.closesAt.getTime() + 999))).toBe(true);
    expect(callPhase(window, at("2026-04-01T00:00:00"))).toBe("closed");
  });

  it("reads the deadline in the call's zone, not the reader's", () => {
    // 23:59:59 in Shanghai is 17:59:59 in Berlin (summer time): a Berlin save at 18:00:00 is late.
    expect(callPhase(window, at("2026-03-31T17:59:59", "Europe/Berlin"))).toBe("open");
    expect(callPhase(window, at("2026-03-31T18:00:00", "Europe/Berlin"))).toBe("closed");
  });

  it("is not open before its opening second", () => {
    expect(callPhase(window, at("2026-03-01T08:59:59"))).toBe("upcoming");
    expect(callPhase(window, at("2026-03-01T09:00:00"))).toBe("open");
  });
});

describe("attachment types from the bytes", () => {
  it("recognises PDF, DOCX, PPTX, PNG and JPEG", () => {
    expect(sniffCaseFile(caseFiles.pdf)).toBe("pdf");
    expect(sniffCaseFile(caseFiles.docx)).toBe("docx");
    expect(sniffCaseFile(caseFiles.pptx)).toBe("pptx");
    expect(sniffCaseFile(caseFiles.png)).toBe("png");
    expect(sniffCaseFile(caseFiles.jpeg)).toBe("jpeg");
  });

  it("refuses an executable, plain text and a ZIP that is no Office document, whatever their names", () => {
    expect(sniffCaseFile(caseFiles.exe)).toBeNull();
    expect(sniffCaseFile(caseFiles.text)).toBeNull();
    expect(sniffCaseFile(caseFiles.plainZip)).toBeNull();
    expect(sniffCaseFile(caseFiles.docx.subarray(0, 40))).toBeNull();
  });

  it("refuses a name whose extension claims another type than the bytes (a PDF renamed .png)", () => {
    expect(nameMatchesType("方案.PDF", "pdf")).toBe(true);
    expect(nameMatchesType("现场.jpg", "jpeg")).toBe(true);
    expect(nameMatchesType("现场.JPEG", "jpeg")).toBe(true);
    expect(nameMatchesType("架构", "png")).toBe(true);
    expect(nameMatchesType("方案.pdf.png", "pdf")).toBe(false);
    expect(nameMatchesType("汇报.pptx", "docx")).toBe(false);
    expect(nameMatchesType("notes.txt", "pdf")).toBe(false);
  });
});
