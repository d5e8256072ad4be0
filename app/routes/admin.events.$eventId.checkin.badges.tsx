import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BadgeSheet } from "~/components/checkin/Badge";
import { useLocalized, useT } from "~/i18n/react";
import { audit } from "~/models/audit.server";
import { badges } from "~/models/checkin-dashboard.server";
import { clientAddress } from "~/utils/http.server";
import { page } from "~/utils/route.server";
import { requireEventManager } from "~/auth/permissions.server";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";

export const meta = titled("title.admin-events-eventId-checkin-badges");

/** Every confirmed attendee's A6 badge, ready to print (personal data leaves the system on paper: audited). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const eventId = params.eventId ?? "";
    const user = await requireEventManager(request, eventId);
    const result = await badges(eventId);
    await audit({ action: "registration.export", actorUserId: user.id, targetType: "badges", eventId, ip: clientAddress(request), details: { count: result.badges.length } });
    return result;
  });
}

export default function Badges() {
  const { event, badges } = useLoaderData<typeof loader>();
  const t = useT();
  const localize = useLocalized();
  return (
    <div>
      <div className="no-print mb-4 flex items-center gap-3">
        <h2 className="mr-auto text-xl font-bold">{t("checkin.badges.title")}</h2>
        <span className="text-sm text-muted">{t("checkin.badges.count", { count: badges.length })}</span>
        <Button type="button" onClick={() => window.print()}>
          {t("checkin.badges.print")}
        </Button>
      </div>
      {badges.length === 0 ? <p className="card">{t("checkin.badges.none")}</p> : <BadgeSheet eventTitle={localize(event.title, event.titleEn)} badges={badges} />}
    </div>
  );
}
