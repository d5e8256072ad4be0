import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { checkInDashboard } from "~/models/checkin-dashboard.server";
import { resolveConflict, undoCheckIn } from "~/models/checkin-undo.server";
import { scanDecisionSchema } from "~/schemas/checkin-admin";
import { clientAddress } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";
import { SheetDownloads } from "~/components/SheetDownloads";
import { Button, ButtonAnchor, ButtonLink } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { Stat, StatGrid } from "~/components/ui/Stat";
import { Table, Td, Th, Tr } from "~/components/ui/Table";
import { titled } from "~/i18n/meta";

export const meta = titled("title.admin-events-eventId-checkin-index");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireEventManager(request, params.eventId ?? "");
    return checkInDashboard(params.eventId ?? "");
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    return handleSubmission(request, scanDecisionSchema, async ({ intent, checkInId }, reply) => {
      const args = { eventId, checkInId, actorUserId: user.id, ip: clientAddress(request) };
      if (intent === "undo") await undoCheckIn(args);
      else await resolveConflict(args);
      return { result: reply() };
    });
  });
}

type Scan = Awaited<ReturnType<typeof loader>>["latest"][number];

export default function CheckInDashboard() {
  const { event, stats, latest, conflicts } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localize = useLocalized();
  const revalidator = useRevalidator();

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 5000);
    return () => clearInterval(timer);
  }, [revalidator]);

  const time = (iso: string, withDate = false) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: event.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...(withDate ? { month: "2-digit", day: "2-digit" } : { second: "2-digit" }),
    }).format(new Date(iso));
  const chart = stats.byQuarterHour.map((bucket) => ({ label: time(bucket.start), count: bucket.count }));
  const tiles = [
    { label: t("checkin.dashboard.registered"), value: stats.registered, id: "registered" },
    { label: t("checkin.dashboard.checkedIn"), value: stats.checkedIn, id: "checked-in" },
    { label: t("checkin.dashboard.inside"), value: stats.inside, id: "inside" },
    { label: t("checkin.dashboard.conflictsCount"), value: stats.conflicts, id: "conflicts" },
  ];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-xl font-bold">{t("checkin.dashboard.title")}</h2>
        <span className="text-sm text-muted">{t("checkin.dashboard.live")}</span>
        <SheetDownloads href={`/admin/events/${event.id}/checkin/export`} />
        <ButtonLink to="lists" variant="secondary">
          {t("checkin.dashboard.lists")}
        </ButtonLink>
        <ButtonLink to="badges" variant="secondary">
          {t("checkin.dashboard.badges")}
        </ButtonLink>
        <ButtonAnchor href="/checkin">{t("checkin.dashboard.openScanner")}</ButtonAnchor>
      </div>

      <StatGrid>
        {tiles.map((tile) => (
          <Stat key={tile.id} label={tile.label} value={tile.value} />
        ))}
      </StatGrid>

      <Card as="section">
        <h3 className="mb-2 font-semibold">{t("checkin.dashboard.arrivals")}</h3>
        <div className="h-56 w-full">
          {chart.length > 0 ? (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" fill="#1e40af" name={t("checkin.col.checkedIn")} />
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="text-muted">{t("checkin.dashboard.noScans")}</p>
          )}
        </div>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <section className="min-w-0">
          <h3 className="mb-2 font-semibold">{t("checkin.dashboard.byList")}</h3>
          <Table>
            <thead>
              <tr>
                <Th>{t("checkin.col.list")}</Th>
                <Th>{t("checkin.col.checkedIn")}</Th>
                <Th>{t("checkin.col.inside")}</Th>
                <Th>{t("checkin.col.scans")}</Th>
              </tr>
            </thead>
            <tbody>
              {stats.byList.map((list) => (
                <Tr key={list.id}>
                  <Td>{localize(list.name, list.nameEn)}</Td>
                  <Td className="tabular-nums">{list.checkedIn}</Td>
                  <Td className="tabular-nums">{list.inside}</Td>
                  <Td className="tabular-nums">{list.scans}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
        <section className="min-w-0">
          <h3 className="mb-2 font-semibold">{t("checkin.dashboard.byCategory")}</h3>
          <Table>
            <thead>
              <tr>
                <Th>{t("checkin.col.attendee")}</Th>
                <Th>{t("checkin.col.registered")}</Th>
                <Th>{t("checkin.col.checkedIn")}</Th>
              </tr>
            </thead>
            <tbody>
              {stats.byCategory.map((category) => (
                <Tr key={category.id ?? "none"}>
                  <Td>{category.id ? localize(category.name, category.nameEn) : t("checkin.noCategory")}</Td>
                  <Td className="tabular-nums">{category.registered}</Td>
                  <Td className="tabular-nums">{category.checkedIn}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>

      <section className="min-w-0" aria-labelledby="conflicts-heading">
        <h3 id="conflicts-heading" className="mb-2 font-semibold">
          {t("checkin.dashboard.conflicts")}
        </h3>
        {conflicts.length === 0 ? <EmptyState title={t("checkin.dashboard.noConflicts")} /> : <ScanTable scans={conflicts} time={time} conflicts />}
      </section>

      <section className="min-w-0">
        <h3 className="mb-2 font-semibold">{t("checkin.dashboard.latest")}</h3>
        {latest.length === 0 ? <EmptyState title={t("checkin.dashboard.noScans")} /> : <ScanTable scans={latest} time={time} />}
      </section>
    </div>
  );
}

function ScanTable({ scans, time, conflicts = false }: { scans: Scan[]; time: (iso: string) => string; conflicts?: boolean }) {
  const t = useT();
  const localize = useLocalized();
  return (
    <Table data-testid={conflicts ? "conflicts" : "latest"}>
      <thead>
        <tr>
          <Th>{t("checkin.col.time")}</Th>
          <Th>{t("checkin.col.attendee")}</Th>
          <Th>{t("checkin.col.list")}</Th>
          <Th>{t("checkin.col.device")}</Th>
          <Th>{t("checkin.col.result")}</Th>
          <Th>
            <span className="sr-only">{t("checkin.dashboard.undo")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {scans.map((scan) => (
          <Tr key={scan.id} className={scan.undone ? "text-muted line-through" : ""}>
            <Td className="whitespace-nowrap">{time(scan.scannedAt)}</Td>
            <Td>{scan.attendee ? `${scan.attendee.name}${scan.attendee.organization ? ` · ${scan.attendee.organization}` : ""}` : "—"}</Td>
            <Td>{localize(scan.list.name, scan.list.nameEn)}</Td>
            <Td>
              {scan.deviceId}
              {scan.offline ? ` (${t("checkin.col.offline")})` : ""}
            </Td>
            <Td>
              {scan.result === "ok" && scan.direction === "exit" ? t("checkin.result.okExit") : t(`checkin.result.${scan.result}`)}
              {scan.undone ? ` · ${t("checkin.dashboard.undone")}` : ""}
            </Td>
            <Td className="whitespace-nowrap">
              {conflicts ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="checkInId" value={scan.id} />
                  <Button type="submit" variant="secondary" size="sm">
                    {t("checkin.dashboard.resolve")}
                  </Button>
                </Form>
              ) : scan.result === "ok" && !scan.undone ? (
                <Form
                  method="post"
                  onSubmit={(event) => {
                    if (!window.confirm(t("checkin.dashboard.undoConfirm"))) event.preventDefault();
                  }}
                >
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="checkInId" value={scan.id} />
                  <Button type="submit" variant="ghost" size="sm" className="text-danger">
                    {t("checkin.dashboard.undo")}
                  </Button>
                </Form>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
