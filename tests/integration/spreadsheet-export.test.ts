import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../support/demo-database";
import { prisma } from "~/models/store/connection.server";
import { addRegistration, staffUser } from "../support/checkin-fixtures";
import { createRegistrationEvent, person } from "../support/registration-fixtures";
import { startTestServer } from "../support/server";
import { signIn } from "../support/staff";

/**
 * Issue 12 §1: text a registrant controls must never reach a spreadsheet as a live formula. Every exported
 * cell that a spreadsheet would evaluate (it starts with = + - @, a tab or a carriage return, or their
 * full-width forms) is prefixed with a single quote and keeps the rest of its text (OWASP CSV injection).
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  await useDemoDatabase();
  server = await startTestServer();
});
afterAll(() => server?.close());

async function downloadCsv(eventId: string, slug: string) {
  const staff = await staffUser(slug, "ORGANIZER");
  const jar = await signIn(server.baseUrl, staff.email, staff.password);
  const response = await jar.fetch(`${server.baseUrl}/admin/events/${eventId}/registrations/export`, { headers: { "Accept-Language": "en" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
  // The export's headers are in the reader's language (issue 16 §5); named here by field.
  const fields: Record<string, string> = { Name: "name", "E-mail": "email", Organization: "organization", Phone: "phone", "Job title": "jobTitle", Status: "status", Note: "note" };
  return parse(await response.text(), { columns: (headers: string[]) => headers.map((header) => fields[header] ?? header), bom: true }) as Record<string, string>[];
}

describe("registrations CSV export", () => {
  it("neutralises registrant-entered formulas (ASCII and full-width triggers) and keeps their visible text", async () => {
    const { event, slug } = await createRegistrationEvent({ capacity: 20 });
    const hostile = [
      { name: '=HYPERLINK("http://x","y")', organization: "＠cmd", jobTitle: "=cmd|' /C calc'!A0", email: "formula1@example.org" },
      { name: "+1+1", organization: "-2+3", jobTitle: "@SUM(A1:A2)", email: "formula2@example.org" },
      { name: "＝1+1", organization: "＋1", jobTitle: "－1", email: "formula3@example.org", phone: "+86 138 0000 0000" },
    ];
    for (const fields of hostile) {
      const response = await fetch(`${server.baseUrl}/api/v1/events/${slug}/registrations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(person(0, fields)),
      });
      expect(response.status).toBe(201);
    }
    // Rows stored by earlier versions may still start with a tab or a carriage return.
    const legacy = await addRegistration(event.id, { name: "\t=1+1", organization: "\r=2+2" });
    await (await prisma()).registration.update({ where: { id: legacy.id }, data: { organizerNote: "=IMPORTXML(A1)" } });

    const rows = await downloadCsv(event.id, slug);
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    for (const fields of hostile) {
      const row = byEmail.get(fields.email)!;
      expect(row.name).toBe(`'${fields.name}`);
      expect(row.organization).toBe(`'${fields.organization}`);
      expect(row.jobTitle).toBe(`'${fields.jobTitle}`);
    }
    expect(byEmail.get("formula3@example.org")!.phone).toBe("'+86 138 0000 0000");
    const old = rows.find((row) => row.email === legacy.email)!;
    expect(old.name).toBe("'\t=1+1");
    expect(old.organization).toBe("'\r=2+2");
    expect(old.note).toBe("'=IMPORTXML(A1)");
    // Harmless text is left exactly as it was.
    expect(old.email).toBe(legacy.email);
    expect(old.status).not.toMatch(/^'/);
  });
});
