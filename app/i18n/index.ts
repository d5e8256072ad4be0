import { localizedText } from "../utils/localized";
import { admin } from "./messages/admin";
import { agenda } from "./messages/agenda";
import { audit } from "./messages/audit";
import { auth } from "./messages/auth";
import { board } from "./messages/board";
import { caseReview } from "./messages/case-review";
import { caseLibrary } from "./messages/case-library";
import { checkin } from "./messages/checkin";
import { common } from "./messages/common";
import { localization } from "./messages/localization";
import { matchmaking } from "./messages/matchmaking";
import { matchmakingManage } from "./messages/matchmaking-manage";
import { meetingPlan } from "./messages/meeting-plan";
import { eventPage } from "./messages/event-page";
import { programme } from "./messages/programme";
import { registration } from "./messages/registration";
import { registrationEditing } from "./messages/registration-editing";
import { share } from "./messages/share";
import { registrationAdmin } from "./messages/registration-admin";
import { rollup } from "./messages/rollup";
import { site } from "./messages/site";
import { titles } from "./messages/titles";
import { webhooks } from "./messages/webhooks";
import { cases } from "./messages/cases";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

const features = [
  common,
  auth,
  admin,
  agenda,
  registration,
  registrationEditing,
  checkin,
  programme,
  webhooks,
  audit,
  share,
  registrationAdmin,
  site,
  localization,
  titles,
  eventPage,
  matchmaking,
  matchmakingManage,
  meetingPlan,
  rollup,
  board,
  caseReview,
  caseLibrary,
  cases,
] as const;

type KeysOf<T> = T extends { "zh-CN": infer Zh } ? keyof Zh & string : never;
// Listed one by one: a union built from the array would collapse namespaces that are still empty.
export type MessageKey =
  | KeysOf<typeof common>
  | KeysOf<typeof auth>
  | KeysOf<typeof admin>
  | KeysOf<typeof agenda>
  | KeysOf<typeof registration>
  | KeysOf<typeof registrationEditing>
  | KeysOf<typeof registrationAdmin>
  | KeysOf<typeof checkin>
  | KeysOf<typeof programme>
  | KeysOf<typeof webhooks>
  | KeysOf<typeof audit>
  | KeysOf<typeof share>
  | KeysOf<typeof site>
  | KeysOf<typeof localization>
  | KeysOf<typeof titles>
  | KeysOf<typeof eventPage>
  | KeysOf<typeof matchmaking>
  | KeysOf<typeof matchmakingManage>
  | KeysOf<typeof meetingPlan>
  | KeysOf<typeof rollup>
  | KeysOf<typeof board>
  | KeysOf<typeof caseReview>
  | KeysOf<typeof caseLibrary>
  | KeysOf<typeof cases>;
export type Messages = Record<MessageKey, string>;

let builtCatalogs: Record<Locale, Messages> | undefined;

/**
 * One language's messages. Built on first use rather than at import, so that the browser bundle, which never
 * calls it, drops every message module: a page gets its reader's catalogue from the root loader instead
 * (app/i18n/react.tsx) and never ships both languages.
 */
export function catalog(locale: Locale): Messages {
  builtCatalogs ??= {
    "zh-CN": Object.assign({}, ...features.map((feature) => feature["zh-CN"])),
    en: Object.assign({}, ...features.map((feature) => feature.en)),
  };
  return builtCatalogs[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function translator(locale: Locale): Translate {
  return translatorOf(catalog(locale));
}

/** The translate function over one catalogue (the one the root loader handed to the page). */
export function translatorOf(messages: Partial<Messages> | undefined): Translate {
  return (key, params) => interpolate(messages?.[key] ?? key, params);
}

export function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The text of a bilingual database field for places without markup (titles, e-mails, sheets); pages use <Localized>. */
export function localized(locale: Locale, zh: string, en: string | null | undefined): string {
  return localizedText(locale, zh, en).text;
}

/** A message as models and Zod schemas produce it — an i18n key, or "key|max" for length limits — in the reader's language. */
export function translateMessage(message: string, t: Translate): string {
  // The number after "|" is the limit a length message names, whether it calls it {max} or {min}.
  const [key, limit] = message.split("|");
  return t(key as MessageKey, limit ? { max: Number(limit), min: Number(limit) } : undefined);
}

/** Field → message map of an HttpError or a Zod result, in the reader's language. */
export function translateFields(fields: Record<string, string> | undefined, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([name, message]) => [name, translateMessage(message, t)]));
}
