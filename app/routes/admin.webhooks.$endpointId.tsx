import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { LocalTime } from "~/components/LocalTime";
import { useLocalized, useT } from "~/i18n/react";
import { resendWebhookDelivery, webhookEndpointWithDeliveries, type MayManage } from "~/models/webhook.server";
import { canManageWebhooks, requireWebhookManager } from "~/auth/permissions.server";
import { resendDeliverySchema, type WebhookEventType } from "~/schemas/webhooks";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { Table, Td, Th, Tr } from "~/components/ui/Table";

export const meta = titled("title.admin-webhooks-endpointId");

async function manager(request: Request) {
  const user = await requireWebhookManager(request);
  const mayManage: MayManage = (scope) => canManageWebhooks(user, scope);
  return mayManage;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { endpoint, deliveries } = await webhookEndpointWithDeliveries(params.endpointId ?? "", await manager(request));
    return {
      endpoint: {
        url: endpoint.url,
        description: endpoint.description,
        disabled: Boolean(endpoint.disabledAt),
        event: endpoint.event ? { title: endpoint.event.title, titleEn: endpoint.event.titleEn } : null,
      },
      deliveries: deliveries.map((delivery) => ({
        ...delivery,
        nextAttemptAt: delivery.nextAttemptAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        createdAt: delivery.createdAt.toISOString(),
      })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const mayManage = await manager(request);
  const { t } = requestTranslator(request);
  return handleSubmission(request, resendDeliverySchema, async (input) => {
    await resendWebhookDelivery(params.endpointId ?? "", input.seq, mayManage);
    return { intent: input.intent, notice: t("webhooks.delivery.resent") };
  });
}

/** A delivery's state on its colour: waiting amber, under way blue, delivered green, given up red. */
const deliveryTone: Record<string, BadgeTone> = { PENDING: "warning", SENDING: "info", DELIVERED: "success", FAILED: "danger" };

export default function WebhookDeliveries() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>();
  const t = useT();
  const localized = useLocalized();
  return (
    <div className="max-w-5xl">
      <p className="text-sm">
        <Link to="/admin/webhooks" className="underline">
          {t("webhooks.heading")}
        </Link>
      </p>
      <h1 className="break-all text-2xl font-bold">{endpoint.url}</h1>
      <p className="text-muted">
        {endpoint.event ? localized(endpoint.event.title, endpoint.event.titleEn) : t("webhooks.scope.all")} · {endpoint.disabled ? t("webhooks.state.disabled") : t("webhooks.state.enabled")}
        {endpoint.description ? ` · ${endpoint.description}` : ""}
      </p>

      <h2 className="mt-6 text-lg font-semibold">{t("webhooks.deliveries")}</h2>
      <ActionNotice intent="resend" />
      {deliveries.length === 0 ? (
        <p className="mt-2 text-muted">{t("webhooks.deliveries.none")}</p>
      ) : (
        <div className="mt-2">
          <Table caption={t("webhooks.deliveries.caption", { url: endpoint.url })}>
            <thead>
              <Tr>
                <Th>{t("webhooks.delivery.createdAt")}</Th>
                <Th>{t("webhooks.delivery.type")}</Th>
                <Th>{t("webhooks.delivery.status")}</Th>
                <Th>{t("webhooks.delivery.attempts")}</Th>
                <Th>{t("webhooks.delivery.lastResult")}</Th>
                <Th>
                  <span className="sr-only">{t("webhooks.delivery.resend")}</span>
                </Th>
              </Tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <Tr key={delivery.seq} data-testid="webhook-delivery">
                  <Td className="whitespace-nowrap">
                    <LocalTime iso={delivery.createdAt} />
                  </Td>
                  <Td>
                    {t(`webhooks.type.${delivery.type as WebhookEventType}`)} <span className="font-mono text-xs break-all text-muted">{delivery.messageId}</span>
                  </Td>
                  <Td>
                    <Badge tone={deliveryTone[delivery.status]}>{t(`webhooks.status.${delivery.status}`)}</Badge>
                    {delivery.status === "PENDING" && delivery.attempts > 0 ? (
                      <span className="block text-xs text-muted">
                        {t("webhooks.delivery.nextAttempt")}
                        <LocalTime iso={delivery.nextAttemptAt} />
                      </span>
                    ) : null}
                  </Td>
                  <Td>{delivery.attempts}</Td>
                  <Td>{delivery.attempts === 0 ? "" : delivery.lastStatusCode !== null ? t("webhooks.delivery.httpStatus", { code: delivery.lastStatusCode }) : t("webhooks.delivery.noAnswer")}</Td>
                  <Td>
                    {delivery.status === "DELIVERED" || delivery.status === "FAILED" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="resend" />
                        <input type="hidden" name="seq" value={delivery.seq} />
                        <Button type="submit" variant="secondary" size="sm">
                          {t("webhooks.delivery.resend")}
                        </Button>
                      </Form>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}
