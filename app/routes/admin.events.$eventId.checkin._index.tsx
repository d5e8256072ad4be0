import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
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
        <span className="text-sm text-slate-600">{t("checkin.dashboard.live")}</span>
        <SheetDownloads href={`/admin/events/${event.id}/checkin/export`} />
        <Link to="lists" className="btn-secondary">
          {t("checkin.dashboard.lists")}
        </Link>
        <Link to="badges" className="btn-secondary">
          {t("checkin.dashboard.badges")}
        </Link>
        <a href="/checkin" className="btn">
          {t("checkin.dashboard.openScanner")}
        </a>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.id} className="card" data-testid={`stat-${tile.id}`}>
            <dt className="text-sm text-slate-600">{tile.label}</dt>
            <dd className="text-3xl font-bold">{tile.value}</dd>
          </div>
        ))}
      </dl>

      <section className="card">
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
            <p className="text-slate-600">{t("checkin.dashboard.noScans")}</p>
          )}
        </div>
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <section className="card relative overflow-x-auto">
          <h3 className="mb-2 font-semibold">{t("checkin.dashboard.byList")}</h3>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">{t("checkin.col.list")}</th>
                <th>{t("checkin.col.checkedIn")}</th>
                <th>{t("checkin.col.inside")}</th>
                <th>{t("checkin.col.scans")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byList.map((list) => (
                <tr key={list.id} className="border-t border-slate-100">
                  <td className="py-1">{localize(list.name, list.nameEn)}</td>
                  <td>{list.checkedIn}</td>
                  <td>{list.inside}</td>
                  <td>{list.scans}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card relative overflow-x-auto">
          <h3 className="mb-2 font-semibold">{t("checkin.dashboard.byCategory")}</h3>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">{t("checkin.col.attendee")}</th>
                <th>{t("checkin.col.registered")}</th>
                <th>{t("checkin.col.checkedIn")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byCategory.map((category) => (
                <tr key={category.id ?? "none"} className="border-t border-slate-100">
                  <td className="py-1">{category.id ? localize(category.name, category.nameEn) : t("checkin.noCategory")}</td>
                  <td>{category.registered}</td>
                  <td>{category.checkedIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section className="card relative overflow-x-auto" aria-labelledby="conflicts-heading">
        <h3 id="conflicts-heading" className="mb-2 font-semibold">
          {t("checkin.dashboard.conflicts")}
        </h3>
        {conflicts.length === 0 ? <p className="text-slate-600">{t("checkin.dashboard.noConflicts")}</p> : <ScanTable scans={conflicts} time={time} conflicts />}
      </section>

      <section className="card relative overflow-x-auto">
        <h3 className="mb-2 font-semibold">{t("checkin.dashboard.latest")}</h3>
        {latest.length === 0 ? <p className="text-slate-600">{t("checkin.dashboard.noScans")}</p> : <ScanTable scans={latest} time={time} />}
      </section>
    </div>
  );
}

function ScanTable({ scans, time, conflicts = false }: { scans: Scan[]; time: (iso: string) => string; conflicts?: boolean }) {
  const t = useT();
  const localize = useLocalized();
  return (
    <table className="w-full text-sm" data-testid={conflicts ? "conflicts" : "latest"}>
      <thead>
        <tr className="text-left text-slate-600">
          <th className="py-1">{t("checkin.col.time")}</th>
          <th>{t("checkin.col.attendee")}</th>
          <th>{t("checkin.col.list")}</th>
          <th>{t("checkin.col.device")}</th>
          <th>{t("checkin.col.result")}</th>
          <th>
            <span className="sr-only">{t("checkin.dashboard.undo")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {scans.map((scan) => (
          <tr key={scan.id} className={`border-t border-slate-100 ${scan.undone ? "text-slate-400 line-through" : ""}`}>
            <td className="py-1 whitespace-nowrap">{time(scan.scannedAt)}</td>
            <td>{scan.attendee ? `${scan.attendee.name}${scan.attendee.organization ? ` · ${scan.attendee.organization}` : ""}` : "—"}</td>
            <td>{localize(scan.list.name, scan.list.nameEn)}</td>
            <td>
              {scan.deviceId}
              {scan.offline ? ` (${t("checkin.col.offline")})` : ""}
            </td>
            <td>
              {scan.result === "ok" && scan.direction === "exit" ? t("checkin.result.okExit") : t(`checkin.result.${scan.result}`)}
              {scan.undone ? ` · ${t("checkin.dashboard.undone")}` : ""}
            </td>
            <td className="whitespace-nowrap">
              {conflicts ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="checkInId" value={scan.id} />
                  <button type="submit" className="text-brand-700 underline">
                    {t("checkin.dashboard.resolve")}
                  </button>
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
                  <button type="submit" className="text-red-700 underline">
                    {t("checkin.dashboard.undo")}
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
