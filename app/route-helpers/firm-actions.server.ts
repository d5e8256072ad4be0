import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { logoForm, type FirmForm } from "~/schemas/firm";
import { getFirm, inviteFirmContact, listFirmContacts, maxLogoBytes, removeFirmContact, saveFirmLogo, updateFirmProfile } from "~/models/firm.server";
import { addFirmEmailDomain, listFirmEmailDomains, removeFirmEmailDomain } from "~/models/firm-seats.server";
import { completeStepByKey, firmProgress, setStepCompletion } from "~/models/onboarding.server";
import { HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission } from "~/utils/route.server";
import { canManageProgramme } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";

/**
 * The firm-scoped form actions shared by the firm portal (/firm) and the back office's firm page. The caller
 * has already checked `requireFirmManager(request, firmId)`; the firm id never comes from the form body.
 * Each answers `{ intent, notice }` on success; refusals are the form's errors (`handleSubmission`).
 */
async function completeProfileStepIfReady(firmId: string, actorUserId: string) {
  const firm = await getFirm(firmId);
  if (firm.logoPath && firm.description.trim()) await completeStepByKey({ firmId, key: "profile", actorUserId });
}

/** True when the request is the logo upload, the one firm form sent as multipart. */
export function isLogoUpload(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

/** The logo upload. The file is read inside the submission so that a refused size is the form's error too. */
export function uploadFirmLogo(request: Request, firmId: string, user: SessionUser) {
  const { t } = requestTranslator(request);
  const intent = new FormData();
  intent.set("intent", "logo");
  return handleSubmission(
    request,
    logoForm,
    async () => {
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
      return { intent: "logo", notice: t("programme.logo.saved") };
    },
    intent,
  );
}

/** One of the firm forms, already valid: the notice to show. */
export async function runFirmForm(request: Request, firmId: string, user: SessionUser, form: FirmForm): Promise<{ intent: string; notice: string }> {
  const { t, locale } = requestTranslator(request);
  const done = (notice: string) => ({ intent: form.intent, notice });
  switch (form.intent) {
    case "profile": {
      const { intent: _intent, ...input } = form;
      await updateFirmProfile({ firmId, input, actorUserId: user.id });
      await completeProfileStepIfReady(firmId, user.id);
      return done(t("programme.portal.profileSaved"));
    }
    case "invite": {
      await inviteFirmContact({ firmId, email: form.email, name: form.name, locale, actorUserId: user.id });
      if ((await listFirmContacts(firmId)).length >= 2) await completeStepByKey({ firmId, key: "contacts", actorUserId: user.id });
      return done(t("programme.contacts.inviteSent", { email: form.email.toLowerCase() }));
    }
    case "remove":
      await removeFirmContact({ firmId, userId: form.userId, actorUserId: user.id });
      return done(t("programme.contacts.removed"));
    case "addDomain":
    case "removeDomain": {
      // Which addresses speak for the firm is the organizers' call, never the firm's own.
      if (!canManageProgramme(user)) throw new HttpError(403, "forbidden", "error.forbidden.body");
      if (form.intent === "removeDomain") {
        await removeFirmEmailDomain({ firmId, domainId: form.domainId, actorUserId: user.id });
        return done(t("programme.domains.removed"));
      }
      const domain = await addFirmEmailDomain({ firmId, domain: form.domain, actorUserId: user.id });
      return done(t("programme.domains.added", { domain }));
    }
    case "step":
      await setStepCompletion({ firmId, stepId: form.stepId, done: form.done, actorUserId: user.id });
      return done(t("programme.onboarding.saved"));
  }
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
      industryEn: firm.industryEn,
      cityEn: firm.cityEn,
      descriptionEn: firm.descriptionEn,
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
