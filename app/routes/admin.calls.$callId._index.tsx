import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Flash } from "~/components/ui/Toast";
import { Button } from "~/components/ui/Button";
import { CallFactsForm } from "~/components/case-call/CallFactsForm";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { requireCall, setCallPublished, updateCall } from "~/models/case-call.server";
import { callFactsValues, callFormChoices } from "~/route-helpers/case-calls.server";
import { requireCallManager } from "~/auth/permissions.server";
import { callOverviewForms } from "~/schemas/case-call";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";

export const meta = titled("title.admin-calls");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireCallManager(request);
    const call = await requireCall(params.callId ?? "");
    return { slug: call.slug, published: Boolean(call.publishedAt), values: callFactsValues(call), ...(await callFormChoices()) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireCallManager(request);
    const callId = params.callId ?? "";
    const { t } = requestTranslator(request);
    return handleSubmission(request, callOverviewForms, async (form, reply) => {
      if (form.intent === "save") {
        await updateCall({ callId, facts: form.facts, actorUserId: user.id });
        return { result: reply(), notice: t("cases.admin.saved") };
      }
      await setCallPublished({ callId, published: form.intent === "publish", actorUserId: user.id });
      return { result: reply(), notice: t(form.intent === "publish" ? "cases.admin.published" : "cases.admin.unpublished") };
    });
  });
}

export default function CallOverview() {
  const { slug, published, values, taxonomy, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <Flash message={result && "notice" in result ? result.notice : null} />
      <div className="flex flex-wrap items-center gap-3">
        <Form method="post">
          <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
          <Button type="submit" variant={published ? "secondary" : "primary"}>
            {t(published ? "cases.admin.unpublish" : "cases.admin.publish")}
          </Button>
        </Form>
        {published ? (
          <Link to={`/calls/${slug}`} className="text-brand-700 underline">
            {t("cases.admin.viewPublic")}
          </Link>
        ) : null}
      </div>
      <CallFactsForm key={JSON.stringify(values)} values={values} taxonomy={taxonomy} zones={zones} lastResult={result?.result} submitLabel={t("action.save")} />
    </div>
  );
}
