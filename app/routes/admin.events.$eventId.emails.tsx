import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { EmailLog } from "~/components/EmailLog";
import { useT } from "~/i18n/react";
import { emailLogAction, emailLogPage } from "~/route-helpers/email-log.server";
import { page } from "~/utils/route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, () => emailLogPage(request, params.eventId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, () => emailLogAction(request, params.eventId ?? ""));
}

export default function EventEmails() {
  const t = useT();
  return (
    <div>
      <h2 className="mb-3 text-xl font-semibold">{t("registration.admin.emails.title")}</h2>
      <EmailLog />
    </div>
  );
}
