import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "~/i18n";
import { provideCatalogs } from "~/i18n/loaded";
import { socialMeta } from "~/route-helpers/social-meta";
import { acceptedEncoding } from "~/server/compression";

const args = (locale: "zh-CN" | "en", pathname = "/events/demo") => ({ matches: [{ id: "root", data: { appUrl: "https://events.example.org", locale } }], location: { pathname } });
type Tag = { property?: string; name?: string; content?: string };
const content = (tags: ReturnType<typeof socialMeta>, key: string) => (tags as Tag[]).find((tag) => tag.property === key || tag.name === key)?.content;

describe("share tags", () => {
  // As the server entry does: meta functions read the catalogues from where the page provides them.
  beforeAll(() => provideCatalogs(catalog));

  it("makes the page URL and the image absolute from APP_URL, the site card by default", () => {
    const tags = socialMeta(args("zh-CN", "/programme"), (t) => ({ title: t("programme.title"), description: "目录" }));
    expect(content(tags, "og:url")).toBe("https://events.example.org/programme");
    expect(content(tags, "og:image")).toBe("https://events.example.org/og.png");
    expect(content(tags, "twitter:image")).toBe("https://events.example.org/og.png");
    expect(content(tags, "twitter:card")).toBe("summary_large_image");
    expect(content(tags, "og:locale")).toBe("zh_CN");
    expect(tags[0]).toEqual({ title: "智能体创新推进计划" });
  });

  it("speaks the reader's language and clips a long description for the preview", () => {
    const tags = socialMeta(args("en"), (t, locale) => ({ title: `${locale}:${t("share.events.title")}`, description: "word ".repeat(100), image: "/events/demo/og.png" }));
    expect(content(tags, "og:title")).toBe("en:All events");
    expect(content(tags, "og:image")).toBe("https://events.example.org/events/demo/og.png");
    const description = content(tags, "og:description")!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description.endsWith("…")).toBe(true);
  });
});

describe("accepted encodings", () => {
  it("prefers brotli, falls back to gzip, and honours q=0", () => {
    expect(acceptedEncoding("gzip, deflate, br")).toBe("br");
    expect(acceptedEncoding("gzip, br;q=0")).toBe("gzip");
    expect(acceptedEncoding("br;q=0.0, gzip;q=0")).toBeNull();
    expect(acceptedEncoding("identity")).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});
