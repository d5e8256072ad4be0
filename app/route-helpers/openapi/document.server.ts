import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { describeCases } from "./cases.server";
import { describeCheckIn } from "./checkin.server";
import { describeEvents } from "./events.server";
import { describeMatchmaking } from "./matchmaking.server";
import { describeProgramme } from "./programme.server";
import { describeSeries } from "./series.server";
import { json, registerShared } from "./shared.server";

/**
 * The OpenAPI 3.1 description of `/api/v1`, generated from the Zod schemas the routes validate with and
 * answer by. One `describe…` module per area; a new route is a `registry.registerPath` in its area's module
 * (or a new module added to `areas`). tests/integration/openapi.test.ts fails while an `api.v1.*` route
 * file has no path here.
 */
const areas = [describeEvents, describeProgramme, describeCheckIn, describeMatchmaking, describeSeries, describeCases];

function describeDocument(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    tags: ["Meta"],
    summary: "This document",
    description: "Rendered at /api/docs.",
    responses: { 200: json("OpenAPI 3.1", z.object({ openapi: z.string() }).passthrough()) },
  });
}

let built: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

/** The document; built once per process (it depends only on the code). */
export function openApiDocument() {
  if (built) return built;
  const registry = new OpenAPIRegistry();
  registerShared(registry);
  for (const describe of [...areas, describeDocument]) describe(registry);
  built = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Programme & events API",
      version: "1",
      description:
        "Public events, registration, agenda exports, the programme directory and check-in. Every error has one shape, the `Error` component: " +
        '`{ "error": { "code", "message", "fields"? } }`, with `message` and `fields` in the language of `Accept-Language` (zh-CN by default, or en).',
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "Events" },
      { name: "Registration" },
      { name: "Agenda exports" },
      { name: "Programme" },
      { name: "Cases" },
      { name: "Check-in", description: "Bearer token of the event's check-in role, or a signed-in staff session." },
      { name: "Matchmaking", description: "One-to-one meetings at an event; the participant's bearer token is their registration's manage token." },
      { name: "Meta" },
    ],
  });
  return built;
}
