import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { CookieJar, startTestServer } from "../support/server";
import { demo, signIn } from "../support/staff";

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: CookieJar;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
  organizer = await signIn(server.baseUrl, demo.organizer.email, demo.organizer.password);
});
afterAll(() => server?.close());

const post = (path: string, fields: Record<string, string>) => organizer.fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Accept-Language": "en" } });

describe("forms of the programme's back office show every field error at once", () => {
  it("a new onboarding step with no title and a negative due date names both fields and stores nothing", async () => {
    const db = await prisma();
    const before = await db.onboardingStep.count();
    const response = await post("/admin/onboarding", { intent: "create", title: "", dueDays: "-3", position: "1" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="new-step-title-error"[^>]*>Please fill in this field\./);
    expect(html).toMatch(/id="new-step-due-error"[^>]*>This value is not valid\./);
    expect(await db.onboardingStep.count()).toBe(before);
  });

  it("an edited step's errors show on that step's form only", async () => {
    const step = await (await prisma()).onboardingStep.findFirstOrThrow({ where: { archivedAt: null } });
    const response = await post("/admin/onboarding", { intent: "update", stepId: step.id, title: "", position: "5000" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`id="step-${step.id}-title-error"`);
    expect(html).toContain(`id="step-${step.id}-position-error"`);
    expect(html).not.toContain('id="new-step-title-error"');
  });
});
