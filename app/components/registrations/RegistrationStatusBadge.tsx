import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { Badge, type BadgeTone } from "~/components/ui/Badge";

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
  return <Badge tone={toneOf[status] ?? "neutral"}>{t(`registration.status.${status in toneOf ? status : "PENDING_APPROVAL"}` as MessageKey)}</Badge>;
}
