import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { useDemoDatabase } from "../support/demo-database";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
const path = "/events/deep-dive-finance-shanghai";

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

async function visit(headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { "Accept-Language": "zh-CN", ...headers } });
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
  return { response, html, nonce, cache: response.headers.get("X-Page-Cache") };
}

describe("public pages under a share storm", () => {
  it("renders a page once per database state and replays it to anonymous visitors, each with its own CSP nonce", async () => {
    const first = await visit();
    const second = await visit();
    expect(second.cache).toBe("hit");
    expect(second.response.status).toBe(200);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    // The page's scripts carry this answer's nonce, and the recorded answer's nonce appears nowhere.
    expect(second.html).toContain(`nonce="${second.nonce}"`);
    expect(second.html).not.toContain(first.nonce!);
    expect(second.html.replaceAll(second.nonce!, "N")).toBe(first.html.replaceAll(first.nonce!, "N"));
  });

  it("retires the copy as soon as anything is committed, so a visitor never sees an older page than a render would give", async () => {
    await visit();
    const db = await prisma();
    const event = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    await db.event.update({ where: { id: event.id }, data: { title: `${event.title}·已更新` } });
    try {
      const after = await visit();
      expect(after.cache).toBe("miss");
      expect(after.html).toContain("·已更新");
    } finally {
      await db.event.update({ where: { id: event.id }, data: { title: event.title } });
    }
  });

  it("lets a storm of first visits wait for one render", async () => {
    const db = await prisma();
    await db.event.update({ where: { slug: "deep-dive-finance-shanghai" }, data: { updatedAt: new Date() } });
    const answers = await Promise.all(Array.from({ length: 40 }, () => visit()));
    expect(answers.every(({ response }) => response.status === 200)).toBe(true);
    expect(answers.filter(({ cache }) => cache === "miss")).toHaveLength(1);
    expect(new Set(answers.map(({ nonce }) => nonce)).size).toBe(40);
  });

  it("keeps languages apart and never serves a copy to someone with a session cookie", async () => {
    const zh = await visit({ "Accept-Language": "zh-CN" });
    const en = await visit({ "Accept-Language": "en" });
    expect(zh.html).toContain('<html lang="zh-CN"');
    expect(en.html).toContain('<html lang="en"');
    const chosen = await visit({ Cookie: "lang=en" });
    expect(chosen.html).toContain('<html lang="en"');
    const signedIn = await visit({ Cookie: "__session=anything" });
    expect(signedIn.cache).toBeNull();
    const personal = await fetch(`${server.baseUrl}/r/not-a-token`);
    expect(personal.headers.get("X-Page-Cache")).toBeNull();
  });
});
