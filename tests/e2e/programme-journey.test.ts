import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { withCheckCharacter } from "~/models/credit-code";
import { prisma } from "~/models/store/connection.server";
import { browserAndServer } from "../support/e2e";

const e2e = browserAndServer({ before: useDemoDatabase });

describe("from the public application to the contact's first sign-in", () => {
  it("applies, gets approved in the back office, sets a password through the e-mailed link and reaches the firm portal", async () => {
    const firmName = "浏览器测试智能（演示）";
    const contactEmail = "e2e.contact@example.org";
    const creditCode = withCheckCharacter("91510100MA6E2E001");

    // 1. The applicant, on a phone-sized screen.
    const applicant = await e2e.browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 800 } });
    const form = await applicant.newPage();
    await form.goto(`${e2e.baseUrl}/programme`);
    await form.getByRole("link", { name: "申请加入" }).click();
    await form.waitForURL(/\/programme\/apply$/);
    await form.getByLabel("企业名称").fill(firmName);
    await form.getByLabel("统一社会信用代码").fill(creditCode.slice(0, 17) + (creditCode[17] === "1" ? "2" : "1"));
    await form.getByLabel("所属行业").fill("政务服务");
    await form.getByLabel("所在城市").fill("成都");
    await form.getByLabel("企业规模").selectOption("50-199");
    await form.getByLabel("联络人姓名").fill("端到端");
    await form.getByLabel("联络人邮箱").fill(contactEmail);
    await form.getByLabel("联络人电话").fill("028 5555 0199");
    await form.getByLabel(/我已阅读并代表本企业接受成员章程/).check();
    await form.getByRole("button", { name: "提交申请" }).click();
    await expect.poll(() => form.getByText("统一社会信用代码校验位不正确").count()).toBeGreaterThan(0);
    await form.getByLabel("统一社会信用代码").fill(creditCode.toLowerCase());
    await form.getByRole("button", { name: "提交申请" }).click();
    await form.getByText(`申请已提交，确认邮件已发送至 ${contactEmail}`).waitFor();
    await applicant.close();

    const db = await prisma();
    const application = await db.firmApplication.findFirstOrThrow({ where: { creditCode } });
    expect(application.status).toBe("SUBMITTED");

    // 2. An organizer reviews and approves it.
    const organizer = await e2e.browser.newContext({ locale: "zh-CN" });
    const office = await organizer.newPage();
    await office.goto(`${e2e.baseUrl}/login?redirectTo=${encodeURIComponent("/admin/applications")}`);
    await office.getByLabel(/邮箱|Email/i).fill("organizer@demo.example.org");
    await office.getByLabel(/密码|Password/i).fill("demo-organizer-2025");
    await office.getByRole("button", { name: /登录|Sign in/ }).click();
    await office.waitForURL(/\/admin\/applications$/);
    // The filtered list downloads from one "Download" menu, worked with the keyboard: Enter opens it on its
    // first format, ↓ moves to CSV, Enter saves the file, filter included.
    await office.goto(`${e2e.baseUrl}/admin/applications?q=${creditCode}`);
    const downloads = office.getByRole("button", { name: "下载", exact: true });
    await downloads.focus();
    await office.keyboard.press("Enter");
    const focusedItem = () => office.evaluate(() => document.activeElement?.getAttribute("role") === "menuitem" && document.activeElement.textContent);
    await expect.poll(focusedItem).toBe("Excel 表格（XLSX）");
    const xlsx = office.getByRole("menuitem", { name: "Excel 表格（XLSX）" });
    expect(await xlsx.getAttribute("href")).toBe(`/admin/applications/export?q=${creditCode}&format=xlsx`);
    expect(await xlsx.getAttribute("download")).not.toBeNull();
    await office.keyboard.press("ArrowDown");
    await expect.poll(focusedItem).toBe("逗号分隔文本（CSV）");
    const [csv] = await Promise.all([office.waitForEvent("download"), office.keyboard.press("Enter")]);
    expect(csv.suggestedFilename()).toMatch(/^programme-applications-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readFileSync((await csv.path())!, "utf8");
    expect(rows).toContain(firmName);
    expect(rows.trim().split("\n")).toHaveLength(2);
    await expect.poll(() => office.getByRole("menu").count()).toBe(0);
    await office.getByRole("link", { name: firmName }).click();
    await office.waitForURL(/\/admin\/applications\/.+/);
    await office.getByRole("button", { name: "开始审核" }).click();
    await office.getByText("已更新为“审核中”").waitFor();
    await office.getByRole("button", { name: "批准入会" }).click();
    await office.getByText("已更新为“已通过”").waitFor();
    await organizer.close();

    const firm = await db.firm.findUniqueOrThrow({ where: { creditCode } });
    expect(firm.name).toBe(firmName);

    // 3. The contact follows the set-password link from the e-mail in the outbox.
    const invitation = await db.emailMessage.findFirstOrThrow({ where: { toAddress: contactEmail, kind: "firm-contact-invitation" } });
    const link = /(\/account\/setup\/[A-Za-z0-9_-]{20,})/.exec(invitation.text)![1];
    const contact = await e2e.browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 800 } });
    const portal = await contact.newPage();
    await portal.goto(`${e2e.baseUrl}${link}`);
    await portal.getByLabel("新密码（至少 10 个字符）").fill("my-first-password-2026");
    await portal.getByLabel("再次输入新密码").fill("my-first-password-2026");
    await portal.getByRole("button", { name: "设置密码" }).click();
    await portal.waitForURL(/\/login\?/);
    await portal.getByLabel(/邮箱|Email/i).fill(contactEmail);
    await portal.getByLabel(/密码|Password/i).fill("my-first-password-2026");
    await portal.getByRole("button", { name: /登录|Sign in/ }).click();
    await portal.waitForURL(/\/firm$/);
    await portal.getByRole("heading", { name: firmName }).waitFor();
    expect(await portal.getByText("已完成 0 / 5").count()).toBeGreaterThan(0);

    // The link is single-use.
    const reused = await portal.goto(`${e2e.baseUrl}${link}`);
    expect(reused?.status()).toBe(410);
    await contact.close();
  }, 120_000);
});
