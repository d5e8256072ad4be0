import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { useLocalized, useT } from "~/i18n/react";
import { coverSources, eventCover, maxCoverBytes, removeEventCover, saveEventCover } from "~/models/event-cover.server";
import { addEventHost, listEventHosts, moveEventHost, removeEventHost } from "~/models/event-host.server";
import { getEventById } from "~/models/event.server";
import { listFirmsForAdmin } from "~/models/firm.server";
import { eventHostRoles, eventPageAdminSchema } from "~/schemas/event-page";
import { DomainError } from "~/utils/domain-error";
import { notFound } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

/** /admin/events/:eventId/page: what the public event page shows besides the facts: its cover and its hosts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    const event = await getEventById(params.eventId ?? "");
    if (!event) notFound();
    const [cover, hosts, firms] = await Promise.all([eventCover(event.id), listEventHosts(event.id), listFirmsForAdmin({ status: "ACTIVE" })]);
    return {
      event: { id: event.id, slug: event.slug, status: event.status },
      cover: cover ? coverSources(cover) : null,
      hosts,
      firms: firms.map((firm) => ({ id: firm.id, name: firm.name })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = params.eventId ?? "";
  return page(request, async () => {
    await requireEventManager(request, eventId);
    const { t } = requestTranslator(request);
    // Refuse an oversized upload before reading it.
    if (Number(request.headers.get("Content-Length") ?? "0") > maxCoverBytes + 64 * 1024) {
      throw new DomainError("too_large", "cover_too_large", "event.cover.tooLarge", { max: maxCoverBytes / 1024 / 1024 });
    }
    return handleSubmission(request, eventPageAdminSchema, async (submitted, reply) => {
      let notice = t("eventPage.admin.saved");
      switch (submitted.intent) {
        case "cover":
          await saveEventCover(eventId, submitted.cover ? new Uint8Array(await submitted.cover.arrayBuffer()) : new Uint8Array());
          notice = t("eventPage.admin.coverSaved");
          break;
        case "removeCover":
          await removeEventCover(eventId);
          notice = t("eventPage.admin.coverRemoved");
          break;
        case "addHost": {
          const logo = submitted.logo && submitted.logo.size > 0 ? new Uint8Array(await submitted.logo.arrayBuffer()) : null;
          await addEventHost(eventId, { role: submitted.role, name: submitted.name, nameEn: submitted.nameEn, firmId: submitted.firmId || null, logo });
          break;
        }
        case "moveHost":
          await moveEventHost(eventId, submitted.hostId, submitted.direction);
          break;
        case "removeHost":
          await removeEventHost(eventId, submitted.hostId);
          break;
      }
      return { result: reply({ resetForm: true }), intent: submitted.intent, notice };
    });
  });
}

export default function EventPageSettings() {
  const { event, cover, hosts, firms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  // Each form shows only its own answer; a refused submit names its intent in the fields it failed on.
  const failedOn = result && !("intent" in result) ? result.result.error && ("cover" in result.result.error ? "cover" : "addHost") : null;
  const coverForm = useSubmissionForm(eventPageAdminSchema, { lastResult: failedOn === "cover" ? result?.result : null, id: "cover" });
  const hostForm = useSubmissionForm(eventPageAdminSchema, { lastResult: failedOn === "addHost" ? result?.result : null, id: "host" });
  return (
    <div className="space-y-6">
      <Flash message={result && "notice" in result ? result.notice : null} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("eventPage.admin.heading")}</h2>
        {event.status === "PUBLISHED" ? (
          <Link to={`/events/${event.slug}`} className="text-brand-700 underline">
            {t("eventPage.admin.viewPage")}
          </Link>
        ) : null}
      </div>

      <Card as="section" aria-labelledby="cover-heading">
        <h3 id="cover-heading" className="mb-2 font-semibold">
          {t("eventPage.admin.cover")}
        </h3>
        {cover ? (
          <img src={cover.fallback} alt="" width={cover.width} height={cover.height} className="mb-3 h-auto w-full max-w-md rounded border border-line" data-testid="admin-cover" />
        ) : (
          <p className="mb-3 text-sm text-muted">{t("eventPage.admin.coverNone")}</p>
        )}
        <Form method="post" encType="multipart/form-data" id={coverForm.form.id} onSubmit={coverForm.form.onSubmit} noValidate>
          <FormErrors messages={coverForm.formErrors} />
          <input type="hidden" name="intent" value="cover" />
          <Field label={t("eventPage.admin.cover")} name="cover" type="file" accept="image/jpeg,image/png,image/webp" hint={t("eventPage.admin.coverHint")} error={coverForm.errorOf("cover")} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit">{t("eventPage.admin.uploadCover")}</Button>
          </div>
        </Form>
        {cover ? (
          <Form method="post" className="mt-2">
            <Button type="submit" name="intent" value="removeCover" variant="danger">
              {t("eventPage.admin.removeCover")}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card as="section" aria-labelledby="hosts-heading">
        <h3 id="hosts-heading" className="mb-2 font-semibold">
          {t("eventPage.admin.hosts")}
        </h3>
        {hosts.length ? (
          <ul className="mb-4 divide-y divide-line" data-testid="admin-hosts">
            {hosts.map((host) => {
              const name = localized(host.name, host.nameEn);
              return (
                <li key={host.id} className="flex flex-wrap items-center gap-2 py-2">
                  <span className="w-20 shrink-0 text-sm text-muted">{t(`eventPage.hostRole.${host.role}`)}</span>
                  {host.logo ? <img src={host.logo} alt="" width={28} height={28} className="h-7 w-7 object-contain" /> : null}
                  <span className="min-w-0 flex-1 font-medium">{name}</span>
                  {(["up", "down"] as const).map((direction) => (
                    <Form key={direction} method="post">
                      <input type="hidden" name="intent" value="moveHost" />
                      <input type="hidden" name="hostId" value={host.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <Button
                        type="submit"
                        variant="secondary"
                        className="min-h-9 px-2 py-1 text-sm"
                        aria-label={t(direction === "up" ? "eventPage.admin.moveUp" : "eventPage.admin.moveDown", { name })}
                      >
                        {direction === "up" ? "↑" : "↓"}
                      </Button>
                    </Form>
                  ))}
                  <Form method="post">
                    <input type="hidden" name="hostId" value={host.id} />
                    <Button type="submit" name="intent" value="removeHost" variant="danger" className="min-h-9 px-2 py-1 text-sm" aria-label={t("eventPage.admin.removeHost", { name })}>
                      ×
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-muted">{t("eventPage.admin.hostsNone")}</p>
        )}
        <Form method="post" encType="multipart/form-data" id={hostForm.form.id} onSubmit={hostForm.form.onSubmit} noValidate className="grid gap-x-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <FormErrors messages={hostForm.formErrors} />
          </div>
          <input type="hidden" name="intent" value="addHost" />
          <div className="mb-4">
            <label htmlFor="host-role" className="field-label">
              {t("eventPage.admin.hostRole")}
            </label>
            <select id="host-role" name="role" className="field-input" defaultValue="HOST">
              {eventHostRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`eventPage.hostRole.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <Field label={t("eventPage.admin.hostName")} name="name" id="host-name" required error={hostForm.errorOf("name")} />
          <Field label={t("eventPage.admin.hostNameEn")} name="nameEn" id="host-name-en" error={hostForm.errorOf("nameEn")} />
          <div className="mb-4">
            <label htmlFor="host-firm" className="field-label">
              {t("eventPage.admin.hostFirm")}
            </label>
            <select id="host-firm" name="firmId" className="field-input" defaultValue="">
              <option value="">{t("eventPage.admin.hostFirmNone")}</option>
              {firms.map((firm) => (
                <option key={firm.id} value={firm.id}>
                  {firm.name}
                </option>
              ))}
            </select>
            {hostForm.errorOf("firmId") ? <p className="field-error">{hostForm.errorOf("firmId")}</p> : null}
          </div>
          <Field label={t("eventPage.admin.hostLogo")} name="logo" id="host-logo" type="file" accept="image/jpeg,image/png,image/webp" error={hostForm.errorOf("logo")} />
          <div className="sm:col-span-2">
            <Button type="submit">{t("eventPage.admin.addHost")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
