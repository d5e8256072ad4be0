import { describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { decodeQrDataUrl } from "../support/qr";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { browserAndServer } from "../support/e2e";

const e2e = browserAndServer({ before: useDemoDatabase });

describe("public registration in Chromium", () => {
  it("goes from the phone-sized form to the ticket page, whose QR carries the ticket code and still shows offline", async () => {
    const { slug, event } = await createRegistrationEvent({
      capacity: 20,
      categories: [
        { code: "public", name: "公众" },
        { code: "media", name: "媒体" },
      ],
    });
    const db = await prisma();
    await db.registrationQuestion.create({
      data: {
        eventId: event.id,
        key: "outlet",
        label: "所属媒体",
        kind: "TEXT",
        required: true,
        categoryIds: JSON.stringify([(await db.ticketCategory.findFirstOrThrow({ where: { eventId: event.id, code: "media" } })).id]),
      },
    });
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 740 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/events/${slug}/register`);
    await page.getByLabel("姓名").fill("李思远");
    await page.getByLabel("电子邮箱").fill("li.siyuan@example.org");
    await page.getByLabel("单位").fill("示例市数据局");
    // The media question appears only for the media category.
    expect(await page.getByLabel("所属媒体").count()).toBe(0);
    await page.getByLabel("媒体").check();
    await expect.poll(() => page.getByLabel("所属媒体").count()).toBe(1);
    await page.getByLabel("公众").check();
    // Without consent the form says what to fix and stores nothing.
    await page.getByRole("button", { name: "提交报名" }).click();
    await page.getByRole("alert").filter({ hasText: "隐私说明" }).first().waitFor();
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    await page.getByLabel("我已阅读并同意上述隐私说明", { exact: false }).check();
    await page.getByRole("button", { name: "提交报名" }).click();
    await page.getByRole("heading", { name: "报名成功" }).waitFor();
    await page.getByRole("link", { name: "管理我的报名" }).click();
    const qr = page.getByTestId("ticket-qr");
    await qr.waitFor();
    const registration = await db.registration.findFirstOrThrow({ where: { eventId: event.id } });
    expect(registration.name).toBe("李思远");
    expect(registration.consentNoticeVersion).toBe("1");
    expect(decodeQrDataUrl((await qr.getAttribute("src"))!)).toBe(registration.ticketCode);
    // The code is printed under the QR in groups of four, for typing at the door.
    expect(await page.getByTestId("ticket-code").textContent()).toBe(registration.ticketCode.match(/.{1,4}/g)!.join(" "));
    // One red button: cancelling. Deleting one's data sits apart, in the data section.
    expect(await page.locator(".btn-danger").count()).toBe(1);
    expect(await page.locator(".btn-danger").textContent()).toContain("取消报名");
    // At the door the network is gone: the full-screen QR still shows, decoded from what the page holds.
    await context.setOffline(true);
    await page.getByRole("button", { name: "全屏显示二维码" }).click();
    const fullScreen = page.getByTestId("ticket-qr-fullscreen");
    await fullScreen.waitFor();
    const box = await fullScreen.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(decodeQrDataUrl((await fullScreen.getAttribute("src"))!)).toBe(registration.ticketCode);
    await context.close();
  });
});
