import { localized, translator, type Locale } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { newWorkbook, spreadsheetCell } from "~/utils/spreadsheet";
import { programmeZone } from "~/utils/time";
import { sheetBaseName, zonedText } from "./registration-sheet.server";

/**
 * The campaign roll-up of a series (the deep-dive tour): per station what it brought, and the totals.
 *
 * - registered: confirmed registrations; checkedIn: registrations checked in (whatever their status now);
 * - firms: distinct member firms with a confirmed registration;
 * - meetingsRequested: 1:1 meeting requests sent at the event, in any state;
 * - meetingsHeld: meetings both sides checked in to;
 * - followUps: meetings at least one side said led to a next step;
 * - cases: published cases whose lead firm had someone checked in at the event.
 *
 * Totals are the sums of the stations' figures, so a firm at two stations counts twice: the tour counts
 * attendances, not distinct firms.
 */

export const rollupFigures = ["registered", "checkedIn", "firms", "meetingsRequested", "meetingsHeld", "followUps", "cases"] as const;
export type RollupFigure = (typeof rollupFigures)[number];
export type RollupCounts = Record<RollupFigure, number>;

export type RollupStation = RollupCounts & {
  id: string;
  slug: string;
  title: string;
  titleEn: string;
  city: string;
  cityEn: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
};

export type SeriesRollup = {
  series: { id: string; slug: string; title: string; titleEn: string; description: string; descriptionEn: string };
  events: RollupStation[];
  totals: RollupCounts;
};

type Count = { eventId: string; count: number };

function tally(rows: { eventId: string }[]): Count[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.eventId, (counts.get(row.eventId) ?? 0) + 1);
  return [...counts].map(([eventId, count]) => ({ eventId, count }));
}

async function countsOf(eventIds: string[]): Promise<Map<string, RollupCounts>> {
  const db = await prisma();
  const byEvent = (rows: { eventId: string; _count: { _all: number } }[]): Count[] => rows.map((row) => ({ eventId: row.eventId, count: row._count._all }));
  const [registered, checkedIn, firmRows, requested, held, followUps, attendingFirms] = await Promise.all([
    db.registration.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, status: "CONFIRMED" }, _count: { _all: true } }).then(byEvent),
    db.registration.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, checkedInAt: { not: null } }, _count: { _all: true } }).then(byEvent),
    db.registration.groupBy({ by: ["eventId", "firmId"], where: { eventId: { in: eventIds }, status: "CONFIRMED", firmId: { not: null } } }),
    db.meetingRequest.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds } }, _count: { _all: true } }).then(byEvent),
    db.meeting.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, fromCheckedInAt: { not: null }, toCheckedInAt: { not: null } }, _count: { _all: true } }).then(byEvent),
    db.meeting.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, followUps: { some: { nextStep: true } } }, _count: { _all: true } }).then(byEvent),
    db.registration.groupBy({ by: ["eventId", "firmId"], where: { eventId: { in: eventIds }, checkedInAt: { not: null }, firmId: { not: null } } }),
  ]);
  const firmIds = [...new Set(attendingFirms.map((row) => row.firmId!))];
  const casesByFirm = new Map(
    (await db.caseSubmission.groupBy({ by: ["firmId"], where: { firmId: { in: firmIds }, publishedAt: { not: null } }, _count: { _all: true } })).map((row) => [row.firmId!, row._count._all]),
  );
  const cases = tally(attendingFirms.flatMap((row) => Array.from({ length: casesByFirm.get(row.firmId!) ?? 0 }, () => ({ eventId: row.eventId }))));
  const figures: Record<RollupFigure, Count[]> = { registered, checkedIn, firms: tally(firmRows), meetingsRequested: requested, meetingsHeld: held, followUps, cases };
  const result = new Map<string, RollupCounts>(eventIds.map((id) => [id, emptyCounts()]));
  for (const figure of rollupFigures) for (const { eventId, count } of figures[figure]) result.get(eventId)![figure] = count;
  return result;
}

function emptyCounts(): RollupCounts {
  return { registered: 0, checkedIn: 0, firms: 0, meetingsRequested: 0, meetingsHeld: 0, followUps: 0, cases: 0 };
}

export function sumCounts(rows: RollupCounts[]): RollupCounts {
  const totals = emptyCounts();
  for (const row of rows) for (const figure of rollupFigures) totals[figure] += row[figure];
  return totals;
}

/**
 * The roll-up of a series found by id (back office, every event but archived ones) or slug (public: published
 * events only); null when there is no such series.
 */
export async function seriesRollup(where: { id: string } | { slug: string }, { publishedOnly }: { publishedOnly: boolean }): Promise<SeriesRollup | null> {
  const db = await prisma();
  const series = await db.series.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      titleEn: true,
      description: true,
      descriptionEn: true,
      events: {
        where: publishedOnly ? { status: "PUBLISHED" } : { status: { not: "ARCHIVED" } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: { id: true, slug: true, title: true, titleEn: true, city: true, cityEn: true, startsAt: true, endsAt: true, timeZone: true, status: true },
      },
    },
  });
  if (!series) return null;
  const { events, ...facts } = series;
  const counts = await countsOf(events.map((event) => event.id));
  const stations = events.map((event) => ({ ...event, ...counts.get(event.id)! }));
  return { series: facts, events: stations, totals: sumCounts(stations) };
}

/** The roll-up as the public API answers it. */
export function rollupJson(rollup: SeriesRollup) {
  const counts = (row: RollupCounts) => Object.fromEntries(rollupFigures.map((figure) => [figure, row[figure]])) as RollupCounts;
  return {
    series: { slug: rollup.series.slug, title: rollup.series.title, titleEn: rollup.series.titleEn },
    events: rollup.events.map((event) => ({ slug: event.slug, city: event.city, cityEn: event.cityEn, startsAt: event.startsAt.toISOString(), ...counts(event) })),
    totals: counts(rollup.totals),
  };
}

/**
 * The roll-up as XLSX: one row per station and a totals row, headers in the reader's language; figures are
 * number cells (they add up in Excel), the date a text in the event's zone as the other exports write it.
 */
export async function rollupXlsx(rollup: SeriesRollup, locale: Locale): Promise<{ body: Uint8Array<ArrayBuffer>; baseName: string }> {
  const t = translator(locale);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(t("rollup.sheet.title").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("rollup.column.event"), width: 36 },
    { header: t("rollup.column.city"), width: 14 },
    { header: t("rollup.column.startsAt"), width: 18, style: { numFmt: "@" } },
    ...rollupFigures.map((figure) => ({ header: t(`rollup.figure.${figure}`), width: 14, style: { numFmt: "0" } })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const event of rollup.events) {
    sheet.addRow([
      spreadsheetCell(localized(locale, event.title, event.titleEn)),
      spreadsheetCell(localized(locale, event.city, event.cityEn)),
      zonedText(event.startsAt, event.timeZone),
      ...rollupFigures.map((figure) => event[figure]),
    ]);
  }
  const totals = sheet.addRow([t("rollup.totals"), "", "", ...rollupFigures.map((figure) => rollup.totals[figure])]);
  totals.font = { bold: true };
  // exceljs types its Node Buffer as an interface of its own.
  const body = Uint8Array.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
  return { body, baseName: sheetBaseName(rollup.series.slug, "rollup", programmeZone) };
}
