import { useLocalized, useT } from "~/i18n/react";
import { firmInitials } from "~/utils/firm-initials";

const sizes = { md: "h-14 w-14 text-lg", lg: "h-20 w-20 text-2xl" } as const;

/** A member firm's logo, or its initials on a brand tile when it has none (decorative then: the name is next to it). */
export function FirmLogo({ firm, size = "md" }: { firm: { name: string; nameEn: string; logo: string | null }; size?: keyof typeof sizes }) {
  const t = useT();
  const localized = useLocalized();
  const name = localized(firm.name, firm.nameEn);
  const pixels = size === "lg" ? 80 : 56;
  return firm.logo ? (
    <img
      src={firm.logo}
      alt={t("programme.directory.logoAlt", { firm: name })}
      width={pixels}
      height={pixels}
      loading="lazy"
      className={`${sizes[size]} shrink-0 rounded-lg border border-line bg-surface object-contain p-1`}
    />
  ) : (
    <span aria-hidden="true" className={`${sizes[size]} flex shrink-0 items-center justify-center rounded-lg bg-brand-100 font-bold text-brand-800`}>
      {firmInitials(firm.name)}
    </span>
  );
}
