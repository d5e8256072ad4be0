import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { loadServerBuild } from "../../app/cli/build";
import { checkInWriterThreadId, startCheckInWriter } from "~/models/checkin-writer.server";
import { createHttpApp } from "~/server/http";
import { env } from "~/utils/env.server";

/**
 * The real HTTP server (built app, express, security middleware) on a random loopback port. With
 * `checkInWriter`, the check-in writer thread is started and ready before the server listens, as `npm start`
 * does: otherwise the first scan waits for the thread to compile, which on a loaded machine can outlast a
 * scanner's 1.5 s deadline.
 */
export async function startTestServer({ checkInWriter = false } = {}): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const stopWriter = checkInWriter ? startCheckInWriter() : async () => {};
  for (const deadline = Date.now() + 60_000; checkInWriter && checkInWriterThreadId() === null;) {
    if (Date.now() > deadline) throw new Error("The check-in writer thread did not start within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const build = await loadServerBuild();
  const app = createHttpApp({ build, env: env() });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(stopWriter),
  };
}

/** Minimal cookie jar for fetch-based tests. */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.header());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(response);
    return response;
  }
}
