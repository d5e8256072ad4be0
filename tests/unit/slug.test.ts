import { describe, expect, it } from "vitest";
import { slugFromTitles } from "~/utils/slug.server";

describe("URL names proposed from event titles", () => {
  it("prefers the English title", () => {
    expect(slugFromTitles({ title: "智能体深度行·金融（上海站）", titleEn: "AI Agents Deep Dive · Finance (Shanghai)" })).toBe("ai-agents-deep-dive-finance-shanghai");
  });

  it("spells a Chinese title in toneless pinyin, one syllable per part, digits kept", () => {
    expect(slugFromTitles({ title: "智能体深度行·金融（上海站）", titleEn: "" })).toBe("zhi-neng-ti-shen-du-xing-jin-rong-shang-hai-zhan");
    expect(slugFromTitles({ title: "绿色低碳发展论坛2026" })).toBe("lv-se-di-tan-fa-zhan-lun-tan-2026");
  });

  it("cuts a long name at a hyphen, never inside a syllable", () => {
    const slug = slugFromTitles({ title: "人工智能与实体经济深度融合创新发展高峰论坛暨典型应用案例发布会" }, 30)!;
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect("ren-gong-zhi-neng-yu-shi-ti-jing-ji".startsWith(slug)).toBe(true);
  });

  it("gives nothing when the titles hold fewer than three letters or digits", () => {
    expect(slugFromTitles({ title: "！！", titleEn: "--" })).toBeNull();
  });
});
