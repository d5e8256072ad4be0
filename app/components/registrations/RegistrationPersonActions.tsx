import { Form, useNavigation } from "@remix-run/react";
import { Button, buttonClass } from "~/components/ui/Button";
import { useT } from "~/i18n/react";
import { Card } from "~/components/ui/Card";

/**
 * What the list offers for one person, on their page: approve or decline while a decision is open, cancel while
 * the registration holds or waits for a place, re-issue a confirmed ticket. Destructive steps sit behind a
 * disclosure that says what they do.
 */
export function RegistrationPersonActions({ status, email }: { status: string; email: string }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const open = !["REJECTED", "CANCELLED"].includes(status);
  return (
    <Card as="section" className="min-w-0" aria-labelledby="person-actions">
      <h3 id="person-actions" className="mb-2 font-semibold">
        {t("registrations.person.actions")}
      </h3>
      <div className="flex flex-wrap items-start gap-2">
        {status === "PENDING_APPROVAL" ? (
          <Form method="post" className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="approve" disabled={busy}>
              {t("registrations.person.approve")}
            </Button>
            <Button type="submit" name="intent" value="reject" variant="danger" disabled={busy}>
              {t("registrations.person.reject")}
            </Button>
          </Form>
        ) : null}
        {status === "CONFIRMED" ? (
          <details className="text-sm">
            <summary className={buttonClass({ variant: "secondary", className: "cursor-pointer list-none" })}>{t("registration.admin.reissue.button")}</summary>
            <Form method="post" className="mt-2 grid gap-2">
              <p className="break-words">{t("registration.admin.reissue.warning", { email })}</p>
              <Button type="submit" name="intent" value="reissue" variant="danger" className="w-max" disabled={busy}>
                {t("registration.admin.reissue.confirm")}
              </Button>
            </Form>
          </details>
        ) : null}
        {open ? (
          <details className="text-sm">
            <summary className={buttonClass({ variant: "secondary", className: "cursor-pointer list-none" })}>{t("registrations.person.cancel")}</summary>
            <Form method="post" className="mt-2 grid gap-2">
              <p>{t("registrations.person.cancelConfirm")}</p>
              <Button type="submit" name="intent" value="cancel" variant="danger" className="w-max" disabled={busy}>
                {t("registrations.list.confirm.yes")}
              </Button>
            </Form>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
