import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/Button";
import { useT } from "~/i18n/react";

export type Selection = { ids: Set<string>; allFiltered: boolean };
type Action = "approve" | "reject" | "cancel";

/**
 * The list's bulk actions. The ticked rows, or — once a whole page is ticked — every registration matching the
 * filter, not only the rows on screen (as in pretix's order list). Each action asks to confirm with the count;
 * for the filtered set that count goes with the form, and the server refuses if the filter now matches more or
 * fewer registrations than the organizer confirmed.
 */
export function BulkActions({ selection, pageIds, total, onSelectFiltered, onClear }: { selection: Selection; pageIds: string[]; total: number; onSelectFiltered: () => void; onClear: () => void }) {
  const t = useT();
  const navigation = useNavigation();
  const [pending, setPending] = useState<Action | null>(null);
  const count = selection.allFiltered ? total : selection.ids.size;
  const wholePage = pageIds.length > 0 && pageIds.every((id) => selection.ids.has(id));
  const busy = navigation.state !== "idle";
  return (
    <Form method="post" id="bulk-decisions" className="my-2 grid gap-2" onSubmit={() => setPending(null)}>
      <input type="hidden" name="scope" value={selection.allFiltered ? "filter" : "ids"} />
      {selection.allFiltered ? <input type="hidden" name="expected" value={total} /> : null}
      {count > 0 ? (
        <p role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-info/30 bg-info-soft p-2 text-sm text-info-ink" data-testid="selection-summary">
          <span>{selection.allFiltered ? t("registrations.list.allFilteredSelected", { count: total }) : t("registrations.list.selectedCount", { count })}</span>
          {!selection.allFiltered && wholePage && total > pageIds.length ? (
            <Button variant="ghost" size="sm" onClick={onSelectFiltered}>
              {t("registrations.list.selectFiltered", { count: total })}
            </Button>
          ) : null}
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t("registrations.list.clearSelection")}
          </Button>
        </p>
      ) : null}
      {pending ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning-soft p-2 text-sm text-warning-ink">
          <span>{t(`registrations.list.confirm.${pending}`, { count })}</span>
          <Button type="submit" name="intent" value={pending} variant={pending === "approve" ? "primary" : "danger"} disabled={busy}>
            {t("registrations.list.confirm.yes")}
          </Button>
          <Button variant="secondary" onClick={() => setPending(null)}>
            {t("registrations.list.confirm.back")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {(["approve", "reject", "cancel"] as const).map((action) => (
            <Button
              key={action}
              variant={action === "approve" ? "primary" : action === "reject" ? "danger" : "secondary"}
              disabled={busy || count === 0}
              title={count === 0 ? t("registrations.list.nothingSelected") : undefined}
              onClick={() => setPending(action)}
            >
              {t(`registration.admin.list.${action}`)}
            </Button>
          ))}
        </div>
      )}
    </Form>
  );
}
