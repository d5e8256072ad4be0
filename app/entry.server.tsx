import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { catalog } from "~/i18n";
import { provideCatalogs } from "~/i18n/loaded";
import { NonceContext } from "~/utils/nonce";

/**
 * Remix's default Node entry, plus the per-request CSP nonce from app/server/http.ts: RemixServer's own
 * inline scripts and <Scripts>/<ScrollRestoration> in root.tsx carry it, so script-src needs no 'unsafe-inline'.
 */
export const streamTimeout = 5_000;

provideCatalogs(catalog);

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      // React 18's streaming renderer can leave NUL bytes where a multi-byte character meets the end of its
      // chunk (facebook/react#24985); HTML never carries NUL and UTF-8 never encodes one inside a character.
      const body = new Transform({ transform: (chunk: Buffer, _encoding, done) => done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk) });
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Logs server errors once, without the noise of requests the client aborted. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
