import { Flash } from "~/components/ui/Toast";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { ButtonLink } from "~/components/ui/Button";

export const meta = titled("title.programme-apply-amended", { name: "robots", content: "noindex" });

/** Where a successful amend lands (post/redirect/get), so a reload does not show the used-up link. */
export default function AmendedPage() {
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("programme.amend.title")}</h1>
      <Flash className="mt-4" message={t("programme.amend.done")} />
      <ButtonLink to="/programme" variant="secondary" className="mt-6">
        {t("programme.apply.backToProgramme")}
      </ButtonLink>
    </main>
  );
}
