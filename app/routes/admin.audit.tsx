import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SheetDownloads } from "~/components/SheetDownloads";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { auditActors, listAudit } from "~/models/audit.server";
import { auditActionNames, describeAudit } from "~/models/audit-view.server";
import { requireAdmin } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { page } from "~/utils/route.server";
import { programmeZone, zonedToUtc } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.admin-audit");

const pageSize = 200;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(64).optional().catch(undefined),
  from: day,
  to: day,
});

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireAdmin(request);
    const { t, locale } = requestTranslator(request);
    const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    // Days are the programme's days: "from" its midnight, "to" through the end of that day.
    const from = filter.from ? zonedToUtc(filter.from, "00:00", programmeZone) : null;
    const to = filter.to ? zonedToUtc(filter.to, "00:00", programmeZone) : null;
    const entries = await listAudit({
      action: filter.action || undefined,
      actorUserId: filter.actor || undefined,
      from: from ?? undefined,
      to: to ? new Date(to.getTime() + 86_400_000) : undefined,
      take: pageSize,
    });
    return {
      filter: { action: filter.action ?? "", actor: filter.actor ?? "", from: filter.from ?? "", to: filter.to ?? "" },
      actions: auditActionNames.map((name) => ({ name, label: t(`audit.action.${name}` as MessageKey) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
      actors: await auditActors(),
      zone: programmeZone,
      entries: await describeAudit(entries, t, locale),
    };
  });
}

export default function AuditLog() {
  const { filter, actions, actors, zone, entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("admin.audit.heading")}</h1>
        <SheetDownloads href="/admin/audit/export" query={{ action: filter.action }} />
      </div>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="audit-action" className="field-label">
            {t("admin.audit.filterLabel")}
          </label>
          <select id="audit-action" name="action" defaultValue={filter.action} className="field-input">
            <option value="">{t("admin.audit.allActions")}</option>
            {actions.map((action) => (
              <option key={action.name} value={action.name}>
                {action.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="field-label">
            {t("audit.filter.actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor} className="field-input">
            <option value="">{t("audit.filter.anyActor")}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="field-label">
            {t("audit.filter.from")}
          </label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from} className="field-input" />
        </div>
        <div>
          <label htmlFor="audit-to" className="field-label">
            {t("audit.filter.to")}
          </label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to} className="field-input" />
        </div>
        <Button type="submit" variant="secondary">
          {t("admin.audit.filter")}
        </Button>
      </Form>
      <p className="mt-3 text-sm text-muted">
        {t("admin.audit.showing", { count: entries.length })} {t("audit.filter.zone", { zone })}
      </p>
      {entries.length === 0 ? (
        <p className="mt-4 text-muted">{t("admin.audit.empty")}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-2" data-testid="audit-entries">
          {entries.map((entry) => (
            <Card key={entry.id} as="li" className="flex flex-col gap-1 p-3">
              <p className="break-words">
                {entry.link ? (
                  <Link to={entry.link} className="text-brand-700 underline">
                    {entry.sentence}
                  </Link>
                ) : (
                  entry.sentence
                )}
                {entry.event ? (
                  <>
                    {" · "}
                    <Link to={entry.event.link ?? "#"} className="text-muted underline">
                      {entry.event.name}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="text-xs text-muted">
                <time>{entry.at}</time> · {entry.action}
                {entry.ip ? ` · IP ${entry.ip}` : ""}
              </p>
            </Card>
          ))}
        </ol>
      )}
    </div>
  );
}
