import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { TextAreaField } from "~/components/ui/FormField";
import { Flash } from "~/components/ui/Toast";
import { titled } from "~/i18n/meta";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { listPendingPosts, moderatePost } from "~/models/board-write.server";
import { boardModerationSchema } from "~/schemas/board";
import { requireProgrammeManager } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { programmeZone, zonedStamp } from "~/utils/time";

export const meta = titled("title.board-admin");

/** The board's moderation queue: organizers of the programme approve a post (it goes public) or reject it with a reason. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    await requireProgrammeManager(request);
    return { posts: await listPendingPosts() };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await page(request, () => requireProgrammeManager(request));
  const { t } = requestTranslator(request);
  return handleSubmission(request, boardModerationSchema, async (decision) => {
    await moderatePost(user.id, decision);
    return { postId: decision.postId, notice: t(decision.intent === "approve" ? "board.admin.approved" : "board.admin.rejectedNotice") };
  });
}

type Answer = { postId?: string; notice?: string; result?: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null } } | undefined;

export default function BoardModeration() {
  const { posts } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer;
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const answeredPost = answer?.postId ?? (answer?.result?.initialValue?.postId as string | undefined);
  const general = answer?.result?.error?.[""] ?? [];
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("title.board-admin")}</h1>
      <p className="mt-2 text-muted">{t("board.admin.intro")}</p>
      <Flash message={answer?.notice} className="mt-3" />
      {answeredPost && !posts.some((post) => post.id === answeredPost) ? <FormErrors messages={general} /> : null}
      {posts.length === 0 ? (
        <EmptyState title={t("board.admin.none")} />
      ) : (
        <ul className="mt-4 space-y-4">
          {posts.map((post) => (
            <Card as="li" key={post.id}>
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                <Badge tone={post.side === "NEED" ? "warning" : "brand"}>{t(`board.side.${post.side}`)}</Badge>
                {post.industry ? <span>{localized(post.industry.name, post.industry.nameEn)}</span> : null}
                {post.scenario ? <span>· {localized(post.scenario.name, post.scenario.nameEn)}</span> : null}
                <span>· {t("board.mine.updated", { when: zonedStamp(post.updatedAt, programmeZone, locale) })}</span>
              </p>
              <h2 className="mt-1 text-lg font-semibold">{localized(post.title, post.titleEn)}</h2>
              <p className="text-muted">
                {localized(post.organizationName, post.organizationNameEn)}
                {post.firm ? ` · ${localized(post.firm.name, post.firm.nameEn)}` : ""}
              </p>
              {post.author ? <p className="text-sm text-muted">{t("board.admin.author", { name: post.author.name, email: post.author.email })}</p> : null}
              <p className="mt-2 whitespace-pre-line">{localized(post.description, post.descriptionEn)}</p>
              {post.details ? (
                <>
                  <h3 className="mt-2 text-sm font-semibold">{t(`board.details.${post.side}`)}</h3>
                  <p className="whitespace-pre-line text-sm">{localized(post.details, post.detailsEn)}</p>
                </>
              ) : null}
              {post.tags.length ? <p className="mt-2 text-sm">{post.tags.join(" · ")}</p> : null}
              <p className="mt-2 text-sm">
                {t("board.contact")}: {post.contact.name} · {post.contact.email}
                {post.contact.phone ? ` · ${post.contact.phone}` : ""}
              </p>
              <ModerationForms postId={post.id} answer={answeredPost === post.id ? answer : undefined} />
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}

function ModerationForms({ postId, answer }: { postId: string; answer: Answer }) {
  const t = useT();
  const navigation = useNavigation();
  const reject = useSubmissionForm(boardModerationSchema, { id: `reject-${postId}`, lastResult: answer?.result as never });
  const busy = navigation.state === "submitting";
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2">
      <Form method="post">
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="postId" value={postId} />
        <Button type="submit" disabled={busy}>
          {t("board.admin.approve")}
        </Button>
      </Form>
      <Form method="post" id={reject.form.id} onSubmit={reject.form.onSubmit} noValidate>
        <FormErrors messages={reject.formErrors} />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="postId" value={postId} />
        <TextAreaField id={`reason-${postId}`} label={t("board.admin.reason")} name="reason" error={reject.errorOf("reason")} maxLength={500} required />
        <Button type="submit" variant="danger" disabled={busy}>
          {t("board.admin.reject")}
        </Button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
