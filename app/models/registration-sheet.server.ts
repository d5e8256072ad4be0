import { DateTime } from "luxon";
import { localized, translator, type Locale, type MessageKey, type Translate } from "~/i18n";
import { prisma } from "~/models/store/connection.server";
import { registrationInputSchema } from "~/schemas/registration";
import { DomainError } from "~/utils/domain-error";
import { buildSheet, importedCell, readCsvTable, readUploadedTable, replacementCharacterAt, UnreadableSheet, type SheetColumn, type UploadedTable } from "~/utils/spreadsheet";
import { audit } from "./audit.server";
import { listRegistrations, type RegistrationFilter } from "./registration-queries.server";
import { checkAnswers, normalizeEmail } from "./registration-rules.server";
import { register } from "./registration-write.server";

/**
 * The registrations sheet, defined once for the CSV export, the XLSX export, the import template and the
 * importer: the importer recognises a column by the header it has in either language (or the field's own
 * name, as in `name,email,…`), so an exported file edited in Excel imports back.
 */
type Question = { key: string; label: string; labelEn: string; kind: string; options: string; categoryIds: string; required: boolean };
type Category = { id: string; code: string; name: string; nameEn: string; inviteOnly: boolean; position: number };
type Option = { value: string; label: string; labelEn?: string };

const fieldHeaders = {
  name: "sheet.registration.name",
  email: "sheet.registration.email",
  organization: "sheet.registration.organization",
  phone: "sheet.registration.phone",
  jobTitle: "sheet.registration.jobTitle",
  category: "sheet.registration.category",
  ticketCode: "sheet.registration.ticketCode",
} as const satisfies Record<string, MessageKey>;
type Field = keyof typeof fieldHeaders;

// RFC 2606 reserves .invalid: the template's example row can never reach anyone, and is refused if left in.
const templateDomain = "example.invalid";
const bothLocales = [translator("zh-CN"), translator("en")];
const yes = ["是", "yes", "y", "true", "1", "✓", "√"];

function optionsOf(question: Question): Option[] {
  return JSON.parse(question.options) as Option[];
}

/** An answer as people read it: option labels, 是/Yes for a ticked box. */
export function answerText(question: Question, raw: unknown, locale: Locale, t: Translate): string {
  if (raw === undefined || raw === null || raw === "" || raw === false) return "";
  if (question.kind === "CHECKBOX") return t("sheet.yes");
  const options = optionsOf(question);
  const label = (value: unknown) => {
    const option = options.find((candidate) => candidate.value === value);
    return option ? localized(locale, option.label, option.labelEn) : String(value);
  };
  return Array.isArray(raw) ? raw.map(label).join("; ") : label(raw);
}

/** The reverse of answerText: labels in either language (or the option's code) back to what is stored. */
function answerValue(question: Question, text: string): string | string[] | boolean | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (question.kind === "CHECKBOX") return yes.includes(trimmed.toLowerCase()) ? true : trimmed;
  const options = optionsOf(question);
  const value = (part: string) => options.find((option) => [option.value, option.label, option.labelEn].some((name) => name && name.trim().toLowerCase() === part.toLowerCase()))?.value ?? part;
  if (question.kind === "MULTIPLE_CHOICE")
    return trimmed
      .split(/[;；,，]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map(value);
  if (question.kind === "SINGLE_CHOICE") return value(trimmed);
  return trimmed;
}

type ExportRow = Awaited<ReturnType<typeof listRegistrations>>["rows"][number];

/** Wall-clock time in the event's zone, as text Excel shows as written (no zone conversion on open). */
export function zonedText(instant: Date | null | undefined, zone: string): string {
  return instant ? DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd HH:mm") : "";
}

function registrationColumns(event: { timeZone: string }, questions: Question[], locale: Locale): SheetColumn<ExportRow>[] {
  const t = translator(locale);
  const zone = event.timeZone;
  return [
    { header: t("sheet.registration.status"), value: (row) => t(`registration.status.${row.status}` as MessageKey) },
    { header: t(fieldHeaders.name), value: (row) => row.name },
    { header: t(fieldHeaders.email), value: (row) => row.email },
    { header: t(fieldHeaders.organization), value: (row) => row.organization },
    { header: t(fieldHeaders.phone), value: (row) => row.phone },
    { header: t(fieldHeaders.jobTitle), value: (row) => row.jobTitle },
    { header: t(fieldHeaders.category), value: (row) => (row.category ? localized(locale, row.category.name, row.category.nameEn) : "") },
    { header: t("sheet.registration.firm"), value: (row) => row.firm?.name },
    ...questions.map((question): SheetColumn<ExportRow> => ({
      header: localized(locale, question.label, question.labelEn),
      value: (row) => answerText(question, (JSON.parse(row.answers) as Record<string, unknown>)[question.key], locale, t),
    })),
    { header: t(fieldHeaders.ticketCode), value: (row) => row.ticketCode },
    { header: t("sheet.registration.createdAt", { zone }), value: (row) => zonedText(row.createdAt, zone) },
    { header: t("sheet.registration.checkedInAt", { zone }), value: (row) => zonedText(row.checkedInAt, zone) },
    { header: t("sheet.registration.note"), value: (row) => row.organizerNote },
  ];
}

async function sheetEvent(eventId: string) {
  const db = await prisma();
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: { ticketCategories: { orderBy: { position: "asc" } }, questions: { orderBy: { position: "asc" } } },
  });
  if (!event) throw new DomainError("not_found", "not_found", "registration.error.notFound");
  return event;
}

/** `<event-slug>-registrations-<YYYY-MM-DD>` (the day in the event's zone), without the extension. */
export function sheetBaseName(slug: string, kind: string, zone: string, now = new Date()): string {
  return `${slug}-${kind}-${DateTime.fromJSDate(now, { zone }).toFormat("yyyy-MM-dd")}`;
}

/** The filtered registrations as a sheet in the reader's language; every export of personal data is audited (DESIGN.md §7). */
export async function exportRegistrations({ eventId, filter, locale, actorUserId, ip }: { eventId: string; filter: RegistrationFilter; locale: Locale; actorUserId: string; ip?: string }) {
  const event = await sheetEvent(eventId);
  const { rows } = await listRegistrations(eventId, filter, 100_000);
  await audit({ action: "registration.export", actorUserId, eventId, ip, targetType: "Event", targetId: eventId, details: { rows: rows.length, filter } });
  const sheet = buildSheet(translator(locale)("sheet.registration.title"), registrationColumns(event, event.questions, locale), rows);
  return { sheet, baseName: sheetBaseName(event.slug, "registrations", event.timeZone) };
}

/** An empty import file: the importable columns in the reader's language and one plainly fictional row. */
export async function registrationImportTemplate({ eventId, locale }: { eventId: string; locale: Locale }) {
  const event = await sheetEvent(eventId);
  const t = translator(locale);
  const category = event.ticketCategories[0];
  const example: Record<string, string> = {
    name: t("sheet.template.name"),
    email: `example.person@${templateDomain}`,
    organization: t("sheet.template.organization"),
    phone: "02885551234",
    jobTitle: t("sheet.template.jobTitle"),
    category: category ? localized(locale, category.name, category.nameEn) : "",
  };
  const fields = ["name", "email", "organization", "phone", "jobTitle", "category"] as const;
  const columns: SheetColumn<null>[] = [
    ...fields.map((field) => ({ header: t(fieldHeaders[field]), value: () => example[field] })),
    ...event.questions.map((question) => ({ header: localized(locale, question.label, question.labelEn), value: () => exampleAnswer(question, locale, t) })),
  ];
  return { sheet: buildSheet(t("sheet.registration.title"), columns, [null]), baseName: sheetBaseName(event.slug, "registrations-template", event.timeZone) };
}

function exampleAnswer(question: Question, locale: Locale, t: Translate): string {
  const first = optionsOf(question)[0];
  if (question.kind === "CHECKBOX") return t("sheet.yes");
  if (first) return localized(locale, first.label, first.labelEn);
  return question.kind === "PHONE" ? "02885551234" : "";
}

// ─────────────────────────────── import ───────────────────────────────

const headerKey = (text: string) => text.trim().toLowerCase();

/** Which column of the file feeds which field or question: a header in either language, or the field's name. */
function columnMap(headers: string[], questions: Question[]) {
  const names = new Map<string, { field: Field } | { question: Question }>();
  for (const field of Object.keys(fieldHeaders) as Field[]) for (const name of [field, ...bothLocales.map((t) => t(fieldHeaders[field]))]) names.set(headerKey(name), { field });
  for (const question of questions) for (const name of [question.key, question.label, question.labelEn]) if (name) names.set(headerKey(name), { question });
  return headers.map((header) => names.get(headerKey(header)) ?? null);
}

export type ImportRowResult = { row: number; email: string; ok: boolean; skipped: boolean; errors: Record<string, string>; status?: string };
export type ImportPreview = { headers: string[]; rows: string[][] };
export type ImportReport = {
  dryRun: boolean;
  encoding: UploadedTable["encoding"];
  delimiter: UploadedTable["delimiter"];
  preview: ImportPreview;
  rows: ImportRowResult[];
  ok: number;
  bad: number;
  skipped: number;
  imported: number;
};

const previewRows = 10;

/** What was uploaded: a file's bytes (CSV in any supported encoding, or XLSX), or text pasted into the form. */
export type ImportSource = { bytes: Uint8Array } | { text: string };

async function tableOf(source: ImportSource): Promise<UploadedTable> {
  try {
    return "bytes" in source ? await readUploadedTable(source.bytes) : readCsvTable(source.text.replace(/^\uFEFF/, ""), "utf-8");
  } catch (error) {
    if (error instanceof UnreadableSheet) throw new DomainError("invalid", "invalid_file", "sheet.import.unreadable", undefined, { file: "sheet.import.unreadable" });
    throw error;
  }
}

/**
 * Imports invited guests. Every row is checked the same way in a dry run and in the real run — format,
 * category (by code or by name in either language), answers, duplicate e-mails within the file — and a file
 * with a U+FFFD anywhere is refused whole: it was decoded wrongly before it reached us. A person the event
 * already has (same e-mail, or the ticket code of one of its registrations, as in an exported file) is
 * skipped, never changed or registered twice. Only rows that pass are registered (so only they get a
 * ticket e-mail), through the normal path: capacity and quotas apply, approval is skipped.
 */
export async function importRegistrations({
  eventId,
  source,
  dryRun,
  locale,
  actorUserId,
}: {
  eventId: string;
  source: ImportSource;
  dryRun: boolean;
  locale: Locale;
  actorUserId: string;
}): Promise<ImportReport> {
  const event = await sheetEvent(eventId);
  const table = await tableOf(source);
  const garbled = replacementCharacterAt(table);
  if (garbled) throw new DomainError("invalid", "replacement_character", "sheet.import.replacementCharacter", garbled, { file: "sheet.import.replacementCharacter" });
  const columns = columnMap(table.headers, event.questions);
  for (const field of ["name", "email"] as const)
    if (!columns.some((column) => column && "field" in column && column.field === field)) {
      throw new DomainError("invalid", "missing_column", "sheet.import.missingColumn", { column: translator(locale)(fieldHeaders[field]) }, { file: "sheet.import.missingColumn" });
    }

  const db = await prisma();
  const live = await db.registration.findMany({ where: { eventId, status: { not: "CANCELLED" } }, select: { emailNormalized: true, ticketCode: true } });
  const existingEmails = new Set(live.map((row) => row.emailNormalized));
  const existingCodes = new Set(live.map((row) => row.ticketCode));
  const seen = new Set<string>();
  const t = translator(locale);
  const report: ImportReport = {
    dryRun,
    encoding: table.encoding,
    delimiter: table.delimiter,
    preview: { headers: previewHeaders(event.questions, locale), rows: [] },
    rows: [],
    ok: 0,
    bad: 0,
    skipped: 0,
    imported: 0,
  };

  for (const [index, cells] of table.rows.entries()) {
    const fields: Partial<Record<Field, string>> = {};
    const answers: Record<string, string | string[] | boolean> = {};
    columns.forEach((column, position) => {
      const cell = importedCell(cells[position] ?? "");
      if (column && "field" in column) fields[column.field] = cell;
      else if (column) {
        const value = answerValue(column.question, cell);
        if (value !== undefined) answers[column.question.key] = value;
      }
    });
    const errors: Record<string, string> = {};
    const category = fields.category?.trim() ? findCategory(event.ticketCategories, fields.category) : undefined;
    if (category === null) errors.category = "registration.validation.category";
    const parsed = registrationInputSchema.safeParse({ ...fields, category: category?.code ?? "", answers, consent: true });
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const email = normalizeEmail(fields.email ?? "");
    const result: ImportRowResult = { row: index + 2, email, ok: false, skipped: false, errors };
    if (!errors.email && (existingEmails.has(email) || existingCodes.has((fields.ticketCode ?? "").trim()))) {
      result.skipped = true;
      report.skipped += 1;
      report.rows.push(result);
      continue;
    }
    if (!errors.email && seen.has(email)) errors.email = "registration.admin.import.duplicate";
    if (!errors.email && email.endsWith(`@${templateDomain}`)) errors.email = "sheet.import.exampleRow";
    seen.add(email);
    const shownFor = category?.id ?? event.ticketCategories.find((candidate) => !candidate.inviteOnly)?.id ?? null;
    let stored: Record<string, string | string[] | boolean> = {};
    try {
      stored = checkAnswers(event.questions, shownFor, answers);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      Object.assign(errors, error.fields);
    }
    result.ok = Object.keys(errors).length === 0;
    if (result.ok && parsed.success && report.preview.rows.length < previewRows) {
      report.preview.rows.push(previewRow(parsed.data, category ?? undefined, event.questions, stored, locale, t));
    }
    if (result.ok && !dryRun && parsed.success) {
      try {
        const answer = await register({ slug: event.slug, input: { ...parsed.data, answers: stored }, skipApproval: true, consentNoticeVersion: `import:${event.privacyNoticeVersion}` });
        result.status = answer.body.registration.status;
        report.imported += 1;
      } catch (error) {
        result.ok = false;
        result.errors = error instanceof DomainError ? (error.fields ?? { _: error.messageKey }) : { _: "error.server.title" };
      }
    }
    if (result.ok) report.ok += 1;
    else report.bad += 1;
    report.rows.push(result);
  }
  if (!dryRun)
    await audit({ action: "registration.import", actorUserId, eventId, targetType: "Event", targetId: eventId, details: { imported: report.imported, bad: report.bad, skipped: report.skipped } });
  return report;
}

/** A category by its code, or its name in either language; null when the cell names none of this event's. */
function findCategory(categories: Category[], text: string): Category | null {
  const wanted = text.trim().toLowerCase();
  return categories.find((category) => [category.code, category.name, category.nameEn].some((name) => name && name.trim().toLowerCase() === wanted)) ?? null;
}

function previewHeaders(questions: Question[], locale: Locale): string[] {
  const t = translator(locale);
  return [
    ...(["name", "email", "organization", "phone", "jobTitle", "category"] as const).map((field) => t(fieldHeaders[field])),
    ...questions.map((question) => localized(locale, question.label, question.labelEn)),
  ];
}

function previewRow(
  input: ReturnType<typeof registrationInputSchema.parse>,
  category: Category | undefined,
  questions: Question[],
  answers: Record<string, unknown>,
  locale: Locale,
  t: Translate,
): string[] {
  return [
    input.name,
    normalizeEmail(input.email),
    input.organization,
    input.phone ?? "",
    input.jobTitle ?? "",
    category ? `${localized(locale, category.name, category.nameEn)} (${category.code})` : "",
    ...questions.map((question) => answerText(question, answers[question.key], locale, t)),
  ];
}
