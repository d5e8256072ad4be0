import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { prisma } from "~/models/store/connection.server";
import { groupTicketCode } from "~/utils/ticket-code";
import { addRegistration, createEventFixture, staffUser } from "../support/checkin-fixtures";
import { browserAndServer } from "../support/e2e";

let dir: string;
let fx: Awaited<ReturnType<typeof createEventFixture>>;
let first: Awaited<ReturnType<typeof addRegistration>>;
let second: Awaited<ReturnType<typeof addRegistration>>;
let third: Awaited<ReturnType<typeof addRegistration>>;
let staff: { email: string; password: string };

const e2e = browserAndServer({
  checkInWriter: true,
  before: async () => {
    fx = await createEventFixture();
    first = await addRegistration(fx.event.id, { name: "赵一", organization: "星河智算", categoryId: fx.categories.vip.id });
    second = await addRegistration(fx.event.id, { name: "钱二", organization: "北辰数据" });
    third = await addRegistration(fx.event.id, { name: "孙三", organization: "南岭云" });
    staff = await staffUser(fx.event.slug);
    // A fake camera that films the first ticket's QR code (TOOLCHAIN.md: ffmpeg-made MJPEG).
    dir = mkdtempSync(join(tmpdir(), "checkin-e2e-"));
    await QRCode.toFile(join(dir, "qr.png"), first.ticketCode, { width: 400, margin: 4 });
    execFileSync("ffmpeg", [
      "-y",
      "-loglevel",
      "error",
      "-loop",
      "1",
      "-i",
      join(dir, "qr.png"),
      "-t",
      "3",
      "-r",
      "30",
      "-pix_fmt",
      "yuvj420p",
      "-vf",
      "scale=480:480,pad=640:480:80:0:white",
      "-c:v",
      "mjpeg",
      "-q:v",
      "3",
      "-f",
      "mjpeg",
      join(dir, "qr.mjpeg"),
    ]);
  },
  launch: () => ({
    args: ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${join(dir, "qr.mjpeg")}`],
  }),
  after: () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  },
});

describe("check-in scanner in Chromium", () => {
  it("checks a ticket in through the camera, keeps scanning offline, and syncs when the network is back", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, permissions: ["camera"], locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/login?redirectTo=/checkin`);
    await page.fill("#field-email", staff.email);
    await page.fill("#field-password", staff.password);
    await Promise.all([page.waitForURL(/\/checkin$/), page.press("#field-password", "Enter")]);

    await page.fill("#setup-device", "东门1号机");
    await page.click("button[type=submit]:has-text('开始')");
    await page.waitForFunction(() => /：3 张/.test(document.querySelector("[data-testid=index-info]")?.textContent ?? ""), undefined, { timeout: 15_000 });

    // Camera: the fake device shows the first ticket's QR; jsQR in the worker reads it.
    await page.click("button:has-text('打开摄像头')");
    await page.waitForSelector("[data-testid=result][data-result=ok]", { timeout: 20_000 });
    const okText = await page.textContent("[data-testid=result]");
    expect(okText).toContain("签到成功");
    expect(okText).toContain("赵一");
    expect(okText).toContain("贵宾");
    await page.click("button:has-text('关闭摄像头')");
    const db = await prisma();
    const online = await db.checkIn.findFirstOrThrow({ where: { registrationId: first.id, result: "OK" } });
    expect(online).toMatchObject({ deviceId: "东门1号机", offline: false });

    // The page has stored itself and its assets for the service worker.
    await page.waitForFunction(() => caches.match("/checkin").then((hit) => Boolean(hit)), undefined, { timeout: 10_000 });

    // Network gone: the scanner decides from its index and queues the scan, typed as printed (groups of four).
    await context.setOffline(true);
    await page.fill("#wedge", groupTicketCode(second.ticketCode));
    await page.press("#wedge", "Enter");
    await page.waitForSelector("[data-testid=result][data-result=ok][data-offline=true]", { timeout: 10_000 });
    await page.waitForSelector("[data-testid=connection][data-online=false][data-queue='1']");
    expect(await page.textContent("[data-testid=connection]")).toContain("离线");
    expect(await page.textContent("[data-testid=result]")).toContain("北辰数据");
    // The same ticket again on this device: yellow from the local index, also queued.
    await page.fill("#wedge", first.ticketCode);
    await page.press("#wedge", "Enter");
    await page.waitForSelector("[data-testid=result][data-result=already_checked_in][data-offline=true]");
    expect(await db.checkIn.count({ where: { registrationId: second.id } })).toBe(0);

    // Reloading with no network still opens the scanner (service worker), with the queue intact.
    await page.reload();
    await page.waitForSelector("[data-testid=connection][data-queue='2']", { timeout: 10_000 });

    // Back online: /healthz answers, the queue is uploaded, the server has the offline scan.
    await context.setOffline(false);
    await page.waitForSelector("[data-testid=connection][data-online=true][data-queue='0']", { timeout: 20_000 });
    const synced = await db.checkIn.findFirstOrThrow({ where: { registrationId: second.id } });
    expect(synced).toMatchObject({ result: "OK", offline: true, deviceId: "东门1号机", conflict: false });
    expect(await db.checkIn.count({ where: { registrationId: first.id, result: "OK" } })).toBe(1);

    // Without a ticket: a one-character surname finds the person, and the result shows them in after the check-in.
    await page.fill("#search", "孙");
    await page.click("button:has-text('搜索')");
    const hit = page.locator("li", { hasText: "孙三" });
    await hit.waitFor();
    expect(await hit.getByTestId("search-entered").count()).toBe(0);
    await hit.getByRole("button", { name: "签到" }).click();
    await hit.getByTestId("search-entered").waitFor();
    expect(await db.checkIn.count({ where: { registrationId: third.id, result: "OK" } })).toBe(1);
    await context.close();
  }, 120_000);
});
