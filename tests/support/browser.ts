import { chromium, type Browser, type LaunchOptions } from "playwright-core";

// Debian's Chromium, launched with the flags TOOLCHAIN.md verified for root on a closed network.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, ...options, args: [...chromiumArgs, ...(options.args ?? [])] });
}
