import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { lookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";

/**
 * One outbound webhook POST: a deadline for the whole exchange, redirects never followed (a 3xx is a
 * failure), and, unless private targets are allowed, a refusal to connect to a private address — checked
 * on the address the connection really uses, after DNS, so a name that resolves inward is refused too.
 */
export type PostOutcome = { statusCode: number; error: null } | { statusCode: null; error: string };

/**
 * Loopback, private, link-local (cloud metadata), carrier-grade NAT, unspecified and multicast addresses:
 * where a server-side request must not go on a partner's say-so (SSRF), unless the operator allows it.
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (isIP(mapped) === 4) {
    const [a, b] = mapped.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  if (isIP(mapped) === 6) {
    return mapped === "::" || mapped === "::1" || /^f[cd]/.test(mapped) || /^fe[89ab]/.test(mapped) || mapped.startsWith("ff");
  }
  return false;
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(Object.assign(new Error(`private address ${refused.address} refused`), { code: "EPRIVATE" }), "", 0);
    if (options.all) return callback(null, addresses as never);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

export function postWebhook({
  url,
  headers,
  body,
  timeoutMs,
  allowPrivate,
}: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<PostOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.resolve({ statusCode: null, error: `private address ${host} refused` });
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "events-platform-webhooks", ...headers },
        timeout: timeoutMs,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        // The answer's body is not needed; reading it frees the socket.
        response.resume();
        response.on("end", () => resolve({ statusCode: response.statusCode ?? 0, error: null }));
        response.on("error", (error) => resolve({ statusCode: null, error: error.message }));
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("close", () => clearTimeout(deadline));
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (error) => resolve({ statusCode: null, error: error.message.slice(0, 300) }));
    req.end(body);
  });
}
