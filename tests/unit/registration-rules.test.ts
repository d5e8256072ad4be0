import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  chooseCategory,
  defaultCategory,
  editableFieldsOf,
  holdState,
  holdsSeat,
  isClosed,
  noticeKind,
  ownEdits,
  promotionStep,
  publicStatus,
  questionVisibleFor,
  statusForSeat,
} from "~/models/registration-rules.server";
import type { HttpError } from "~/utils/http.server";

function fieldsOf(work: () => unknown): Record<string, string> | undefined {
  try {
    work();
  } catch (error) {
    expect((error as HttpError).status).toBe(422);
    return (error as HttpError).data.error.fields;
  }
  throw new Error("expected a 422");
}

const question = (key: string, kind: string, extra: { required?: boolean; options?: string[]; categoryIds?: string[] } = {}) => ({
  key,
  kind,
  required: extra.required ?? false,
  options: JSON.stringify((extra.options ?? []).map((value) => ({ value }))),
  categoryIds: JSON.stringify(extra.categoryIds ?? []),
});

describe("answers to registration questions", () => {
  it("shows a question to every category unless it names some", () => {
    expect(questionVisibleFor({ categoryIds: "[]" }, null)).toBe(true);
    expect(questionVisibleFor({ categoryIds: '["vip"]' }, "vip")).toBe(true);
    expect(questionVisibleFor({ categoryIds: '["vip"]' }, "std")).toBe(false);
    expect(questionVisibleFor({ categoryIds: '["vip"]' }, null)).toBe(false);
  });

  it("cleans what it accepts and ignores the questions of other categories", () => {
    const questions = [
      question("diet", "SINGLE_CHOICE", { options: ["veg", "any"] }),
      question("topics", "MULTIPLE_CHOICE", { options: ["ai", "law"] }),
      question("consent", "CHECKBOX", { required: true }),
      question("phone", "PHONE"),
      question("note", "LONG_TEXT"),
      question("vipOnly", "SHORT_TEXT", { required: true, categoryIds: ["vip"] }),
    ];
    expect(checkAnswers(questions, "std", { diet: "veg", topics: "ai", consent: "on", phone: " +86 10 1234 5678 ", note: "  hi  " })).toEqual({
      diet: "veg",
      topics: ["ai"],
      consent: true,
      phone: "+86 10 1234 5678",
      note: "hi",
    });
  });

  it("names every wrong answer at once, with the key that explains it", () => {
    const questions = [
      question("diet", "SINGLE_CHOICE", { options: ["veg"] }),
      question("topics", "MULTIPLE_CHOICE", { options: ["ai"] }),
      question("consent", "CHECKBOX", { required: true }),
      question("name2", "SHORT_TEXT", { required: true }),
      question("phone", "PHONE"),
      question("bio", "SHORT_TEXT"),
      question("essay", "LONG_TEXT"),
    ];
    expect(fieldsOf(() => checkAnswers(questions, null, { diet: "meat", topics: ["ai", "law"], phone: "call me", bio: "x".repeat(201), essay: "x".repeat(2001) }))).toEqual({
      "answers.diet": "registration.validation.choice",
      "answers.topics": "registration.validation.choice",
      "answers.consent": "registration.validation.consent",
      "answers.name2": "validation.required",
      "answers.phone": "registration.validation.phone",
      "answers.bio": "validation.tooLong|200",
      "answers.essay": "validation.tooLong|2000",
    });
  });

  it("refuses a key that is no question of the event, beside the other errors, yet drops another category's answer", () => {
    const questions = [question("outlet", "SHORT_TEXT", { required: true }), question("vipOnly", "SHORT_TEXT", { categoryIds: ["vip"] })];
    expect(fieldsOf(() => checkAnswers(questions, "std", { outlett: "Xinhua", vipOnly: "x" }))).toEqual({
      "answers.outlett": "registration.validation.unknownQuestion",
      "answers.outlet": "validation.required",
    });
    expect(checkAnswers(questions, "std", { outlet: "Xinhua", vipOnly: "x" })).toEqual({ outlet: "Xinhua" });
  });
});

const category = (id: string, extra: { inviteOnly?: boolean; requiresApproval?: boolean; isDefault?: boolean; capacity?: number | null; confirmedCount?: number } = {}) => ({
  id,
  code: id,
  inviteOnly: false,
  requiresApproval: false,
  isDefault: false,
  capacity: null,
  confirmedCount: 0,
  ...extra,
});

describe("the ticket category of a submit", () => {
  const categories = [category("vip", { inviteOnly: true }), category("std")];
  const choose = (options: Partial<Parameters<typeof chooseCategory>[1]>) => chooseCategory(categories, { inviteCategoryId: null, code: null, invited: false, skipApproval: false, ...options });

  it("is the invite code's, else the one asked for, else the first public one", () => {
    expect(choose({ inviteCategoryId: "vip", invited: true, code: "std" })?.id).toBe("vip");
    expect(choose({ code: "std" })?.id).toBe("std");
    expect(choose({})?.id).toBe("std");
    expect(chooseCategory([], { inviteCategoryId: null, code: null, invited: false, skipApproval: false })).toBeNull();
  });

  it("refuses an unknown code, and an invite-only category without an invite or an organizer import", () => {
    expect(fieldsOf(() => choose({ code: "gold" }))).toEqual({ category: "registration.validation.category" });
    expect(fieldsOf(() => choose({ code: "vip" }))).toEqual({ category: "registration.validation.categoryInviteOnly" });
    expect(choose({ code: "vip", skipApproval: true })?.id).toBe("vip");
    expect(fieldsOf(() => chooseCategory([categories[0]], { inviteCategoryId: null, code: null, invited: false, skipApproval: false }))).toEqual({
      category: "registration.validation.category",
    });
  });
});

describe("the default category", () => {
  const id = (categories: ReturnType<typeof category>[]) => defaultCategory(categories)?.id ?? null;

  it("is the organizer's default when it is public, whatever its seats or approval", () => {
    expect(id([category("member"), category("public", { isDefault: true, capacity: 1, confirmedCount: 1 })])).toBe("public");
    expect(id([category("member"), category("media", { isDefault: true, requiresApproval: true })])).toBe("media");
  });

  it("is never an invite-only category, even one marked default", () => {
    expect(id([category("guest", { inviteOnly: true, isDefault: true }), category("member")])).toBe("member");
    expect(id([category("guest", { inviteOnly: true })])).toBeNull();
  });

  it("else is the first public category with room that needs no approval", () => {
    const seeded = [
      category("guest", { inviteOnly: true, capacity: 5 }),
      category("member", { capacity: 2, confirmedCount: 2 }),
      category("media", { requiresApproval: true, capacity: 5 }),
      category("public"),
    ];
    expect(id(seeded)).toBe("public");
    expect(id([category("member", { capacity: 2, confirmedCount: 1 }), category("public")])).toBe("member");
  });

  it("else is the first public one", () => {
    expect(id([category("member", { capacity: 2, confirmedCount: 2 }), category("media", { requiresApproval: true })])).toBe("member");
    expect(id([])).toBeNull();
  });

  it("is what a submit without a category gets", () => {
    const categories = [category("member", { capacity: 1, confirmedCount: 1 }), category("public")];
    expect(chooseCategory(categories, { inviteCategoryId: null, code: null, invited: false, skipApproval: false })?.id).toBe("public");
  });
});

describe("places and the waitlist", () => {
  it("confirms (or holds) with a place, waitlists without one when there is a waitlist, else refuses", () => {
    expect(statusForSeat(true, { holdForConfirmation: false, waitlistEnabled: false })).toBe("CONFIRMED");
    expect(statusForSeat(true, { holdForConfirmation: true, waitlistEnabled: false })).toBe("HELD");
    for (const refusal of ["event", "category", "firm"] as const) {
      expect(statusForSeat(refusal, { holdForConfirmation: true, waitlistEnabled: true })).toBe("WAITLISTED");
      expect(statusForSeat(refusal, { holdForConfirmation: false, waitlistEnabled: false })).toBeNull();
    }
  });

  it("moves the waitlist up in order, stopping when the event is full and skipping a full category or firm quota", () => {
    expect(promotionStep(true)).toBe("promote");
    expect(promotionStep("event")).toBe("stop");
    expect(promotionStep("category")).toBe("keep_in_line");
    expect(promotionStep("firm")).toBe("keep_in_line");
  });

  it("counts confirmed and held registrations against capacity, and treats cancelled and rejected ones as closed", () => {
    expect(["CONFIRMED", "HELD", "WAITLISTED", "PENDING_APPROVAL", "CANCELLED", "REJECTED"].filter((status) => holdsSeat(status as never))).toEqual(["CONFIRMED", "HELD"]);
    expect(["CONFIRMED", "HELD", "WAITLISTED", "PENDING_APPROVAL", "CANCELLED", "REJECTED"].filter((status) => isClosed(status as never))).toEqual(["CANCELLED", "REJECTED"]);
  });

  it("tells each open state by its own e-mail, and the public its status in lower case", () => {
    expect(noticeKind("CONFIRMED")).toBe("ticket");
    expect(noticeKind("WAITLISTED")).toBe("registration-waitlisted");
    expect(noticeKind("PENDING_APPROVAL")).toBe("registration-pending");
    expect(noticeKind("HELD")).toBe("email-confirmation");
    expect(noticeKind("CANCELLED")).toBeNull();
    expect(publicStatus("PENDING_APPROVAL")).toBe("pending_approval");
  });
});

describe("the e-mail confirmation link", () => {
  const now = new Date("2026-12-01T08:00:00Z");
  it("is open until the hold expires, expired after or once released, used once confirmed", () => {
    expect(holdState({ status: "HELD", holdExpiresAt: "2026-12-01T08:30:00.000+00:00" }, now)).toBe("open");
    expect(holdState({ status: "HELD", holdExpiresAt: "2026-12-01T08:00:00.000+00:00" }, now)).toBe("expired");
    expect(holdState({ status: "CANCELLED", holdExpiresAt: "2026-12-01T07:30:00.000+00:00" }, now)).toBe("expired");
    expect(holdState({ status: "CONFIRMED", holdExpiresAt: null }, now)).toBe("used");
  });
});

describe("the attendee's own edits", () => {
  const allowed = editableFieldsOf({ editableFields: '["name","phone","unknown"]' });

  it("allows only the fields the organizers listed", () => {
    expect(allowed).toEqual(["name", "phone"]);
    expect(fieldsOf(() => ownEdits(allowed, { name: "Li", organization: "ACME" }))).toEqual({ organization: "registration.error.notEditable" });
  });

  it("clears an emptied phone but keeps a name that was emptied", () => {
    expect(ownEdits(allowed, { name: "", phone: "" })).toEqual({ phone: null });
    expect(ownEdits(allowed, { name: "Li", phone: "+86 10 1234", organization: undefined })).toEqual({ name: "Li", phone: "+86 10 1234" });
  });
});
