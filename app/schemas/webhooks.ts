import { z } from "zod";
import { zOptionalText } from "~/utils/text";

/**
 * The event types of signed webhooks (README "Webhooks") and the forms of the back office's webhook pages,
 * told apart by `intent`. Whether the user may use the scope and whether the URL is one an endpoint may
 * have are the webhook model's rules (webhook.server.ts). Messages are i18n keys.
 */
export const webhookEventTypes = ["registration.created", "registration.updated", "registration.cancelled", "checkin.created", "application.submitted", "application.decided"] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

const id = z.string({ required_error: "validation.required" }).max(64, "validation.invalid");

export const createWebhookSchema = z.object({
  intent: z.literal("create"),
  url: z.string({ required_error: "validation.required" }).trim().max(2000, "validation.tooLong|2000").url("webhooks.error.url"),
  description: zOptionalText(200),
  // "all", or the id of the one event the endpoint is for.
  scope: id,
  eventTypes: z.array(z.enum(webhookEventTypes, { message: "validation.invalid" }), { required_error: "webhooks.error.noTypes" }).min(1, "webhooks.error.noTypes"),
});
export const endpointActionSchema = z.object({ intent: z.enum(["disable", "enable", "delete"]), endpointId: id });
export const webhookForms = z.union([createWebhookSchema, endpointActionSchema]);

export const resendDeliverySchema = z.object({ intent: z.literal("resend"), seq: z.coerce.number({ message: "validation.invalid" }).int().positive() });
