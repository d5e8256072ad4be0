import { useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";
import { ButtonAnchor } from "~/components/ui/Button";

/** The event page's QR code (for a phone beside a laptop screen) and its share poster for group chats. */
export function EventShareBlock({ slug }: { slug: string }) {
  const t = useT();
  const base = `/events/${encodeURIComponent(slug)}`;
  return (
    <Card as="section" className="mt-6 flex items-center gap-4" aria-labelledby="share-heading" data-testid="event-share">
      <img src={`${base}/qr.png`} alt={t("share.block.qrAlt")} width={120} height={120} loading="lazy" decoding="async" className="size-[120px] shrink-0" />
      <div>
        <h2 id="share-heading" className="font-semibold">
          {t("share.block.heading")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("share.block.hint")}</p>
        <ButtonAnchor variant="secondary" className="mt-3" href={`${base}/poster.png`} download={`${slug}-poster.png`}>
          {t("share.block.download")}
        </ButtonAnchor>
      </div>
    </Card>
  );
}
