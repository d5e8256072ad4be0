import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { EmailLog } from "~/components/EmailLog";
import { useT } from "~/i18n/react";
import { emailLogAction, emailLogPage } from "~/route-helpers/email-log.server";
import { page } from "~/utils/route.server";

/** Every message the reader may see: admins all, organizers their events' (and the programme's when they run it). */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, () => emailLogPage(request));
}

export async function action({ request }: ActionFunctionArgs) {
  return page(request, () => emailLogAction(request));
}

export default function AllEmails() {
  const t = useT();
  return (
    <div>
      <h1 className="mb-3 text-2xl font-bold">{t("registration.admin.emails.title")}</h1>
      <EmailLog />
    </div>
  );
}
