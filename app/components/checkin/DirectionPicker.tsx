import { useT } from "~/i18n/react";
import type { Direction } from "~/schemas/checkin";
import { buttonClass } from "~/components/ui/Button";

/** Entry or exit, for lists that count who is inside. */
export function DirectionPicker({ direction, onChange }: { direction: Direction; onChange: (direction: Direction) => void }) {
  const t = useT();
  return (
    <fieldset className="grid grid-cols-2 gap-2">
      <legend className="sr-only">{t("checkin.direction.label")}</legend>
      {(["entry", "exit"] as const).map((value) => (
        <label key={value} className={buttonClass({ variant: "secondary", className: `cursor-pointer text-lg ${direction === value ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : ""}` })}>
          <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => onChange(value)} className="sr-only" />
          {t(`checkin.direction.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
