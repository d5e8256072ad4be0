import { describe, expect, it, vi } from "vitest";
import type { Browser, Page } from "playwright-core";
import { prisma } from "~/models/store/connection.server";
import { browserAndServer } from "../support/e2e";
import { axeViolations, overflow, rawCodes, screenshot } from "../support/journey";
import { matchmakingEvent, registrant, type Registrant } from "../support/matchmaking-fixtures";

/**
 * Issue 18 "Done means", the attendee's matchmaking in Chromium at 375 px: two registrants opt in from their
 * manage pages (one reads Chinese, the other English), one asks for a meeting, the other accepts, both see it
 * in their schedules and check in at the table, and the meeting shows as held. Each page visited passes axe,
 * fits the phone and reads as words; screenshots in test-results/screenshots/.
 */

vi.setConfig({ testTimeout: 180_000 });

const e2e = browserAndServer();

async function phone(browser: Browser, locale: "zh-CN" | "en") {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale, baseURL: e2e.baseUrl });
  return context.newPage();
}

async function looksRight(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await rawCodes(page), `${name}: raw codes`).toEqual([]);
  expect(await overflow(page), `${name}: wider than the phone`).toBe(0);
  await screenshot(page, "matchmaking", name, 375);
}

async function optIn(page: Page, who: Registrant, words: { open: string; side: string; field: string; text: string; tags: string; join: string; saved: string }) {
  await page.goto(`/r/${who.token}`);
  await page.getByRole("link", { name: words.open }).click();
  await page.waitForURL(/\/matchmaking$/);
  await page.getByRole("radio", { name: words.side }).check();
  await page.getByLabel(words.field).fill(words.text);
  await page.getByLabel(words.tags).fill("反欺诈");
  await page.getByRole("button", { name: words.join }).click();
  await page.getByTestId("matchmaking-notice").filter({ hasText: words.saved }).waitFor();
}

describe("matchmaking journey in Chromium at 375 px", () => {
  it("two registrants opt in, request, accept, see the meeting in their schedules and check in at the table", async () => {
    const { event } = await matchmakingEvent({ slots: 3, tables: 4 });
    const [alice, bob] = await Promise.all([registrant(event.id, 1, { name: "林雨桐", organization: "示例银行" }), registrant(event.id, 2, { name: "Chen Bo", organization: "Example Risk Tech" })]);
    const a = await phone(e2e.browser, "zh-CN");
    const b = await phone(e2e.browser, "en");

    await a.goto(`/r/${alice.token}`);
    await looksRight(a, "manage-zh");
    await optIn(a, alice, { open: "进入供需洽谈", side: "需求方", field: "我希望找到", text: "反欺诈模型与信贷审批", tags: "标签（用逗号分隔）", join: "加入供需洽谈", saved: "已保存" });
    await looksRight(a, "opted-in-zh");
    await optIn(b, bob, { open: "Open matchmaking", side: "Supply side", field: "What I offer", text: "反欺诈平台", tags: "Tags (separated by commas)", join: "Join matchmaking", saved: "Saved." });

    // Alice finds Bob among the suggestions, with the reason in words, and asks for a meeting.
    await a.reload();
    const card = a.getByTestId("participant").filter({ hasText: "Example Risk Tech" });
    await expect(card.textContent()).resolves.toContain("关键词：反欺诈");
    await card.getByLabel("留言（可选）").fill("想了解贵司的反欺诈平台");
    await card.getByRole("button", { name: "预约洽谈" }).click();
    await a.getByTestId("matchmaking-notice").filter({ hasText: "请求已发出" }).waitFor();
    await looksRight(a, "requested-zh");

    // Bob sees the request with Alice's message and accepts: the meeting is placed at once.
    await b.reload();
    const received = b.getByTestId("requests-received");
    await expect(received.textContent()).resolves.toContain("林雨桐 would like to meet you");
    await looksRight(b, "request-received-en");
    await received.getByRole("button", { name: "Accept" }).click();
    await b.getByTestId("matchmaking-notice").filter({ hasText: "Accepted: the meeting is at" }).waitFor();
    const bobMeeting = b.getByTestId("meeting");
    await expect(bobMeeting.textContent()).resolves.toContain("table 1");
    expect(await b.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href")).toBe(`/r/${bob.token}/matchmaking.ics`);
    await bobMeeting.getByRole("button", { name: "I'm at table 1" }).click();
    await b.getByTestId("matchmaking-notice").filter({ hasText: "Checked in at table 1." }).waitFor();
    await looksRight(b, "checked-in-en");

    // Alice sees the same meeting in her schedule, checks in, and it is held.
    await a.reload();
    const aliceMeeting = a.getByTestId("meeting");
    await expect(aliceMeeting.textContent()).resolves.toContain("第 1 桌");
    await expect(aliceMeeting.textContent()).resolves.toContain("对方已到");
    await aliceMeeting.getByRole("button", { name: "我已到第 1 桌" }).click();
    await a.getByTestId("matchmaking-notice").filter({ hasText: "已签到第 1 桌" }).waitFor();
    await a.reload();
    await expect.poll(() => a.getByTestId("meeting").textContent()).toContain("已进行");
    await looksRight(a, "held-zh");
    await b.reload();
    await expect(b.getByTestId("meeting").textContent()).resolves.toContain("Held");

    const meeting = await (await prisma()).meeting.findFirstOrThrow({ where: { eventId: event.id } });
    expect(meeting.fromCheckedInAt && meeting.toCheckedInAt).toBeTruthy();
    await a.context().close();
    await b.context().close();
  });
});
