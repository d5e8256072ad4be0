import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultList } from "~/models/checkin-list.server";
import { sendBulkMessage } from "~/models/registration-bulk.server";
import { decideRegistrations } from "~/models/registration-write.server";
import { setOrganizerNote } from "~/models/registration-queries.server";
import { db, prisma } from "~/models/store/connection.server";
import { databasePath } from "~/utils/env.server";
import { newNonce, staffUser, tokenFor } from "../support/checkin-fixtures";
import { createRegistrationEvent } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";

/**
 * Issue 12 §10 (PIPL): the self-service download holds what organizers wrote about the person; after
 * self-deletion neither the database file nor its WAL still holds the address or the name; an
 * Idempotency-Key replay after deletion says the registration is gone instead of handing out a dead link.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function uniquePerson(extra: Record<string, unknown> = {}) {
  const tag = randomBytes(6).toString("hex");
  return { name: `隐私测试者${tag}`, email: `erase-${tag}@example.org`, organization: `擦除测试单位${tag}`, phone: "+86 139 8765 4321", consent: true, ...extra };
}

function registerThroughApi(slug: string, body: Record<string, unknown>, idempotencyKey?: string) {
  return fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });
}

async function registered(slug: string, body: Record<string, unknown>, idempotencyKey?: string) {
  const response = await registerThroughApi(slug, body, idempotencyKey);
  expect([200, 201]).toContain(response.status);
  const { registration } = (await response.json()) as { registration: { id: string; manageUrl: string } };
  return { id: registration.id, path: new URL(registration.manageUrl).pathname };
}

function manage(path: string, fields: Record<string, string>) {
  return fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: server.baseUrl }, redirect: "manual" });
}

describe("self-service data download", () => {
  it("includes the organizer's note, their decisions, the check-ins and the e-mails sent, with their text", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 10, requiresApproval: true });
    const person = uniquePerson();
    const { id, path } = await registered(slug, person);
    await setOrganizerNote(event.id, id, "VIP 客户，安排前排座位");
    await decideRegistrations({ eventId: event.id, ids: [id], decision: "approve" });
    const organizer = await staffUser(slug, "ORGANIZER");
    const organizerId = (await (await prisma()).user.findUniqueOrThrow({ where: { email: organizer.email } })).id;
    await sendBulkMessage({ eventId: event.id, filter: {}, subject: "会场变更通知", body: "会场改到三楼报告厅。", actorUserId: organizerId });
    const list = await ensureDefaultList(event.id);
    const ticketCode = (await (await prisma()).registration.findUniqueOrThrow({ where: { id } })).ticketCode;
    const scan = await fetch(`${server.baseUrl}/api/v1/checkin`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await tokenFor(slug)}` },
      body: JSON.stringify({ code: ticketCode, nonce: newNonce() }),
    });
    expect(((await scan.json()) as { result: string }).result).toBe("ok");

    const exported = await (await fetch(`${server.baseUrl}${path}/data`)).json();
    expect(exported.registration).toMatchObject({ organizerNote: "VIP 客户，安排前排座位", status: "confirmed" });
    expect(exported.registration.decidedAt).toEqual(expect.any(String));
    expect(exported.decisions).toEqual([expect.objectContaining({ decision: "approved", at: expect.any(String) })]);
    expect(exported.checkIns).toEqual([expect.objectContaining({ list: list.name, direction: "ENTRY", result: "OK" })]);
    const bulk = exported.emails.find((email: { subject: string }) => email.subject === "会场变更通知");
    expect(bulk).toMatchObject({ kind: "bulk", to: person.email });
    expect(bulk.text).toContain("会场改到三楼报告厅。");
  });
});

describe("self-deletion leaves nothing readable on disk", () => {
  it("overwrites the address, name and phone in the database file and its WAL", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const neighbours = [uniquePerson(), uniquePerson()];
    for (const neighbour of neighbours) await registered(slug, neighbour);
    const person = uniquePerson();
    const { path } = await registered(slug, person);
    // Part of what was written reaches the database file, the rest stays in the WAL.
    (await db()).sqlite.pragma("wal_checkpoint(TRUNCATE)");
    expect((await manage(path, { intent: "edit", phone: "+86 139 1234 5678", jobTitle: "数据保护专员" })).status).toBe(200);
    await registered(slug, uniquePerson());

    const file = databasePath(process.env.DATABASE_URL!);
    const files = [file, `${file}-wal`];
    const holding = (needle: string) => files.filter((name) => existsSync(name) && readFileSync(name).includes(Buffer.from(needle)));
    expect(holding(person.email).length).toBeGreaterThan(0);

    const deleted = await manage(path, { intent: "delete" });
    expect(deleted.status).toBe(302);
    for (const needle of [person.email, person.email.toLowerCase(), person.name, person.organization, "+86 139 1234 5678", "数据保护专员"]) {
      expect({ needle, files: holding(needle) }).toEqual({ needle, files: [] });
    }
    // The other attendees are untouched.
    for (const neighbour of neighbours) expect(holding(neighbour.email).length).toBeGreaterThan(0);
  });
});

describe("Idempotency-Key replay after deletion", () => {
  it("answers 410 saying the registration is gone, not 201 with a dead manage link", async () => {
    const { slug } = await createRegistrationEvent({ capacity: 10 });
    const person = uniquePerson();
    const key = `erase-${randomBytes(4).toString("hex")}`;
    const first = await registerThroughApi(slug, person, key);
    expect(first.status).toBe(201);
    const { registration } = (await first.json()) as { registration: { manageUrl: string } };
    expect((await manage(new URL(registration.manageUrl).pathname, { intent: "delete" })).status).toBe(302);

    const replay = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key, "Accept-Language": "en" },
      body: JSON.stringify(person),
    });
    expect(replay.status).toBe(410);
    const body = (await replay.json()) as { error: { code: string; message: string }; registration?: unknown };
    expect(body.error.code).toBe("registration_deleted");
    expect(body.error.message).toMatch(/deleted/i);
    expect(JSON.stringify(body)).not.toContain("/r/");
  });
});
