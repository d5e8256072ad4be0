import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { browserAndServer, signIn } from "../support/e2e";

const e2e = browserAndServer({ before: useDemoDatabase });
const screenshots = resolve(process.cwd(), "test-results/screenshots");

describe("organizer builds an agenda in the UI and attendees find it", () => {
  it("creates an event, adds a room and two sessions with a speaker, publishes, and the public page shows it on a phone", async () => {
    const context = await e2e.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, e2e.baseUrl, { email: "organizer@demo.example.org", password: "demo-organizer-2025" });

    await page.goto(`${e2e.baseUrl}/admin/events/new`);
    // The URL name is proposed from the Chinese title's pinyin when the title is left; it can still be edited.
    await page.fill("#field-title", "浏览器搭建的活动");
    await page.locator("#field-title").blur();
    await expect.poll(() => page.inputValue("#field-slug")).toBe("liu-lan-qi-da-jian-de-huo-dong");
    await page.fill("#field-slug", "browser-built");
    await page.selectOption("#field-kind", "DEEP_DIVE");
    await page.selectOption("#field-timeZone", "Asia/Shanghai");
    await page.fill("#field-startDate", "2030-06-01");
    await page.fill("#field-startTime", "09:00");
    await page.fill("#field-endDate", "2030-06-01");
    await page.fill("#field-endTime", "17:00");
    await Promise.all([page.waitForURL(/\?created=1$/), page.getByRole("button", { name: "新建" }).click()]);
    // "Created", and where to go next.
    await page.getByTestId("event-created").waitFor();
    await Promise.all([page.waitForURL(/\/agenda$/), page.getByRole("link", { name: "编排议程" }).first().click()]);

    await page.fill("#room-name", "主会场");
    await page.getByRole("button", { name: "添加会场" }).click();
    await expect.poll(() => page.locator("#session-roomId option").count()).toBe(2);
    await page.fill("#room-name", "分会场");
    await page.getByRole("button", { name: "添加会场" }).click();
    await expect.poll(() => page.locator("#session-roomId option").count()).toBe(3);

    const addSession = async (title: string, type: string, start: string, end: string) => {
      await page.fill("#session-title", title);
      await page.selectOption("#session-type", type);
      await page.fill("#session-date", "2030-06-01");
      await page.fill("#session-startTime", start);
      await page.fill("#session-endTime", end);
      await page.selectOption("#session-roomId", { label: "主会场" });
      await page.getByRole("button", { name: "添加议程" }).click();
      await page.locator(`li[data-session="${title}"]`).waitFor();
    };
    await addSession("开幕致辞", "OPENING_REMARKS", "09:00", "09:15");
    // An inverted time is refused with a field error and nothing is added.
    await page.fill("#session-title", "反了的议程");
    await page.fill("#session-startTime", "11:00");
    await page.fill("#session-endTime", "10:00");
    await page.getByRole("button", { name: "添加议程" }).click();
    await expect.poll(() => page.locator("#session-endTime-error").textContent()).toBe("结束时间必须晚于开始时间。");
    await addSession("主旨演讲：智能体的下一步", "KEYNOTE", "09:10", "09:40");
    // The overlap in the same room is listed while editing.
    await expect.poll(() => page.locator("[data-testid=conflicts]").textContent()).toContain("会场 主会场 有两个时间重叠的议程");
    // Shift the keynote by 5 minutes twice: 09:20–09:50, no conflict any more.
    const keynote = page.locator('li[data-session="主旨演讲：智能体的下一步"]');
    await keynote.locator("input[name=minutes]").fill("10");
    await keynote.getByRole("button", { name: "平移" }).click();
    await expect.poll(() => page.locator("#conflicts-heading").textContent()).toBe("冲突（0）");

    // The grid: drag the keynote down 30 minutes and one room to the right; the move is saved and survives a reload.
    const block = page.locator('[data-grid-session="主旨演讲：智能体的下一步"]');
    await page.getByTestId("agenda-grid").evaluate((element) => element.scrollIntoView({ block: "start" }));
    const box = (await block.boundingBox())!;
    const grid = (await page.getByTestId("agenda-grid").boundingBox())!;
    const columnWidth = (grid.width - 2 - 56) / 2;
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + columnWidth / 2, box.y + 30, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + columnWidth, box.y + 6 + 30 * 1.6, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId("grid-status").textContent()).toBe("已保存：「主旨演讲：智能体的下一步」09:50–10:20 · 分会场。");
    await page.reload();
    await expect.poll(() => block.getAttribute("data-place")).toBe("主旨演讲：智能体的下一步，09:50–10:20，分会场");
    // Clicking without dragging opens the session's form in a dialog that holds the focus; Esc closes it and the
    // focus is back on the session in the grid.
    const focusedSession = () => page.evaluate(() => document.activeElement?.getAttribute("data-grid-session"));
    await block.click();
    await page.getByRole("dialog", { name: "编辑议程：主旨演讲：智能体的下一步" }).waitFor();
    expect(await page.inputValue("#dialog-startTime")).toBe("09:50");
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    await expect.poll(focusedSession).toBe("主旨演讲：智能体的下一步");
    // Enter opens it from the keyboard; saving posts the form, and the dialog closes on the reloaded agenda.
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "编辑议程：主旨演讲：智能体的下一步" });
    await dialog.waitFor();
    await dialog.locator("#dialog-titleEn").fill("Keynote: what agents do next");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(new URL(page.url()).pathname).toMatch(/\/agenda$/);
    await expect.poll(focusedSession).toBe("主旨演讲：智能体的下一步");
    // The keyboard does the same: six steps up, Alt+← back to the main hall, Enter saves (announced in the live region).
    await block.focus();
    for (let step = 0; step < 6; step++) await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Alt+ArrowLeft");
    await expect.poll(() => page.getByTestId("grid-status").textContent()).toBe("「主旨演讲：智能体的下一步」：09:20–09:50 · 主会场。按 Enter 保存，Esc 取消。");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("grid-status").textContent()).toBe("已保存：「主旨演讲：智能体的下一步」09:20–09:50 · 主会场。");
    await page.reload();
    await expect.poll(() => block.getAttribute("data-place")).toBe("主旨演讲：智能体的下一步，09:20–09:50，主会场");
    mkdirSync(screenshots, { recursive: true });
    await page.getByTestId("agenda-grid").scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshots, "agenda-grid-1280.png"), fullPage: true });
    // At 375 px the grid scrolls inside its own box; the page does not overflow.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await block.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: resolve(screenshots, "agenda-grid-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    // Attach a speaker found by typing in the directory search, in a typed role.
    await block.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "在单独页面编辑（含嘉宾）" }).click();
    await page.fill("#attach-speaker", "陈家");
    await page.getByRole("option", { name: /陈家春/ }).click();
    await page.getByTestId("picker-chosen").waitFor();
    await page.selectOption("#attach-role", "KEYNOTE");
    await page.getByRole("button", { name: "添加嘉宾" }).click();
    await page.getByText("1. 主旨演讲：陈家春").waitFor();
    // Someone not in the directory is added inline: name and organisation, created and attached at once.
    await page.fill("#attach-speaker", "新来的嘉宾");
    await page.getByRole("option", { name: "新建嘉宾“新来的嘉宾”…" }).click();
    await page.fill("#attach-new-organization", "示例研究院");
    await page.selectOption("#attach-role", "HOST");
    await page.getByRole("button", { name: "添加嘉宾" }).click();
    await page.getByText("2. 主持人：新来的嘉宾（示例研究院）").waitFor();
    await page.getByRole("link", { name: "返回议程" }).click();

    await page.getByRole("button", { name: "发布议程" }).click();
    await page.getByText("首次发布：已发布议程 v1").waitFor();
    await page.getByRole("link", { name: "概况" }).click();
    await page.getByText("议程：第 1 版，发布于").waitFor();
    await page.getByRole("button", { name: "发布活动" }).click();
    await page.getByText("活动：已发布").waitFor();
    await context.close();

    // An attendee on a 375 px phone.
    const phone = await e2e.browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN", isMobile: true, hasTouch: true });
    const attendee = await phone.newPage();
    await attendee.goto(`${e2e.baseUrl}/events/browser-built`);
    await attendee.getByText("主旨演讲：智能体的下一步").waitFor();
    expect(await attendee.getByText("09:20–09:50").count()).toBe(1);
    expect(await attendee.locator("dd", { hasText: "陈家春" }).count()).toBe(1);
    expect(await attendee.getByText("所有时间均为活动当地时间：Asia/Shanghai (UTC+8)").count()).toBe(1);
    expect(await attendee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // "My agenda": the star is kept in this browser, and the .ics link carries only the chosen session.
    const star = attendee.locator("li", { hasText: "主旨演讲：智能体的下一步" }).locator("button[data-favourite]");
    await star.click();
    await expect.poll(() => star.getAttribute("aria-pressed")).toBe("true");
    const href = await attendee.getByRole("link", { name: "下载我的议程（.ics）" }).getAttribute("href");
    const ics = await (await fetch(`${e2e.baseUrl}${href}`)).text();
    expect(ics).toContain("SUMMARY:主旨演讲：智能体的下一步");
    expect(ics).not.toContain("开幕致辞");
    await attendee.reload();
    await expect.poll(() => attendee.locator("li", { hasText: "主旨演讲：智能体的下一步" }).locator("button[data-favourite]").getAttribute("aria-pressed")).toBe("true");

    // Filters work through the query string.
    await attendee.selectOption("select[name=type]", "OPENING_REMARKS");
    await attendee.getByRole("button", { name: "筛选" }).click();
    await attendee.waitForURL(/type=OPENING_REMARKS/);
    // The URL changes before the filtered list renders, so wait for the keynote to leave rather than read once.
    await expect.poll(() => attendee.getByText("主旨演讲：智能体的下一步").count()).toBe(0);
    expect(await attendee.getByText("开幕致辞").count()).toBeGreaterThan(0);
    await phone.close();
  }, 120_000);
});
