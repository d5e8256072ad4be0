import type { Translate } from "~/i18n";
import type { Direction, ScanAnswer, ScanResult } from "~/schemas/checkin";
import type { Tone } from "./feedback";
import type { ScanOutcome } from "./useScanSync";

/** What the big result panel shows; its tone also picks the beep (feedback.ts). */
export type Display = {
  tone: Tone;
  result: ScanResult | "error" | "unknown";
  title: string;
  name?: string;
  organization?: string;
  lines: string[];
  offline: boolean;
  registrationId?: string;
};

export type DisplayText = { t: Translate; localize: (zh: string, en: string | null | undefined) => string; timeOf: (iso: string) => string };

export function errorDisplay(title: string, lines: string[], offline = false): Display {
  return { tone: "red", result: "error", title, lines, offline };
}

function answerDisplay(answer: ScanAnswer, { t, localize, timeOf }: DisplayText): Display {
  const tone: Tone = answer.result === "ok" ? "green" : answer.result === "already_checked_in" ? "yellow" : "red";
  const lines: string[] = [];
  if (answer.attendee?.category) lines.push(t("checkin.result.category", { name: localize(answer.attendee.category.name, answer.attendee.category.nameEn) }));
  if (answer.firstCheckIn) {
    lines.push(
      t("checkin.result.first", {
        time: timeOf(answer.firstCheckIn.at),
        list: localize(answer.firstCheckIn.list.name, answer.firstCheckIn.list.nameEn),
        device: answer.firstCheckIn.deviceId || t("checkin.unknownDevice"),
      }),
    );
  }
  if (answer.direction === "exit" && answer.wasInside === false) lines.push(t("checkin.result.notInside"));
  return {
    tone,
    result: answer.result,
    title: answer.otherEvent
      ? t("checkin.result.otherEvent", { title: localize(answer.otherEvent.title, answer.otherEvent.titleEn) })
      : answer.result === "ok" && answer.direction === "exit"
        ? t("checkin.result.okExit")
        : t(`checkin.result.${answer.result}`),
    name: answer.attendee?.name,
    organization: answer.attendee?.organization,
    lines,
    offline: false,
    registrationId: answer.attendee?.registrationId,
  };
}

/** Offline the device decides alone; with no index yet it cannot judge, so yellow: look closer rather than turn someone away. */
function queuedDisplay(outcome: Extract<ScanOutcome, { kind: "queued" }>, direction: Direction, { t, localize }: DisplayText): Display {
  const { local, category } = outcome;
  const tone: Tone = local.result === "ok" ? "green" : local.result === "already_checked_in" || local.result === "unknown" ? "yellow" : "red";
  return {
    tone,
    result: local.result,
    title: local.result === "unknown" ? t("checkin.status.noIndex") : local.result === "ok" && direction === "exit" ? t("checkin.result.okExit") : t(`checkin.result.${local.result}`),
    name: local.ticket?.n,
    organization: local.ticket?.o,
    lines: [
      ...(category ? [t("checkin.result.category", { name: localize(category.name, category.nameEn) })] : []),
      ...(local.result === "already_checked_in" ? [t("checkin.result.firstOffline")] : []),
      t("checkin.result.offlineDecision"),
    ],
    offline: true,
  };
}

export function displayOf(outcome: ScanOutcome, direction: Direction, text: DisplayText): Display {
  const { t } = text;
  switch (outcome.kind) {
    case "answered":
      return answerDisplay(outcome.answer, text);
    case "refused":
      return errorDisplay(t("checkin.result.error"), [outcome.status === 401 ? t("checkin.status.signInAgain") : outcome.message]);
    case "needsNetwork":
      return errorDisplay(t("checkin.result.error"), [t("checkin.search.offline")], true);
    case "queued":
      return queuedDisplay(outcome, direction, text);
  }
}
