import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { finished } from "node:stream/promises";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { rawSql } from "~/models/store/connection.server";
import { migrationCount } from "~/models/store/maintenance-store.server";
import type { Env } from "~/utils/env.server";
import { bufferedRequest } from "~/utils/http.server";
import { apiRefusal, apiRouteFinder, isApiPath, withApiErrorAnswers } from "./api-answers";
import { compressedAnswers, precompressedAssets } from "./compression";
import { hotEndpoints } from "./hot-endpoints";
import { publicPageCache } from "./public-page-cache";
import {
  answerPartnerCors,
  badOriginBody,
  contentSecurityPolicy,
  discardBodyLeftAfterAnswer,
  discardUnreadBody,
  frameAncestors,
  originAllowed,
  pageBodyRefusal,
  retryAfterWhenBusy,
  setClientAddress,
  setSecurityHeaders,
  varyByOriginOnPartnerPaths,
} from "./http-guards";

/**
 * The HTTP server around the Remix build: client address, Origin check and partner CORS, security headers,
 * compression (compression.ts), static assets, anonymous public pages rendered once per database state (public-page-cache.ts), the API's 404/405 and error shape (api-answers.ts), and the hot JSON endpoints ahead of it
 * all (hot-endpoints.ts).
 * Route modules never see the raw socket; they read the client address from X-Client-Address, which is
 * set here and cannot be supplied by the client.
 */
export function createHttpApp({ build, env }: { build: ServerBuild; env: Env }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY); // Remix's request URL follows X-Forwarded-Proto behind a proxy

  app.use((req: Request, res: Response, next: NextFunction) => {
    setClientAddress(req, env);
    setSecurityHeaders(res, env);
    // Scripts only from this origin or inline with this request's nonce (Remix's hydration scripts carry it).
    const nonce = cspNonce();
    res.locals.cspNonce = nonce;
    const framedBy = frameAncestors(req.path, env);
    if (framedBy !== "'none'") res.removeHeader("X-Frame-Options");
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(`'nonce-${nonce}'`, framedBy));
    retryAfterWhenBusy(res);
    discardBodyLeftAfterAnswer(req, res);
    next();
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (answerPartnerCors(req, res, env)) return;
    varyByOriginOnPartnerPaths(req, res, env);
    if (originAllowed(req, env)) return next();
    res.status(403).json(badOriginBody(req));
  });

  // Form bodies are judged by their headers before Remix reads them (pageBodyRefusal).
  app.use((req: Request, res: Response, next: NextFunction) => {
    pageBodyRefusal(req)
      .then(async (refusal) => {
        if (!refusal) return next();
        // Past a limit the body is not read at all; a body of the wrong type, within the limit, is read and dropped.
        if (refusal.status === 415) await finished(req.resume()).catch(() => undefined);
        else discardUnreadBody(req, res);
        res.status(refusal.status).json(refusal.body);
      })
      .catch(next);
  });

  // For load balancers and monitoring: 200 {status:"ok", db:"ok"} when the database answers a read, else 503.
  app.get("/healthz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      migrationCount.get(await rawSql(), {});
      res.json({ status: "ok", db: "ok" });
    } catch (error) {
      res.status(503).json({ status: "error", db: String((error as Error)?.message ?? error).slice(0, 200) });
    }
  });

  app.use("/assets", precompressedAssets("build/client/assets"));
  app.use(compressedAnswers());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  const pageCache = publicPageCache({ env });
  app.use(pageCache.middleware);
  const apiRoute = apiRouteFinder(build);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isApiPath(req.path)) return next();
    const refusal = apiRefusal(apiRoute(req.path), bufferedRequest(req.method, req.originalUrl, req));
    if (!refusal) return next();
    res
      .status(refusal.status)
      .set(refusal.headers ?? {})
      .json(refusal.body);
  });
  app.all("*", createRequestHandler({ build: withApiErrorAnswers(build), mode: env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }));

  // The hot JSON endpoints first (hot-endpoints.ts), then stored copies of public pages (public-page-cache.ts),
  // then express; `listen` as express's own.
  const hot = hotEndpoints(build, env);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!hot(req, res) && !pageCache.replayAhead(req, res)) app(req, res);
  };
  return Object.assign(handler, { listen: ((...args: Parameters<Server["listen"]>) => createServer(handler).listen(...args)) as Server["listen"] });
}

// CSP nonces cut from a pooled block of random bytes: a randomBytes(16) call per request (a syscall each)
// cost ~25 µs, a twentieth of a check-in scan. Every nonce is still 128 fresh CSPRNG bits, used once.
const noncePool = { bytes: Buffer.alloc(0), offset: 0 };

function cspNonce(): string {
  if (noncePool.offset + 16 > noncePool.bytes.length) {
    noncePool.bytes = randomBytes(4096);
    noncePool.offset = 0;
  }
  noncePool.offset += 16;
  return noncePool.bytes.toString("base64", noncePool.offset - 16, noncePool.offset);
}
