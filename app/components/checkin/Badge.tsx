import { useLocalized, useT } from "~/i18n/react";

export type BadgeData = {
  id: string;
  name: string;
  organization: string;
  jobTitle: string;
  category: { name: string; nameEn: string } | null;
  qrSvg: string;
};

// A6 portrait, one badge per sheet; everything else on the page is hidden when printing.
const printCss = `
@page { size: A6 portrait; margin: 0; }
@media print {
  body * { visibility: hidden; }
  .badge-sheet, .badge-sheet * { visibility: visible; }
  .badge-sheet { position: absolute; left: 0; top: 0; }
  .badge { box-shadow: none !important; border: none !important; margin: 0 !important; break-after: page; page-break-after: always; }
}
.badge { width: 105mm; height: 148mm; box-sizing: border-box; }
`;

export function BadgeSheet({ eventTitle, badges }: { eventTitle: string; badges: BadgeData[] }) {
  const t = useT();
  const localize = useLocalized();
  return (
    <div className="badge-sheet flex flex-wrap gap-4">
      <style>{printCss}</style>
      {badges.map((badge) => (
        <article key={badge.id} className="badge flex flex-col items-center justify-between border border-line-strong bg-white p-[8mm] text-center shadow-sm" data-testid="badge">
          <p className="text-sm font-medium text-muted">{eventTitle}</p>
          <div>
            <p className="text-4xl font-extrabold leading-tight">{badge.name}</p>
            {badge.organization ? <p className="mt-2 text-xl">{badge.organization}</p> : null}
            {badge.jobTitle ? <p className="mt-1 text-base text-muted">{badge.jobTitle}</p> : null}
          </div>
          {/* The SVG comes from the qrcode library on our server, from the ticket code only. */}
          <div className="h-[45mm] w-[45mm] [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: badge.qrSvg }} />
          <p className="w-full rounded bg-ink py-2 text-lg font-bold text-white">{badge.category ? localize(badge.category.name, badge.category.nameEn) : t("checkin.badges.attendee")}</p>
        </article>
      ))}
    </div>
  );
}

/** The scanner's link to one attendee's printable badge; the event tells the page whose staff may open it. */
export const badgeHref = (registrationId: string, eventSlug: string) => `/checkin/badge/${registrationId}?event=${encodeURIComponent(eventSlug)}`;
