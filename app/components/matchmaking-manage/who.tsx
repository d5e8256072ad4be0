import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

/** What another participant chose to share, nothing else: each field is absent unless they ticked it. */
export type Shared = { name?: string; organization?: string; jobTitle?: string; email?: string; phone?: string };

export function useDisplayName() {
  const t = useT();
  return (shared: Shared) => shared.name ?? shared.organization ?? t("matchmaking.participants.anonymous");
}

/** The shared details under a name: organization and job title, then the contact fields if shared. */
export function SharedDetails({ shared }: { shared: Shared }) {
  const t = useT();
  const line = [shared.name ? shared.organization : undefined, shared.jobTitle].filter(Boolean).join(" · ");
  const contact = (["email", "phone"] as const).filter((field) => shared[field]);
  return (
    <>
      {line ? <p className="text-sm text-muted">{line}</p> : null}
      {contact.map((field) => (
        <p key={field} className="break-words text-sm text-muted">
          {t(`registration.form.${field}` as MessageKey)}: {shared[field]}
        </p>
      ))}
    </>
  );
}
