import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { StatusBadge, type BadgeTone } from "../StatusBadge";

const toneOf: Record<string, BadgeTone> = {
  CONFIRMED: "success",
  PENDING_APPROVAL: "warning",
  HELD: "warning",
  WAITLISTED: "info",
  REJECTED: "danger",
  CANCELLED: "neutral",
};

/** A registration's state in words on its colour (confirmed green, waiting amber, waitlist blue, refused red). */
export function RegistrationStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <StatusBadge tone={toneOf[status] ?? "neutral"}>{t(`registration.status.${status in toneOf ? status : "PENDING_APPROVAL"}` as MessageKey)}</StatusBadge>;
}
