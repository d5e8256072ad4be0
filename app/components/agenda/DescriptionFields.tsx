import { useT } from "~/i18n/react";
import { TextAreaField } from "~/components/ui/FormField";

type Props = { initial: (name: "description" | "descriptionEn") => string; errorOf: (name: string) => string | undefined };

/** The Chinese and English descriptions of an event or a series, as the forms of both edit them. */
export function DescriptionFields({ initial, errorOf }: Props) {
  const t = useT();
  return (
    <>
      <TextAreaField
        key={`description-${initial("description")}`}
        label={t("agenda.admin.event.description")}
        name="description"
        defaultValue={initial("description")}
        error={errorOf("description")}
      />
      <TextAreaField
        key={`descriptionEn-${initial("descriptionEn")}`}
        label={t("agenda.admin.event.descriptionEn")}
        name="descriptionEn"
        defaultValue={initial("descriptionEn")}
        error={errorOf("descriptionEn")}
      />
    </>
  );
}
