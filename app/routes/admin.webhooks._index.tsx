import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useAccessForm } from "~/components/access/AccessForms";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { Field, SelectField } from "~/components/ui/FormField";
import { answerFor } from "~/components/forms/answerFor";
import { useLocalized, useT } from "~/i18n/react";
import { listManageableEvents } from "~/models/event.server";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, setWebhookEndpointEnabled, type MayManage } from "~/models/webhook.server";
import { canManageWebhooks, isAdmin, requireWebhookManager } from "~/auth/permissions.server";
import { createWebhookSchema, webhookEventTypes, webhookForms } from "~/schemas/webhooks";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-webhooks-index");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireWebhookManager(request);
    const mayManage: MayManage = (scope) => canManageWebhooks(user, scope);
    const [endpoints, events] = await Promise.all([listWebhookEndpoints(mayManage), listManageableEvents(user)]);
    return {
      isAdmin: isAdmin(user),
      events: events.map((event) => ({ id: event.id, title: event.title, titleEn: event.titleEn })),
      endpoints: endpoints.map((endpoint) => ({
        id: endpoint.id,
        url: endpoint.url,
        description: endpoint.description,
        eventTypes: endpoint.eventTypes,
        disabled: Boolean(endpoint.disabledAt),
        event: endpoint.event ? { title: endpoint.event.title, titleEn: endpoint.event.titleEn } : null,
      })),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireWebhookManager(request);
  const mayManage: MayManage = (scope) => canManageWebhooks(user, scope);
  const { t } = requestTranslator(request);
  return handleSubmission(request, webhookForms, async (input) => {
    if (input.intent === "create") {
      const { secret } = await createWebhookEndpoint(
        { url: input.url, description: input.description, eventTypes: input.eventTypes, eventId: input.scope === "all" ? null : input.scope, createdById: user.id },
        mayManage,
      );
      return { intent: input.intent, notice: t("webhooks.created"), secret };
    }
    if (input.intent === "delete") {
      await deleteWebhookEndpoint(input.endpointId, mayManage, user.id);
      return { intent: input.intent, notice: t("webhooks.deleted") };
    }
    await setWebhookEndpointEnabled(input.endpointId, input.intent === "enable", mayManage, user.id);
    return { intent: "endpoint", notice: t("webhooks.changed") };
  });
}

export default function Webhooks() {
  const { endpoints, events, isAdmin } = useLoaderData<typeof loader>();
  const created = answerFor(useActionData<typeof action>(), "create") as { secret?: string } | undefined;
  const { form, errorOf } = useAccessForm(createWebhookSchema, "create");
  const t = useT();
  const localized = useLocalized();
  return (
    <div className="max-w-4xl">
      <h1 className="text-2xl font-bold">{t("webhooks.heading")}</h1>
      <p className="mt-1 text-muted">{t("webhooks.intro")}</p>

      <ActionNotice intent="endpoint" />
      <ActionNotice intent="delete" />
      {endpoints.length === 0 ? (
        <p className="mt-4 text-muted">{t("webhooks.none")}</p>
      ) : (
        <ul className="mt-4 grid gap-2">
          {endpoints.map((endpoint) => (
            <Card key={endpoint.id} as="li" className="flex flex-wrap items-center justify-between gap-2" data-testid="webhook-endpoint">
              <div className="min-w-0">
                <Link to={endpoint.id} className="break-all font-semibold underline">
                  {endpoint.url}
                </Link>
                {endpoint.description ? <p className="text-sm text-muted">{endpoint.description}</p> : null}
                <p className="text-sm text-muted">
                  {endpoint.event ? localized(endpoint.event.title, endpoint.event.titleEn) : t("webhooks.scope.all")} ·{" "}
                  {endpoint.disabled ? t("webhooks.state.disabled") : t("webhooks.state.enabled")}
                </p>
                <p className="text-sm text-muted">{endpoint.eventTypes.map((type) => t(`webhooks.type.${type}`)).join("、")}</p>
              </div>
              <div className="flex gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value={endpoint.disabled ? "enable" : "disable"} />
                  <input type="hidden" name="endpointId" value={endpoint.id} />
                  <Button type="submit" variant="secondary">
                    {endpoint.disabled ? t("webhooks.enable") : t("webhooks.disable")}
                  </Button>
                </Form>
                <Form method="post" onSubmit={(submit) => (confirm(t("webhooks.deleteConfirm", { url: endpoint.url })) ? undefined : submit.preventDefault())}>
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="endpointId" value={endpoint.id} />
                  <Button type="submit" variant="danger">
                    {t("webhooks.delete")}
                  </Button>
                </Form>
              </div>
            </Card>
          ))}
        </ul>
      )}

      <section aria-labelledby="create-heading" className="mt-8">
        <h2 id="create-heading" className="text-lg font-semibold">
          {t("webhooks.create")}
        </h2>
        <Form method="post" className="card mt-2" id={form.id} onSubmit={form.onSubmit} noValidate>
          <ActionNotice intent="create" />
          {created?.secret ? (
            <p className="mb-3 break-all rounded border border-warning/40 bg-warning-soft p-3 font-mono" data-testid="webhook-secret">
              {created.secret}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="create" />
          <Field label={t("webhooks.url")} name="url" id="webhook-url" type="url" autoComplete="off" required maxLength={2000} error={errorOf("url")} />
          <Field label={t("webhooks.description")} name="description" id="webhook-description" maxLength={200} error={errorOf("description")} />
          <SelectField label={t("webhooks.scope")} name="scope" id="webhook-scope" error={errorOf("scope")}>
            {isAdmin ? <option value="all">{t("webhooks.scope.all")}</option> : null}
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {localized(event.title, event.titleEn)}
              </option>
            ))}
          </SelectField>
          <fieldset className="mb-4" aria-describedby={errorOf("eventTypes") ? "webhook-types-error" : undefined}>
            <legend className="field-label">{t("webhooks.eventTypes")}</legend>
            {webhookEventTypes.map((type) => (
              <label key={type} className="mr-4 inline-flex items-center gap-1">
                <input type="checkbox" name="eventTypes" value={type} /> {t(`webhooks.type.${type}`)}
              </label>
            ))}
            {errorOf("eventTypes") ? (
              <p id="webhook-types-error" className="mt-1 text-sm text-danger">
                {errorOf("eventTypes")}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit">{t("webhooks.create")}</Button>
        </Form>
      </section>
    </div>
  );
}
