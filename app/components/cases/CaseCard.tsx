import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/Badge";
import { Card } from "~/components/ui/Card";
import { useLocalized, useT } from "~/i18n/react";
import type { ListedCase } from "~/models/case-library.server";

/** A case in a list (the library, a firm's page): title, decision, organisations, industry and scenario. */
export function CaseCard({ item }: { item: ListedCase }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <Card as="article" className="flex h-full flex-col gap-2">
      <p className="flex flex-wrap gap-1.5">
        <Badge tone={item.decision === "typical" ? "brand" : "success"}>{t(`caseLibrary.decision.${item.decision}`)}</Badge>
        {item.industry ? <Badge>{localized(item.industry.name, item.industry.nameEn)}</Badge> : null}
        {item.scenario ? <Badge tone="info">{localized(item.scenario.name, item.scenario.nameEn)}</Badge> : null}
      </p>
      <h2 className="text-lg font-semibold text-ink">
        <Link to={`/cases/${item.id}`} className="hover:text-brand-700 hover:underline">
          {localized(item.title, item.titleEn)}
        </Link>
      </h2>
      <p className="text-sm text-muted">{item.organisations.map((entry) => localized(entry.name, entry.nameEn)).join(" · ")}</p>
      <p className="line-clamp-3 text-sm text-ink">{localized(item.summary, item.summaryEn)}</p>
      <p className="mt-auto text-xs text-muted">
        {item.year} · {localized(item.call.title, item.call.titleEn)}
      </p>
    </Card>
  );
}
