import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/Button";
import { useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";

/** Leaving matchmaking, apart from the profile form and confirmed first: it cancels meetings of others too. */
export function OptOut() {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <Card as="section" className="mt-6" aria-labelledby="opt-out-heading">
      <h2 id="opt-out-heading" className="font-semibold">
        {t("matchmakingManage.optOut")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("matchmakingManage.optOutHint")}</p>
      <Form method="post" className="mt-3" onSubmit={(submit) => !window.confirm(t("matchmakingManage.optOutConfirm")) && submit.preventDefault()}>
        <input type="hidden" name="intent" value="optout" />
        <Button type="submit" variant="secondary" className="text-danger" disabled={busy}>
          {t("matchmakingManage.optOut")}
        </Button>
      </Form>
    </Card>
  );
}
