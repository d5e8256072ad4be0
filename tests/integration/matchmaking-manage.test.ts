import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveProfile, sendRequest } from "~/models/matchmaking.server";
import { prisma } from "~/models/store/connection.server";
import { matchmakingEvent, registrant, type Registrant } from "../support/matchmaking-fixtures";
import { startTestServer } from "../support/server";
import { withoutScripts } from "../support/html";

/**
 * Event matchmaking on the attendee's manage link (issue 18 §2–§4) over HTTP: opting in through the page's
 * form, privacy of what a participant did not tick (the whole HTML, route data included), request, accept,
 * check-in at the table, the clear refusal when no slot is common, the follow-up, and leaving.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const page = (who: Registrant, suffix = "/matchmaking") => fetch(`${server.baseUrl}/r/${who.token}${suffix}`, { headers: { "Accept-Language": "en" } });

function post(who: Registrant, fields: [string, string][]) {
  return fetch(`${server.baseUrl}/r/${who.token}/matchmaking`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: server.baseUrl, "Accept-Language": "en" },
    redirect: "manual",
  });
}

const visibleText = (html: string) => withoutScripts(html);

async function profileIdOf(who: Registrant) {
  return (await (await prisma()).matchmakingProfile.findUniqueOrThrow({ where: { registrationId: who.id } })).id;
}

describe("matchmaking on the manage page", () => {
  it("opts in by form, shows only what each shares, requests, accepts, and checks both in at the table", async () => {
    const { event, slotIds } = await matchmakingEvent({ slots: 2, tables: 2 });
    const [alice, bob] = await Promise.all([registrant(event.id, 1), registrant(event.id, 2)]);

    const manage = await (await page(alice, "")).text();
    expect(manage).toContain(`/r/${alice.token}/matchmaking`);
    expect(visibleText(manage)).toContain("Open matchmaking");
    expect(visibleText(await (await page(alice)).text())).toContain("Join matchmaking");

    const joined = await post(alice, [
      ["intent", "profile"],
      ["side", "demand"],
      ["needs", "反欺诈模型"],
      ["tags", "反欺诈, 信贷"],
      ["shared", "name"],
      ["shared", "organization"],
      ...slotIds.map((id): [string, string] => ["availability", id]),
    ]);
    expect(joined.status).toBe(200);
    expect(visibleText(await joined.text())).toContain("Saved.");
    // Bob ticks only his organization: nothing else of his may reach Alice.
    expect(
      (
        await post(bob, [
          ["intent", "profile"],
          ["side", "supply"],
          ["offers", "反欺诈平台"],
          ["tags", "反欺诈"],
          ["shared", "organization"],
          ...slotIds.map((id): [string, string] => ["availability", id]),
        ])
      ).status,
    ).toBe(200);
    const bobProfile = await (await prisma()).matchmakingProfile.findUniqueOrThrow({ where: { registrationId: bob.id } });
    expect(JSON.parse(bobProfile.shared)).toEqual(["organization"]);

    const alicePage = await (await page(alice)).text();
    expect(alicePage).toContain(bob.organization);
    expect(visibleText(alicePage)).toMatch(/[Kk]eywords: 反欺诈/);
    const bobId = bobProfile.id;
    const requested = await post(alice, [
      ["intent", "request"],
      ["to", bobId],
      ["message", "想了解反欺诈平台"],
    ]);
    expect(visibleText(await requested.text())).toContain("Request sent");

    const bobPage = await (await page(bob)).text();
    expect(visibleText(bobPage)).toContain(`${alice.name} would like to meet you`);
    const requestId = (await (await prisma()).meetingRequest.findFirstOrThrow({ where: { toProfileId: bobId } })).id;
    const accepted = await post(bob, [
      ["intent", "accept"],
      ["requestId", requestId],
    ]);
    expect(accepted.status).toBe(200);
    expect(visibleText(await accepted.text())).toMatch(/Accepted: the meeting is at .+, table 1\./);

    const meeting = await (await prisma()).meeting.findFirstOrThrow({ where: { requestId } });
    expect(meeting.slotId).toBe(slotIds[0]);
    for (const who of [alice, bob]) {
      const checkedIn = await post(who, [
        ["intent", "checkin"],
        ["meetingId", meeting.id],
      ]);
      expect(visibleText(await checkedIn.text())).toContain("Checked in at table 1.");
    }
    const held = visibleText(await (await page(alice)).text());
    expect(held).toContain("Held");
    expect(held).toContain(", table 1");

    // Everything Alice can open, route data included, never carries what Bob did not tick.
    const readable = [await (await page(alice)).text(), await (await page(alice, "/matchmaking.ics")).text()];
    for (const text of readable) for (const secret of [bob.name, bob.email, bob.phone, bob.jobTitle]) expect(text).not.toContain(secret);
    // …and Bob sees Alice's name and organization, never her e-mail, phone or job title.
    const bobReads = await (await page(bob)).text();
    expect(bobReads).toContain(alice.name);
    for (const secret of [alice.email, alice.phone, alice.jobTitle]) expect(bobReads).not.toContain(secret);
    expect(readable[1]).toContain("BEGIN:VEVENT");
  });

  it("says clearly when no slot is common, takes the follow-up after the slot, and lets a participant leave", async () => {
    const { event, slotIds } = await matchmakingEvent({ slots: 2, tables: 1 });
    const [carol, dave, erin] = await Promise.all([3, 4, 5].map((index) => registrant(event.id, index)));
    await saveProfile(carol.token, { side: "both", offers: "", needs: "", tags: [], shared: ["name"], availability: [slotIds[0]] });
    await saveProfile(dave.token, { side: "both", offers: "", needs: "", tags: [], shared: ["name"], availability: [slotIds[1]] });
    await saveProfile(erin.token, { side: "both", offers: "", needs: "", tags: [], shared: ["name"], availability: slotIds });
    const toDave = await sendRequest(carol.token, { to: await profileIdOf(dave), message: "" });
    const refused = await post(dave, [
      ["intent", "accept"],
      ["requestId", toDave.id],
    ]);
    expect(refused.status).toBe(409);
    expect(visibleText(await refused.text())).toContain("There is no slot you both have free with a free table.");
    expect(
      (
        await post(dave, [
          ["intent", "decline"],
          ["requestId", toDave.id],
        ])
      ).status,
    ).toBe(200);

    // Erin and Dave meet in the second slot; Carol's pending request to Erin waits.
    const toErin = await sendRequest(dave.token, { to: await profileIdOf(erin), message: "" });
    expect(
      (
        await post(erin, [
          ["intent", "accept"],
          ["requestId", toErin.id],
        ])
      ).status,
    ).toBe(200);
    const pending = await sendRequest(carol.token, { to: await profileIdOf(erin), message: "" });

    // Erin leaves: the meeting not yet started is released, the pending request withdrawn, Dave told by e-mail.
    const left = await post(erin, [["intent", "optout"]]);
    expect(visibleText(await left.text())).toContain("1 meeting(s) that had not started were cancelled");
    const db = await prisma();
    expect(await db.meeting.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("CANCELLED");
    expect(await db.emailMessage.count({ where: { registrationId: dave.id, kind: "meeting-schedule" } })).toBe(2);
    // The organizers' audit log says who left and how many meetings went with it.
    const leaving = await db.auditLog.findFirstOrThrow({ where: { action: "matchmaking.left", targetId: erin.id } });
    expect([leaving.eventId, JSON.parse(leaving.details)]).toEqual([event.id, { meetingsReleased: 1 }]);
    const suggestions = (await (await page(dave)).text()).split('id="participants-heading"')[1].split('id="profile-heading"')[0];
    expect(suggestions).not.toContain(erin.name);
    expect(visibleText(await (await page(erin)).text())).toContain("Join matchmaking");

    // Carol and Dave cannot meet; Carol and a newcomer can, and after the slot the follow-up opens.
    const frank = await registrant(event.id, 6);
    await saveProfile(frank.token, { side: "both", offers: "", needs: "", tags: [], shared: ["name"], availability: slotIds });
    const toFrank = await sendRequest(carol.token, { to: await profileIdOf(frank), message: "" });
    expect(
      (
        await post(frank, [
          ["intent", "accept"],
          ["requestId", toFrank.id],
        ])
      ).status,
    ).toBe(200);
    const meeting = await db.meeting.findFirstOrThrow({ where: { requestId: toFrank.id } });
    await db.matchmakingSlot.update({ where: { id: meeting.slotId }, data: { startsAt: new Date(Date.now() - 2 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) } });
    const before = visibleText(await (await page(carol)).text());
    expect(before).toContain("Did this meeting lead to a next step?");
    expect(before).toContain("No-show");
    const answered = await post(carol, [
      ["intent", "followup"],
      ["meetingId", meeting.id],
      ["nextStep", "yes"],
      ["usefulness", "4"],
    ]);
    expect(visibleText(await answered.text())).toContain("Thank you for your answer.");
    expect(await db.meetingFollowUp.findFirstOrThrow({ where: { meetingId: meeting.id } })).toMatchObject({ nextStep: true, usefulness: 4 });
    const unanswered = await post(carol, [
      ["intent", "followup"],
      ["meetingId", meeting.id],
      ["usefulness", "4"],
    ]);
    expect(unanswered.status).toBe(422);
  });

  it("is not offered when the event has no matchmaking", async () => {
    const { event } = await matchmakingEvent({ slots: 1, tables: 1 });
    await (await prisma()).matchmakingSetup.update({ where: { eventId: event.id }, data: { enabled: false } });
    const someone = await registrant(event.id, 7);
    expect(await (await page(someone, "")).text()).not.toContain(`/r/${someone.token}/matchmaking`);
    expect((await page(someone)).status).toBe(404);
  });
});
