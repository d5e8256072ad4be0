import { describe, expect, it } from "vitest";
import { catalog, interpolate, locales, translator } from "~/i18n";
import { admin } from "~/i18n/messages/admin";
import { agenda } from "~/i18n/messages/agenda";
import { auth } from "~/i18n/messages/auth";
import { checkin } from "~/i18n/messages/checkin";
import { common } from "~/i18n/messages/common";
import { programme } from "~/i18n/messages/programme";
import { registration } from "~/i18n/messages/registration";
import { localeFromAcceptLanguage, localeFromRequest } from "~/utils/i18n.server";

const features = { admin, agenda, auth, checkin, common, programme, registration } as Record<string, { "zh-CN": Record<string, string>; en: Record<string, string> }>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogues", () => {
  for (const [feature, messages] of Object.entries(features)) {
    it(`${feature}: both locales have the same keys, none empty, same {placeholders}`, () => {
      const zhKeys = Object.keys(messages["zh-CN"]).sort();
      const enKeys = Object.keys(messages.en).sort();
      expect(enKeys).toEqual(zhKeys);
      for (const key of zhKeys) {
        const zh = messages["zh-CN"][key];
        const en = messages.en[key];
        expect(zh.trim(), `${feature} zh-CN ${key}`).not.toBe("");
        expect(en.trim(), `${feature} en ${key}`).not.toBe("");
        expect(placeholders(en), `${feature} ${key} placeholders`).toEqual(placeholders(zh));
      }
    });
  }

  it("no key is defined by two features (a later one would silently win)", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [feature, messages] of Object.entries(features)) {
      for (const key of Object.keys(messages["zh-CN"])) {
        if (owner.has(key)) clashes.push(`${key} (${owner.get(key)} and ${feature})`);
        owner.set(key, feature);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("the merged catalogues are complete in every locale", () => {
    const keys = Object.keys(catalog("zh-CN")).sort();
    for (const locale of locales) expect(Object.keys(catalog(locale)).sort()).toEqual(keys);
    expect(keys.length).toBeGreaterThan(100);
  });

  it("translates with parameters and leaves unknown placeholders visible", () => {
    expect(translator("en")("login.rateLimited", { seconds: 42 })).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    expect(translator("zh-CN")("login.rateLimited", { seconds: 42 })).toContain("42 秒");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("locale choice", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

  it("defaults to zh-CN without any hint", () => {
    expect(localeFromRequest(request({}))).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
  });

  it("follows Accept-Language by quality, falling back to zh-CN for unsupported languages", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR;q=1, en;q=0.5, zh;q=0.7")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, en-GB;q=0.3")).toBe("en");
    expect(localeFromAcceptLanguage("zh;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("fr, de")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("garbage;;;q=abc")).toBe("zh-CN");
  });

  it("lets the user's cookie win over Accept-Language, and ignores an unknown cookie value", () => {
    expect(localeFromRequest(request({ Cookie: "sid=x; lang=en", "Accept-Language": "zh-CN" }))).toBe("en");
    expect(localeFromRequest(request({ Cookie: "lang=zh-CN", "Accept-Language": "en" }))).toBe("zh-CN");
    expect(localeFromRequest(request({ Cookie: "lang=fr", "Accept-Language": "en" }))).toBe("en");
    expect(localeFromRequest(request({ Cookie: "xlang=en" }))).toBe("zh-CN");
  });
});
