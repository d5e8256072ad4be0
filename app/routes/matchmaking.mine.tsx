import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { Badge, type BadgeTone } from "~/components/ui/Badge";
import { Button, ButtonLink } from "~/components/ui/Button";
import { EmptyState } from "~/components/ui/EmptyState";
import { Flash } from "~/components/ui/Toast";
import { titled } from "~/i18n/meta";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { decideContact, listOwnPosts } from "~/models/board-write.server";
import { boardRequestDecisionSchema } from "~/schemas/board";
import { firmIdsOf, requireUser } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { programmeZone, zonedStamp } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.board-mine");

const statusTone: Record<string, BadgeTone> = { PENDING: "warning", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral", ACCEPTED: "success", DECLINED: "neutral", CANCELLED: "neutral" };

/** "My posts": the author's needs and offers with their review state, and contact requests to answer. */
export async function loader({ request }: LoaderFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    return { posts: await listOwnPosts(user.id), mayOffer: firmIdsOf(user).length > 0 };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await page(request, () => requireUser(request));
  const { t } = requestTranslator(request);
  return handleSubmission(request, boardRequestDecisionSchema, async (form) => {
    await decideContact(user.id, form.requestId, form.intent);
    return { requestId: form.requestId, notice: t(form.intent === "accept" ? "board.mine.accepted" : "board.mine.declined") };
  });
}

export default function MyBoardPosts() {
  const { posts, mayOffer } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const navigation = useNavigation();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm">
        <Link to="/matchmaking" className="text-brand-700 underline">
          {t("board.back")}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("board.mine.heading")}</h1>
      <p className="mt-2 text-muted">{t("board.mine.intro")}</p>
      <p className="mt-4 flex flex-wrap gap-2">
        <ButtonLink to="/matchmaking/new?side=NEED">{t("board.post.NEED")}</ButtonLink>
        {mayOffer ? (
          <ButtonLink to="/matchmaking/new?side=OFFER" variant="secondary">
            {t("board.post.OFFER")}
          </ButtonLink>
        ) : null}
      </p>
      {posts.length === 0 ? (
        <EmptyState title={t("board.mine.none")} />
      ) : (
        <ul className="mt-6 space-y-6">
          {posts.map((post) => (
            <Card key={post.id} as="li">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={post.side === "NEED" ? "warning" : "brand"}>{t(`board.side.${post.side}`)}</Badge>
                <Badge tone={statusTone[post.status]}>{t(`board.status.${post.status}`)}</Badge>
                <span className="text-muted">{t("board.mine.updated", { when: zonedStamp(post.updatedAt, programmeZone, locale) })}</span>
              </p>
              <h2 className="mt-2 text-lg font-semibold">
                <Link to={`/matchmaking/${post.id}`} className="hover:underline">
                  {localized(post.title, post.titleEn)}
                </Link>
              </h2>
              {post.status === "REJECTED" && post.rejectionReason ? <p className="mt-1 text-sm text-danger">{t("board.rejected", { reason: post.rejectionReason })}</p> : null}
              <p className="mt-2">
                <ButtonLink to={`/matchmaking/${post.id}/edit`} variant="secondary" size="sm">
                  {t("board.edit")}
                </ButtonLink>
              </p>
              {post.requestsReceived.length > 0 ? (
                <section className="mt-4">
                  <h3 className="font-semibold">{t("board.mine.received")}</h3>
                  <ul className="mt-2 space-y-3">
                    {post.requestsReceived.map((request) => (
                      <li key={request.id} className="rounded border border-line p-3">
                        <p className="flex flex-wrap items-center gap-2 text-sm">
                          <Badge tone={statusTone[request.status]}>{t(`board.requestStatus.${request.status}`)}</Badge>
                          <Link to={`/matchmaking/${request.fromPost.id}`} className="underline">
                            {t("board.mine.from", {
                              title: `${localized(request.fromPost.organizationName, request.fromPost.organizationNameEn)} · ${localized(request.fromPost.title, request.fromPost.titleEn)}`,
                            })}
                          </Link>
                        </p>
                        <p className="mt-1 whitespace-pre-line text-sm">{request.message}</p>
                        <DecisionNotice requestId={request.id} />
                        {request.status === "PENDING" ? (
                          <Form method="post" className="mt-2 flex gap-2">
                            <input type="hidden" name="requestId" value={request.id} />
                            <Button type="submit" name="intent" value="accept" size="sm" disabled={navigation.state === "submitting"}>
                              {t("board.mine.accept")}
                            </Button>
                            <Button type="submit" name="intent" value="decline" size="sm" variant="secondary" disabled={navigation.state === "submitting"}>
                              {t("board.mine.decline")}
                            </Button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {post.requestsSent.length > 0 ? (
                <section className="mt-4">
                  <h3 className="font-semibold">{t("board.mine.sent")}</h3>
                  <ul className="mt-2 space-y-2">
                    {post.requestsSent.map((request) => (
                      <li key={request.id} className="flex flex-wrap items-center gap-2 text-sm">
                        <Badge tone={statusTone[request.status]}>{t(`board.requestStatus.${request.status}`)}</Badge>
                        <Link to={`/matchmaking/${request.toPost.id}`} className="underline">
                          {t("board.mine.to", {
                            title: `${localized(request.toPost.organizationName, request.toPost.organizationNameEn)} · ${localized(request.toPost.title, request.toPost.titleEn)}`,
                          })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
    </main>
  );
}

type Answer = { requestId?: string; notice?: string; result?: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null } } | undefined;

/** The answer to the accept/decline of this request (its notice, or why it was refused), next to it. */
function DecisionNotice({ requestId }: { requestId: string }) {
  const answer = useActionData<typeof action>() as Answer;
  if (answer?.requestId === requestId) return <Flash message={answer.notice} className="mt-2" />;
  if (answer?.result?.initialValue?.requestId === requestId) return <FormErrors messages={answer.result.error?.[""] ?? []} />;
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
