import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { startTestServer } from "../support/server";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("public pages", () => {
  it("lists the upcoming deep dives on the home page in Chinese by default", async () => {
    const html = await (await fetch(server.baseUrl + "/")).text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("智能体深度行·金融（上海站）");
  });

  it("answers an unknown event with a 404 page, not a 500", async () => {
    const response = await fetch(server.baseUrl + "/events/no-such-event");
    expect(response.status).toBe(404);
  });
});
