import { describe, expect, it } from "vitest";
import { fit, fitReason, normaliseTerm, rankByFit, type FitSide } from "~/models/match-fit";

const need: FitSide = {
  industryCode: "finance",
  scenarioCode: "risk-control",
  tags: ["反欺诈", "信贷审批"],
  text: "城商行零售信贷审批周期长，需要基于交易流水的反欺诈模型，数据不出行内，支持信创环境部署。",
};
const offer: FitSide = {
  industryCode: "finance",
  scenarioCode: "risk-control",
  tags: ["反欺诈", "信贷审批", "大模型"],
  text: "面向银行的反欺诈与信贷审批智能体，已在三家城商行私有化部署，支持信创。",
};
const unrelated: FitSide = { industryCode: "agriculture", scenarioCode: "supply-chain", tags: ["冷链"], text: "果蔬冷链物流的温度监测与调度。" };

describe("match fit", () => {
  it("scores a pair sharing industry, scenario, tags and text high, and an unrelated pair at zero", () => {
    const good = fit(need, offer);
    expect(good.sameIndustry).toBe(true);
    expect(good.sameScenario).toBe(true);
    expect(good.sharedTags).toEqual(["反欺诈", "信贷审批"]);
    expect(good.score).toBeGreaterThan(0.6);
    expect(good.score).toBeLessThanOrEqual(1);
    expect(fit(need, unrelated)).toEqual({ score: 0, sameIndustry: false, sameScenario: false, sharedTags: [], keywords: [] });
  });

  it("puts shared tags first in the keywords, then the longest shared phrases of the text, at most three", () => {
    expect(fit(need, offer).keywords).toEqual(["反欺诈", "信贷审批", "城商行"]);
    const untagged = fit({ ...need, tags: [] }, { ...offer, tags: [] });
    expect(untagged.keywords).toHaveLength(3);
    expect(untagged.keywords).toContain("反欺诈");
    expect(untagged.keywords).toContain("信贷审批");
  });

  it("compares Chinese by character bigrams: related texts without any tag still score", () => {
    const a = fit({ tags: [], text: "工厂设备预测性维护，振动数据异常检测" }, { tags: [], text: "基于振动信号的设备异常检测与预测性维护" });
    expect(a.score).toBeGreaterThan(0.1);
    expect(a.keywords[0]).toBe("预测性维护");
  });

  it("compares Latin text by words, after NFKC and lower case (full-width letters match)", () => {
    expect(normaliseTerm("  ＯＣＲ  Invoice ")).toBe("ocr invoice");
    const a = fit({ tags: ["OCR"], text: "Invoice OCR for the tax office" }, { tags: ["ｏｃｒ"], text: "invoice recognition" });
    expect(a.sharedTags).toEqual(["ocr"]);
    expect(a.keywords).toEqual(["ocr", "invoice"]);
  });

  it("never counts a missing industry or scenario as shared", () => {
    const a = fit({ industryCode: null, scenarioCode: undefined, tags: [], text: "" }, { industryCode: null, scenarioCode: undefined, tags: [], text: "" });
    expect(a).toEqual({ score: 0, sameIndustry: false, sameScenario: false, sharedTags: [], keywords: [] });
  });

  it("is deterministic and ranks best first, ties in the given order", () => {
    expect(fit(need, offer)).toEqual(fit({ ...need }, { ...offer }));
    const ranked = rankByFit(need, [unrelated, offer, { ...offer, tags: [] }, offer], (side) => side);
    expect(ranked.map((entry) => entry.candidate)).toEqual([offer, offer, { ...offer, tags: [] }]);
  });

  it("ranks hundreds of pairs quickly", () => {
    const offers = Array.from({ length: 400 }, (_, i) => ({ ...offer, text: `${offer.text}第${i}号方案，覆盖风控、客服与营销。`.repeat(4) }));
    const needs = Array.from({ length: 5 }, (_, i) => ({ ...need, text: `${need.text}需求${i}`.repeat(4) }));
    const started = performance.now();
    for (const one of needs) rankByFit(one, offers, (side) => side);
    // 2,000 pairs of 600-character texts; generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("says why in the reader's language", () => {
    const result = { score: 0.8, sameIndustry: true, sameScenario: true, sharedTags: [], keywords: ["反欺诈", "信贷审批"] };
    expect(fitReason(result, { industry: "金融", scenario: "智能风控" }, "zh-CN")).toBe("同属金融·智能风控；关键词：反欺诈、信贷审批");
    expect(fitReason({ ...result, keywords: ["anti-fraud", "credit approval"] }, { industry: "Finance", scenario: "Risk control" }, "en")).toBe(
      "Both finance · risk control; keywords: anti-fraud, credit approval",
    );
    expect(fitReason({ ...result, sameIndustry: false }, { industry: "Finance", scenario: "Risk control" }, "en")).toBe("Both risk control; keywords: 反欺诈, 信贷审批");
    expect(fitReason({ ...result, sameIndustry: false, sameScenario: false }, {}, "en")).toBe("Keywords: 反欺诈, 信贷审批");
    expect(fitReason({ ...result, keywords: [] }, { industry: "AI services", scenario: "金融" }, "en")).toBe("Both AI services · 金融");
    expect(fitReason({ ...result, sameIndustry: false, sameScenario: false, keywords: [] }, {}, "zh-CN")).toBe("");
  });
});
