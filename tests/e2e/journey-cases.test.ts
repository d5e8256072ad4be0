import { describe, expect, it, vi } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { defaultCriteria } from "~/models/case-call.server";
import { sendDueEmails } from "~/models/outbox.server";
import { renderQueuedEmail } from "~/models/queued-email-render.server";
import { prisma } from "~/models/store/connection.server";
import { mailerFromUrl, type Mailer } from "~/utils/mailer.server";
import { programmeZone } from "~/utils/time";
import { caseFiles } from "../support/case-files";
import { useDemoDatabase } from "../support/demo-database";
import { browserAndServer } from "../support/e2e";
import { axeViolations, overflow, screenshot, signInAs } from "../support/journey";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { demo } from "../support/staff";

/**
 * Issue 17 "Done means", the typical-case call end to end in Chromium at 375 px: the demo firm contact opens
 * an open call from the firm portal, fills in the form (fixed fields and the call's own questions), uploads a
 * PDF and submits; the confirmation e-mail reaches a real SMTP server; the organizer adds a reviewer and
 * assigns automatically; the reviewer scores every criterion with a comment; the organizer sees the weighted
 * mean, selects the case as 典型案例 and publishes it; the case is found in /cases by two of its characters
 * and its cell of /cases/panorama counts one more. Each new page passes axe-core and fits the phone; the
 * screenshots go to test-results/screenshots/.
 */

// Three sign-ins (scrypt) and a dozen pages with axe-core on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

const width = 375;
const title = "星河医保稽核智能体";
const query = "稽核";
const cell = { industry: "healthcare", scenario: "risk-control" };
const contactEmail = "cases.journey@firm.demo.example.org";

let smtp: TestSmtp | undefined;
let mailer: Mailer | undefined;
let call: { id: string; slug: string };

// An open call beside the demo's closed one: blind review, one reviewer per case, two questions of its own.
async function openCall() {
  const db = await prisma();
  const now = Date.now();
  return db.caseCall.create({
    data: {
      slug: "agent-cases-journey",
      title: "智能体场景应用典型案例征集（旅程）",
      titleEn: "Typical agent application cases (journey)",
      description: "面向全社会征集智能体场景应用案例。",
      descriptionEn: "An open call for agent application cases.",
      timeZone: programmeZone,
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 30 * 86_400_000),
      publishedAt: new Date(now - 86_400_000),
      licence: "提交单位同意公开案例的标题、概述、问题、方案、成效与关键数据。",
      licenceEn: "The submitter allows publishing the case's title, summary, problem, solution, results and figures.",
      blindReview: true,
      reviewersPerCase: 1,
      criteria: { create: defaultCriteria.map((criterion, position) => ({ ...criterion, weight: 1, position })) },
      questions: {
        create: [
          { key: "users", label: "覆盖用户数", labelEn: "Users reached", kind: "TEXT", required: true, position: 0 },
          {
            key: "stage",
            label: "落地阶段",
            labelEn: "Stage",
            kind: "SINGLE_CHOICE",
            required: true,
            options: JSON.stringify([
              { value: "pilot", label: "试点", labelEn: "Pilot" },
              { value: "production", label: "规模化运行", labelEn: "In production" },
            ]),
            position: 1,
          },
        ],
      },
    },
  });
}

const e2e = browserAndServer({
  before: async () => {
    await useDemoDatabase();
    call = await openCall();
    smtp = await startSmtp();
    mailer = mailerFromUrl(smtp.url, "Events <no-reply@example.org>");
  },
  after: async () => {
    mailer?.close();
    await smtp?.close();
  },
});

/** The page as a phone shows it: fits the screen, passes axe-core, and leaves its screenshot. */
async function checked(page: Page, role: string, name: string) {
  await page.waitForLoadState("load");
  expect(await overflow(page), `${role} ${name}: wider than the screen`).toBe(0);
  expect(await axeViolations(page), `${role} ${name}: axe-core`).toEqual([]);
  await screenshot(page, role, name, width);
}

async function signedIn(credentials: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: { width, height: 812 }, locale: "zh-CN", baseURL: e2e.baseUrl });
  const page = await signInAs(context, e2e.baseUrl, credentials);
  await page.locator('header a[href="/account"]').waitFor();
  return { context, page };
}

/** Sends what the outbox holds to the test SMTP server until the message to `to` about `subject` arrives. */
async function mailTo(to: string, subject: string) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    await sendDueEmails({ render: renderQueuedEmail, mailer: mailer!, now: new Date(Date.now() + 60_000) });
    const mail = smtp!.messages.find((message) => (message.to && "text" in message.to ? message.to.text : "").includes(to) && (message.subject ?? "").includes(subject));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no e-mail to ${to} about "${subject}"`);
}

async function panoramaCount(page: Page): Promise<number> {
  await page.goto(`/cases/panorama`);
  return Number(await page.locator(`a[href="/cases?industry=${cell.industry}&scenario=${cell.scenario}"]`).getAttribute("data-cases"));
}

describe("typical-case call in Chromium at 375 px", () => {
  it("firm contact submits → reviewer scores → organizer selects and publishes → the case is in /cases and on the panorama", async () => {
    const started = Date.now();
    const visitor = await e2e.browser.newContext({ viewport: { width, height: 812 }, locale: "zh-CN", baseURL: e2e.baseUrl });
    const visitorPage = await visitor.newPage();
    const cellBefore = await panoramaCount(visitorPage);

    // The firm contact: from the portal to the call's open submission, then the form and a PDF.
    const firm = await signedIn(demo.firm);
    await firm.page.getByRole("link", { name: "申报应用案例" }).click();
    await firm.page.waitForURL((url) => url.pathname === "/firm/cases");
    await checked(firm.page, "cases-firm", "firm-cases");
    const openCall = firm.page.locator("li", { has: firm.page.getByRole("link", { name: "智能体场景应用典型案例征集（旅程）" }) });
    await Promise.all([firm.page.waitForURL((url) => url.pathname.startsWith("/submissions/")), openCall.getByRole("button").first().click()]);
    const submissionPath = new URL(firm.page.url()).pathname;
    await firm.page.getByRole("note").filter({ hasText: "盲评" }).waitFor();
    await checked(firm.page, "cases-firm", "submission-draft");

    await firm.page.setInputFiles('input[type=file][name="file"]', { name: "方案说明.pdf", mimeType: "application/pdf", buffer: caseFiles.pdf });
    await firm.page.getByRole("button", { name: "上传" }).click();
    await firm.page.getByRole("link", { name: "方案说明.pdf" }).waitFor();

    await firm.page.getByLabel("案例名称").fill(title);
    await firm.page.getByLabel("英文名称").fill("Medical insurance audit agent");
    await firm.page.locator('select[name="industry"]').selectOption(cell.industry);
    await firm.page.locator('select[name="scenario"]').selectOption(cell.scenario);
    await firm.page.getByLabel("案例摘要").fill("智能体逐单审核医保结算，识别异常并给出依据。");
    await firm.page.getByLabel("面临的问题").fill("人工抽查覆盖率低，违规结算难以及时发现。");
    await firm.page.getByLabel("解决方案").fill("规则库与大模型结合，多个智能体分工完成单据理解、比对与复核。");
    await firm.page.getByLabel("应用成效").fill("审核覆盖率由 5% 提升到 100%，追回不当支付明显增加。");
    await firm.page.locator('input[name="figures[0].label"]').fill("审核覆盖率");
    await firm.page.locator('input[name="figures[0].value"]').fill("100%");
    await firm.page.getByLabel("覆盖用户数").fill("120 万参保人");
    await firm.page.getByLabel("规模化运行").check();
    await firm.page.getByLabel("联系人姓名").fill("陈晓");
    await firm.page.getByLabel("联系人邮箱").fill(contactEmail);
    await firm.page.getByLabel("我同意按上述协议", { exact: false }).check();
    await firm.page.getByRole("button", { name: "提交案例" }).click();
    await firm.page.getByText("案例已提交，确认邮件已发送。").waitFor();
    expect(await firm.page.getByText("已提交").first().isVisible()).toBe(true);
    await checked(firm.page, "cases-firm", "submission-submitted");
    await firm.context.close();

    const confirmation = await mailTo(contactEmail, "智能体场景应用典型案例征集（旅程）");
    expect(confirmation.text).toContain(title);
    expect(confirmation.text).toContain(submissionPath);

    // The organizer adds a reviewer to the call and lets the assignment choose.
    const organizer = await signedIn(demo.organizer);
    await organizer.page.goto(`/admin/calls/${call.id}/review`);
    const addReviewer = organizer.page.locator('form:has(input[name="intent"][value="add-reviewer"])');
    await addReviewer.locator('input[name="email"]').fill("reviewer@demo.example.org");
    await addReviewer.getByRole("button").click();
    await organizer.page.getByText("reviewer@demo.example.org").first().waitFor();
    await organizer.page.getByRole("button", { name: "自动分配" }).click();
    const row = organizer.page.locator("tr", { hasText: title });
    await row.getByText("评审专家周老师").waitFor();
    await checked(organizer.page, "cases-organizer", "call-review-assigned");

    // The reviewer finds the case on /review and scores each criterion with a comment.
    const reviewer = await signedIn({ email: "reviewer@demo.example.org", password: "demo-reviewer-2025" });
    expect(new URL(reviewer.page.url()).pathname).toBe("/review");
    await checked(reviewer.page, "cases-reviewer", "review");
    await reviewer.page.getByRole("link", { name: title }).click();
    await reviewer.page.waitForURL((url) => /^\/review\/[^/]+$/.test(url.pathname));
    // Blind review: nothing names the submitting firm or its contact.
    const shown = await reviewer.page.locator("main").innerText();
    expect(shown).not.toContain("星河智算");
    expect(shown).not.toContain("陈晓");
    await reviewer.page.getByRole("link", { name: /attachment-1\.pdf/ }).waitFor();
    const sheets = reviewer.page.locator('select[id^="score-"]');
    expect(await sheets.count()).toBe(defaultCriteria.length);
    for (let index = 0; index < defaultCriteria.length; index++) {
      await sheets.nth(index).selectOption(String(5 - (index % 2)));
      await reviewer.page
        .locator('textarea[id^="comment-"]')
        .nth(index)
        .fill(`第 ${index + 1} 项：依据充分。`);
    }
    await reviewer.page.locator("#review-comment").fill("落地扎实，推荐入选。");
    await reviewer.page.getByRole("button", { name: "保存并标记完成" }).click();
    await reviewer.page.getByText("评审已标记为完成。").waitFor();
    await checked(reviewer.page, "cases-reviewer", "review-case");
    await reviewer.context.close();

    // The organizer reads the weighted mean (scores 5,4,5,4,5 with equal weights), selects and publishes.
    await organizer.page.reload();
    await expect.poll(async () => (await row.locator("td").nth(2).innerText()).trim()).toBe("4.60");
    await row.getByRole("button", { name: "典型案例" }).click();
    await organizer.page.getByText("评选结果已记录", { exact: false }).waitFor();
    await row.getByRole("button", { name: "发布" }).click();
    await organizer.page.getByText("案例已发布。").waitFor();
    await checked(organizer.page, "cases-organizer", "call-review-published");
    await organizer.context.close();

    // A visitor finds it by two of its characters, and its cell of the panorama counts one more.
    await visitorPage.goto(`/cases?q=${encodeURIComponent(query)}`);
    const found = visitorPage.getByRole("link", { name: title });
    await found.waitFor();
    await checked(visitorPage, "cases-visitor", "cases-search");
    await found.click();
    await visitorPage.waitForURL((url) => /^\/cases\/[^/]+$/.test(url.pathname));
    await visitorPage.getByRole("heading", { name: title }).waitFor();
    await checked(visitorPage, "cases-visitor", "case");
    expect(await panoramaCount(visitorPage)).toBe(cellBefore + 1);
    await checked(visitorPage, "cases-visitor", "panorama");
    await visitor.close();
    console.info(`[cases journey] ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
