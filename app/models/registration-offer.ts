import type { RegistrationState } from "~/models/event.server";

/**
 * What the public event page and registration form offer, as pure decisions (unit-tested): the register
 * button's words, each category's seats and state, and whether approval applies. A full event never says
 * "register now": it offers the waitlist when there is one and says "sold out" otherwise.
 */
export type RegisterAction = "register" | "waitlist" | "sold_out" | "not_yet_open" | "closed";

type OfferEvent = { capacity: number | null; confirmedCount: number; waitlistEnabled: boolean; requiresApproval: boolean };
type OfferCategory = { capacity: number | null; confirmedCount: number; requiresApproval: boolean };

function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** Seats left in a category: the smaller of its own room and the event's; null when neither is limited. */
export function categorySeatsLeft(event: OfferEvent, category: OfferCategory): number | null {
  const own = seatsLeft(category.capacity, category.confirmedCount);
  const overall = seatsLeft(event.capacity, event.confirmedCount);
  if (own === null) return overall;
  return overall === null ? own : Math.min(own, overall);
}

export type CategoryOffer = "available" | "waitlist" | "sold_out";

export function categoryOffer(event: OfferEvent, category: OfferCategory): CategoryOffer {
  if (categorySeatsLeft(event, category) !== 0) return "available";
  return event.waitlistEnabled ? "waitlist" : "sold_out";
}

/** Whether a registration in this category (or the event without categories) waits for an organizer's decision. */
export function approvalApplies(event: Pick<OfferEvent, "requiresApproval">, category: Pick<OfferCategory, "requiresApproval"> | null, invited = false): boolean {
  return !invited && (event.requiresApproval || Boolean(category?.requiresApproval));
}

/** The register button of an event, given the categories the visitor may choose (invite-only ones only with a code). */
export function registerAction(state: RegistrationState, event: OfferEvent, categories: OfferCategory[]): RegisterAction {
  if (state === "not_yet_open" || state === "closed") return state;
  if (state === "full") return "sold_out";
  const eventFull = seatsLeft(event.capacity, event.confirmedCount) === 0;
  const everyCategoryFull = categories.length > 0 && categories.every((category) => categorySeatsLeft(event, category) === 0);
  if (!eventFull && !everyCategoryFull) return "register";
  return event.waitlistEnabled ? "waitlist" : "sold_out";
}
