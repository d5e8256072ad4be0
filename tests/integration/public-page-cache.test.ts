import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { "Accept-Language": "zh-CN", "Accept-Encoding": "br, gzip", ...headers } });
  const html = await response.text();
  const policy = response.headers.get("Content-Security-Policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return { response, html, policy, nonce, cache: response.headers.get("X-Page-Cache") };
}

// Per answer by nature: its framing, its length, the policy's script sources (compared apart) and the cache mark.
const perAnswer = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-security-policy", "x-page-cache"]);

function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers.entries()].filter(([name]) => !perAnswer.has(name)));
}

/** What a browser checks: every inline script of the page is allowed by the policy's script-src. */
function inlineScriptsAllowed(html: string, policy: string): boolean {
  const scriptSources = /script-src ([^;]*)/.exec(policy)![1]!.split(" ");
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes, text]) => !/\ssrc=/.test(attributes!) && text !== "");
  expect(inline.length).toBeGreaterThan(0);
  return inline.every(([, , text]) => scriptSources.includes(`'sha256-${createHash("sha256").update(text!).digest("base64")}'`));
}

describe("public pages under a share storm", () => {
  it("renders a page once per database state and replays the same compressed bytes, its scripts allowed by hash, never by a reused nonce", async () => {
    const first = await visit();
    const second = await visit();
    const third = await visit({ "Accept-Encoding": "gzip" });
    expect(second.cache).toBe("hit");
    expect(second.response.status).toBe(200);
    expect(second.response.headers.get("Content-Encoding")).toBe("br");
    expect(third.response.headers.get("Content-Encoding")).toBe("gzip");
    expect(second.html).toBe(first.html);
    expect(third.html).toBe(first.html);
    // The recorded answer's nonce is in no replay's policy: the replay's inline scripts run by their hashes.
    expect(second.nonce).toBeUndefined();
    expect(second.policy).not.toContain(first.nonce!);
    expect(inlineScriptsAllowed(second.html, second.policy)).toBe(true);
    // Everything else in the policy is what a render sends.
    expect(second.policy.replace(/script-src [^;]*/, "")).toBe(first.policy.replace(/script-src [^;]*/, ""));
    // A replay is answered ahead of express, yet carries every header a render does, with the same values.
    expect(headersOf(second.response)).toEqual(headersOf(first.response));
    expect(second.response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(second.response.headers.get("Vary")).toContain("Accept-Encoding");
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

  it("shows registration closed once the deadline passes, though nothing was written to the database", async () => {
    const db = await prisma();
    const event = await db.event.findUniqueOrThrow({ where: { slug: "deep-dive-finance-shanghai" } });
    const deadline = event.registrationClosesAt!;
    await visit();
    const before = await visit();
    expect(before.cache).toBe("hit");
    expect(before.html).not.toContain("报名已截止");
    // Only the clock moves (timers stay real, so the server keeps answering).
    vi.useFakeTimers({ toFake: ["Date"], now: deadline.getTime() + 60_000 });
    try {
      const after = await visit();
      expect(after.cache).toBe("miss");
      expect(after.html).toContain("报名已截止");
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets a storm of first visits wait for one render", async () => {
    const db = await prisma();
    await db.event.update({ where: { slug: "deep-dive-finance-shanghai" }, data: { updatedAt: new Date() } });
    const answers = await Promise.all(Array.from({ length: 40 }, () => visit()));
    expect(answers.every(({ response }) => response.status === 200)).toBe(true);
    expect(answers.filter(({ cache }) => cache === "miss")).toHaveLength(1);
    expect(answers.filter(({ nonce }) => nonce !== undefined)).toHaveLength(1);
    expect(answers.every(({ html, policy, nonce }) => nonce !== undefined || inlineScriptsAllowed(html, policy))).toBe(true);
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
