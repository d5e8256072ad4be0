import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BoardPostForm } from "~/components/board/BoardPostForm";
import { ErrorPage } from "~/components/ErrorPage";
import { titled } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { createBoardPost } from "~/models/board-write.server";
import { getFirm } from "~/models/firm.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { boardPostSchema } from "~/schemas/board";
import { firmIdsOf, requireUser } from "~/auth/permissions.server";
import { HttpError } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";

export const meta = titled("title.board-new");

/**
 * A new need (any signed-in account: a contributor, a firm contact) or offer (a member firm's contact, from
 * the firm portal). It waits for review; the author lands on its page, which says so.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    const side: "NEED" | "OFFER" = new URL(request.url).searchParams.get("side") === "OFFER" ? "OFFER" : "NEED";
    const firmIds = firmIdsOf(user);
    if (side === "OFFER" && firmIds.length === 0) throw new HttpError(403, "forbidden", "board.error.offerNeedsFirm");
    const [firms, taxonomy] = await Promise.all([Promise.all(firmIds.map((id) => getFirm(id).then((firm) => ({ id, name: firm.name, nameEn: firm.nameEn })))), listTaxonomy()]);
    return {
      side,
      firms,
      industries: taxonomy.industries.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      scenarios: taxonomy.scenarios.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      draft: { firmId: firms[0]?.id ?? "", organizationName: firms[0]?.name ?? "", organizationNameEn: firms[0]?.nameEn ?? "", contactName: user.name, contactEmail: user.email },
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await page(request, () => requireUser(request));
  return handleSubmission(request, boardPostSchema, async (input) => {
    const id = await createBoardPost({ id: user.id, firmIds: firmIdsOf(user) }, input);
    return redirect(`/matchmaking/${id}`);
  });
}

export default function NewBoardPost() {
  const { side, firms, industries, scenarios, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to="/matchmaking/mine" className="text-brand-700 underline">
          {t("board.mine.heading")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t(`board.post.${side}`)}</h1>
      <BoardPostForm side={side} firms={firms} industries={industries} scenarios={scenarios} draft={draft} lastResult={actionData?.result} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
