import type { EventPageView } from "~/route-helpers/event-page.server";
import { useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";

/** 主办单位 / 承办单位 / 支持单位, each with its organisations' logos (or their names alone). */
export function HostBlock({ groups }: { groups: EventPageView["hosts"] }) {
  const t = useT();
  if (!groups.length) return null;
  return (
    <Card aria-labelledby="hosts-heading" as="section" data-testid="event-hosts">
      <h2 id="hosts-heading" className="sr-only">
        {t("eventPage.hosts")}
      </h2>
      <dl className="space-y-3">
        {groups.map((group) => (
          <div key={group.role} className="flex flex-col gap-1 sm:flex-row sm:gap-4">
            <dt className="shrink-0 text-sm font-medium text-muted sm:w-24">{group.label}</dt>
            <dd>
              <ul className="flex flex-wrap items-center gap-x-4 gap-y-2">
                {group.hosts.map((host) => (
                  <li key={host.id} className="flex items-center gap-2">
                    {host.logo ? <img src={host.logo} alt="" width={32} height={32} loading="lazy" className="h-8 w-8 rounded bg-white object-contain" /> : null}
                    <span className="font-medium text-ink">{host.name}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
