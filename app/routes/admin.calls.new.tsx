import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CallFactsForm } from "~/components/case-call/CallFactsForm";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { createCall } from "~/models/case-call.server";
import { callFactsValues, callFormChoices } from "~/route-helpers/case-calls.server";
import { requireCallManager } from "~/auth/permissions.server";
import { callFactsSchema } from "~/schemas/case-call";
import { handleSubmission, page } from "~/utils/route.server";

export const meta = titled("title.admin-calls-new");

export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    return { values: callFactsValues(null), ...(await callFormChoices()) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireCallManager(request);
    return handleSubmission(request, callFactsSchema, async (facts) => {
      const call = await createCall({ facts, actorUserId: user.id });
      return redirect(`/admin/calls/${call.id}`);
    });
  });
}

export default function NewCall() {
  const { values, taxonomy, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link to="/admin/calls" className="text-brand-700 underline">
          {t("cases.admin.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("title.admin-calls-new")}</h1>
      <CallFactsForm values={values} taxonomy={taxonomy} zones={zones} lastResult={result?.result} submitLabel={t("cases.admin.create")} />
    </div>
  );
}
