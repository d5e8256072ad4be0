import { describe, expect, it } from "vitest";
import { panoramaCells } from "~/utils/case-panorama";
import { caseSearchText, heatLevel, parseCaseFilter, parseFigures, queryTerms, searchKey } from "~/utils/case-search";

describe("the case library's search rules", () => {
  it("folds full-width forms and case, so a query and the stored text compare alike", () => {
    expect(searchKey("  智能风控 ＡＩ Agent ")).toBe("智能风控 ai agent");
    const text = caseSearchText(["信贷审批智能风控体", "A risk-control Agent", null, ""]);
    expect(text.includes(queryTerms("风控")[0])).toBe(true);
    expect(text.includes(queryTerms("RISK-CONTROL")[0])).toBe(true);
  });

  it("splits a query into at most five distinct terms", () => {
    expect(queryTerms("风控  风控 客服")).toEqual(["风控", "客服"]);
    expect(queryTerms("a b c d e f g")).toHaveLength(5);
    expect(queryTerms("   ")).toEqual([]);
  });

  it("keeps well-formed figures only", () => {
    expect(parseFigures('[{"label":"审批时效","labelEn":"Approval time","value":"缩短 60%"},{"label":""},3]')).toEqual([{ label: "审批时效", labelEn: "Approval time", value: "缩短 60%" }]);
    expect(parseFigures("not json")).toEqual([]);
  });

  it("drops filter values of the wrong shape", () => {
    expect(parseCaseFilter(new URLSearchParams("industry=finance&year=20x5&call=a%27b&q=风控"))).toEqual({ q: "风控", industry: "finance", scenario: "", firm: "", year: "", call: "" });
  });

  it("counts distinct providers per panorama cell, offers included, and scales the heat to the fullest cell", () => {
    const { cells, maxCases } = panoramaCells(
      [
        { id: "c1", industryId: "fin", scenarioId: "risk", firmId: "f1", organizationName: "", coFirmId: "f2", coName: "" },
        { id: "c2", industryId: "fin", scenarioId: "risk", firmId: "f1", organizationName: "", coFirmId: null, coName: null },
        { id: "c3", industryId: "gov", scenarioId: "risk", firmId: null, organizationName: "某研究院", coFirmId: null, coName: null },
      ],
      [{ industryId: "fin", scenarioId: "risk", firmId: "f3", organizationName: "" }],
    );
    expect(maxCases).toBe(2);
    expect(cells["fin|risk"]).toEqual({ cases: 2, providers: 3, level: 5 });
    expect(cells["gov|risk"]).toEqual({ cases: 1, providers: 1, level: 3 });
    expect(heatLevel(0, 4)).toBe(0);
  });
});
