import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import type { Translate } from "~/i18n";
import { firmProfileSchema, issueText } from "~/schemas/application";
import { getFirm, inviteFirmContact, listFirmContacts, maxLogoBytes, removeFirmContact, saveFirmLogo, updateFirmProfile } from "~/models/firm.server";
import { addFirmEmailDomain, listFirmEmailDomains, removeFirmEmailDomain } from "~/models/firm-seats.server";
import { completeStepByKey, firmProgress, setStepCompletion } from "~/models/onboarding.server";
import { HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { canManageProgramme } from "~/auth/permissions.server";
import { guardedAction } from "./programme-route.server";
import type { SessionUser } from "~/auth/session.server";
import { zText } from "~/utils/text";

/**
 * The firm-scoped form actions shared by the firm portal (/firm) and the back office's firm page. The caller
 * has already checked `requireFirmManager(request, firmId)`; the firm id never comes from the form body.
 */
const inviteSchema = z.object({
  name: zText(100),
  email: z.string().trim().min(1, "validation.required").max(254, "validation.tooLong|254").email("validation.email"),
});

function invalid(error: z.ZodError, t: Translate): never {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
  throw new HttpError(422, "invalid_input", "form.fixErrors", undefined, Object.fromEntries(Object.entries(fields).map(([name, message]) => [name, issueText(message, t as never)])));
}

async function completeProfileStepIfReady(firmId: string, actorUserId: string) {
  const firm = await getFirm(firmId);
  if (firm.logoPath && firm.description.trim()) await completeStepByKey({ firmId, key: "profile", actorUserId });
}

export async function handleFirmAction(request: Request, firmId: string, user: SessionUser) {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    return guardedAction(request, "logo", async (t) => {
      if (Number(request.headers.get("Content-Length") ?? "0") > maxLogoBytes + 64 * 1024) {
        throw new HttpError(413, "logo_too_large", "programme.logo.tooLarge", { max: maxLogoBytes / 1024 });
      }
      let form: FormData;
      try {
        form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxLogoBytes }));
      } catch (error) {
        if (error instanceof MaxPartSizeExceededError) throw new HttpError(413, "logo_too_large", "programme.logo.tooLarge", { max: maxLogoBytes / 1024 });
        throw error;
      }
      const file = form.get("logo");
      if (!file || typeof file === "string") throw new HttpError(422, "logo_missing", "programme.logo.missing");
      await saveFirmLogo({ firmId, bytes: new Uint8Array(await file.arrayBuffer()), actorUserId: user.id });
      await completeProfileStepIfReady(firmId, user.id);
      return t("programme.logo.saved");
    });
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  return guardedAction(request, intent, async (t) => {
    switch (intent) {
      case "profile": {
        const parsed = firmProfileSchema.safeParse(Object.fromEntries(form));
        if (!parsed.success) invalid(parsed.error, t);
        await updateFirmProfile({ firmId, input: parsed.data, actorUserId: user.id });
        await completeProfileStepIfReady(firmId, user.id);
        return t("programme.portal.profileSaved");
      }
      case "invite": {
        const parsed = inviteSchema.safeParse(Object.fromEntries(form));
        if (!parsed.success) invalid(parsed.error, t);
        const { locale } = requestTranslator(request);
        await inviteFirmContact({ firmId, email: parsed.data.email, name: parsed.data.name, locale, actorUserId: user.id });
        if ((await listFirmContacts(firmId)).length >= 2) await completeStepByKey({ firmId, key: "contacts", actorUserId: user.id });
        return t("programme.contacts.inviteSent", { email: parsed.data.email.toLowerCase() });
      }
      case "remove": {
        await removeFirmContact({ firmId, userId: String(form.get("userId") ?? ""), actorUserId: user.id });
        return t("programme.contacts.removed");
      }
      case "addDomain":
      case "removeDomain": {
        // Which addresses speak for the firm is the organizers' call, never the firm's own.
        if (!canManageProgramme(user)) throw new HttpError(403, "forbidden", "error.forbidden.body");
        if (intent === "removeDomain") {
          await removeFirmEmailDomain({ firmId, domainId: String(form.get("domainId") ?? ""), actorUserId: user.id });
          return t("programme.domains.removed");
        }
        const domain = await addFirmEmailDomain({ firmId, domain: String(form.get("domain") ?? ""), actorUserId: user.id });
        return t("programme.domains.added", { domain });
      }
      case "step": {
        await setStepCompletion({ firmId, stepId: String(form.get("stepId") ?? ""), done: form.get("done") === "1", actorUserId: user.id });
        return t("programme.onboarding.saved");
      }
      default:
        throw new HttpError(400, "unknown_intent", "validation.invalid");
    }
  });
}

/** Everything a firm page shows about one firm, serialised for the loader. */
export async function firmPageData(firmId: string) {
  const [firm, contacts, progress, emailDomains] = await Promise.all([getFirm(firmId), listFirmContacts(firmId), firmProgress(firmId), listFirmEmailDomains(firmId)]);
  return {
    firm: {
      id: firm.id,
      name: firm.name,
      nameEn: firm.nameEn,
      industry: firm.industry,
      city: firm.city,
      website: firm.website ?? "",
      size: firm.size,
      description: firm.description,
      offers: firm.offers,
      needs: firm.needs,
      logo: firm.logoPath ? `/uploads/${firm.logoPath}` : null,
      status: firm.status,
      founding: firm.founding,
      creditCode: firm.creditCode,
      memberSince: firm.memberSince?.toISOString() ?? null,
    },
    contacts: contacts.map((contact) => ({ ...contact, invitedSince: contact.invitedSince.toISOString() })),
    emailDomains: emailDomains.map((row) => ({ id: row.id, domain: row.domain })),
    progress: {
      done: progress.done,
      total: progress.total,
      overdue: progress.overdue,
      steps: progress.steps.map((step) => ({
        stepId: step.stepId,
        key: step.key,
        title: step.title,
        titleEn: step.titleEn,
        dueAt: step.dueAt?.toISOString() ?? null,
        completedAt: step.completedAt?.toISOString() ?? null,
        overdue: step.overdue,
      })),
    },
  };
}
