import { request } from "node:http";

/** One answer's bytes as they crossed the wire (not decompressed), with the encoding the server chose. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The scripts a page makes the browser load: its module preloads, script sources and inline `import "…"`s. */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const [, href] of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(href);
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(src);
  for (const [, body] of html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const [, path] of body.matchAll(/import(?:[^"']*from)?\s*["'](\/[^"']+)["']/g)) urls.add(path);
  }
  return [...urls];
}

export type ScriptWeight = { url: string; raw: number; compressed: number; encoding: string };

/** Every script of the page fetched as a browser on a phone would (brotli or gzip accepted): the bytes sent. */
export async function pageScriptWeight(baseUrl: string, path: string): Promise<{ scripts: ScriptWeight[]; raw: number; compressed: number }> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { Accept: "text/html" } })).text();
  const scripts: ScriptWeight[] = [];
  for (const url of scriptUrls(html)) {
    const absolute = new URL(url, baseUrl).href;
    const [plain, packed] = await Promise.all([rawGet(absolute, { "Accept-Encoding": "identity" }), rawGet(absolute, { "Accept-Encoding": "br, gzip" })]);
    if (plain.status !== 200) throw new Error(`${url} answered ${plain.status}`);
    scripts.push({ url, raw: plain.bytes, compressed: packed.bytes, encoding: String(packed.headers["content-encoding"] ?? "identity") });
  }
  return { scripts, raw: scripts.reduce((sum, script) => sum + script.raw, 0), compressed: scripts.reduce((sum, script) => sum + script.compressed, 0) };
}
