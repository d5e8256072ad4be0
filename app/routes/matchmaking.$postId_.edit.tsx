import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BoardPostForm } from "~/components/board/BoardPostForm";
import { ErrorPage } from "~/components/ErrorPage";
import { titled } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { ownPostForEditing, updateBoardPost } from "~/models/board-write.server";
import { getFirm } from "~/models/firm.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { boardPostSchema } from "~/schemas/board";
import { firmIdsOf, requireUser } from "~/auth/permissions.server";
import { notFound } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";

export const meta = titled("title.board-edit");

/** The author edits a post of theirs; saving puts it back in review (and off the board until approved). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    const draft = await ownPostForEditing(user.id, params.postId ?? "");
    if (!draft) notFound();
    const [firms, taxonomy] = await Promise.all([Promise.all(firmIdsOf(user).map((id) => getFirm(id).then((firm) => ({ id, name: firm.name, nameEn: firm.nameEn })))), listTaxonomy()]);
    return {
      draft,
      firms,
      industries: taxonomy.industries.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      scenarios: taxonomy.scenarios.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireUser(request));
  const postId = params.postId ?? "";
  return handleSubmission(request, boardPostSchema, async (input) => {
    await updateBoardPost({ id: user.id, firmIds: firmIdsOf(user) }, postId, input);
    return redirect(`/matchmaking/${postId}`);
  });
}

export default function EditBoardPost() {
  const { draft, firms, industries, scenarios } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/matchmaking/${draft.id}`} className="text-brand-700 underline">
          {t("board.back")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("board.edit.heading")}</h1>
      <BoardPostForm side={draft.side} firms={firms} industries={industries} scenarios={scenarios} draft={draft} lastResult={actionData?.result} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
