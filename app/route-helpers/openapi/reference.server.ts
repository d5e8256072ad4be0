import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The rendered reference at /api/docs: Swagger UI's files from node_modules (swagger-ui-dist), served by
 * this server, under a policy that allows this origin only. The start-up script is a file of its own, as
 * the policy allows no inline script.
 */
export const apiDocsHeaders = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
};

export const apiDocsHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

const start = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
`;

const distFiles: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const loaded = new Map<string, string>();

export async function apiDocsAsset(name: string): Promise<{ body: string; type: string } | null> {
  if (name === "start.js") return { body: start, type: "text/javascript; charset=utf-8" };
  const type = distFiles[name];
  if (!type) return null;
  let body = loaded.get(name);
  if (body === undefined) {
    body = await readFile(join(dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json")), name), "utf8");
    loaded.set(name, body);
  }
  return { body, type };
}
