import { z } from "zod";
import { zOptionalText, zText } from "~/utils/text";

export const eventHostRoles = ["HOST", "ORGANIZER", "SUPPORTER"] as const;
export type EventHostRoleName = (typeof eventHostRoles)[number];

/**
 * The back office's event page form, one per intent: upload or remove the cover, add, move or remove a host
 * (主办 / 承办 / 支持单位). Files are checked by the model, which decodes them.
 */
export const eventPageAdminSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cover"), cover: z.instanceof(File).optional() }),
  z.object({ intent: z.literal("removeCover") }),
  z.object({
    intent: z.literal("addHost"),
    role: z.enum(eventHostRoles, { errorMap: () => ({ message: "validation.required" }) }),
    name: zText(100),
    nameEn: zOptionalText(100),
    firmId: zOptionalText(64),
    logo: z.instanceof(File).optional(),
  }),
  z.object({ intent: z.literal("moveHost"), hostId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("removeHost"), hostId: z.string().min(1) }),
]);

export type EventPageAdminInput = z.output<typeof eventPageAdminSchema>;
