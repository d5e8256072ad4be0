import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { BoardPostCard } from "~/components/board/BoardPostCard";
import { ActionNotice } from "~/components/forms/ActionNotice";
import { answerFor } from "~/components/forms/answerFor";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Badge } from "~/components/ui/Badge";
import { Button, ButtonLink } from "~/components/ui/Button";
import { SelectField, TextAreaField } from "~/components/ui/FormField";
import { localized, translator } from "~/i18n";
import { useLocalized, useT } from "~/i18n/react";
import { boardPostForReader, listBoardPosts, rankCounterparts } from "~/models/board.server";
import { contactRequestChoices, requestContact } from "~/models/board-write.server";
import { fitReason } from "~/models/match-fit";
import { notFound } from "~/utils/http.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { handleSubmission, page } from "~/utils/route.server";
import { sessionUser } from "~/auth/session.server";
import { requireUser } from "~/auth/permissions.server";
import { requestTranslator } from "~/utils/i18n.server";
import { boardContactRequestSchema } from "~/schemas/board";
import { Card } from "~/components/ui/Card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/**
 * One need or offer, and the posts of the other side that fit it, best first, each with why. The contact is
 * in the page data only for its author and for authors whose contact request with it was accepted.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const locale = localeFromRequest(request);
    const t = translator(locale);
    const reader = await sessionUser(request);
    const found = await boardPostForReader(params.postId ?? "", reader?.id ?? null);
    if (!found) notFound();
    const others = await listBoardPosts({ side: found.post.side === "NEED" ? "OFFER" : "NEED" });
    const fits = rankCounterparts(found.post, others).map(({ post, fit }) => ({
      post,
      percent: Math.round(fit.score * 100),
      reason: fitReason(
        fit,
        {
          industry: found.post.industry && localized(locale, found.post.industry.name, found.post.industry.nameEn),
          scenario: found.post.scenario && localized(locale, found.post.scenario.name, found.post.scenario.nameEn),
        },
        locale,
      ),
    }));
    // What a contact request is sent from: the reader's own public posts (the author sees who asks).
    const choices = reader && !found.own && found.status === "APPROVED" ? await contactRequestChoices(reader.id, found.post.id) : { askFrom: [], asked: [] };
    return { title: `${localized(locale, found.post.title, found.post.titleEn)} · ${t("board.title")}`, ...found, fits, signedIn: !!reader, ...choices };
  });
}

/** A signed-in reader asks the author for contact; the author answers under My posts. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await page(request, () => requireUser(request));
  const { t } = requestTranslator(request);
  return handleSubmission(request, boardContactRequestSchema, async (form) => {
    await requestContact(user.id, { toPostId: params.postId ?? "", fromPostId: form.fromPostId, message: form.message });
    return { intent: "contact", notice: t("board.request.sent") };
  });
}

function budgetText(t: ReturnType<typeof useT>, min: number | null, max: number | null): string | null {
  const money = (value: number) => value.toLocaleString("en");
  if (min != null && max != null) return t("board.budget", { min: money(min), max: money(max) });
  if (min != null) return t("board.budgetFrom", { min: money(min) });
  if (max != null) return t("board.budgetUpTo", { max: money(max) });
  return null;
}

export default function BoardPostPage() {
  const { post, status, own, rejectionReason, contact, fits, signedIn, askFrom, asked } = useLoaderData<typeof loader>();
  const t = useT();
  const localizedText = useLocalized();
  const budget = budgetText(t, post.budgetMin, post.budgetMax);
  const details = localizedText(post.details, post.detailsEn);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p>
        <Link to="/matchmaking" className="text-sm text-brand-700 underline">
          {t("board.back")}
        </Link>
      </p>
      <p className="mt-4 flex flex-wrap items-center gap-2 text-sm text-muted">
        <Badge tone={post.side === "NEED" ? "warning" : "brand"}>{t(`board.side.${post.side}`)}</Badge>
        {post.industry ? <span>{localizedText(post.industry.name, post.industry.nameEn)}</span> : null}
        {post.scenario ? <span>· {localizedText(post.scenario.name, post.scenario.nameEn)}</span> : null}
        {own ? <Badge>{t(`board.status.${status}`)}</Badge> : null}
        {own ? (
          <ButtonLink to={`/matchmaking/${post.id}/edit`} variant="secondary" size="sm">
            {t("board.edit")}
          </ButtonLink>
        ) : null}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-ink">{localizedText(post.title, post.titleEn)}</h1>
      <p className="mt-1 text-muted">{localizedText(post.organizationName, post.organizationNameEn)}</p>
      {own && status === "REJECTED" && rejectionReason ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {t("board.rejected", { reason: rejectionReason })}
        </p>
      ) : null}
      <p className="mt-4 whitespace-pre-line">{localizedText(post.description, post.descriptionEn)}</p>
      {details ? (
        <section className="mt-6">
          <h2 className="text-lg font-semibold">{t(`board.details.${post.side}`)}</h2>
          <p className="mt-1 whitespace-pre-line">{details}</p>
        </section>
      ) : null}
      {budget ? <p className="mt-4 text-sm">{budget}</p> : null}
      {post.tags.length ? (
        <ul className="mt-4 flex flex-wrap gap-1" aria-label={t("board.filter.tag")}>
          {post.tags.map((tag) => (
            <li key={tag} className="rounded bg-subtle px-2 py-0.5 text-xs">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <Card as="section" className="mt-6">
        <h2 className="font-semibold">{t("board.contact")}</h2>
        {contact ? (
          <dl className="mt-1 text-sm">
            <dd>{contact.name}</dd>
            <dd>
              <a href={`mailto:${contact.email}`} className="underline">
                {contact.email}
              </a>
            </dd>
            {contact.phone ? <dd>{contact.phone}</dd> : null}
          </dl>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t("board.contact.hidden")}</p>
            {own ? null : <ContactRequest signedIn={signedIn} askFrom={askFrom} asked={asked} />}
          </>
        )}
      </Card>
      <section className="mt-8" aria-labelledby="board-fits">
        <h2 id="board-fits" className="mb-3 text-xl font-semibold">
          {t(`board.fits.${post.side}`)}
        </h2>
        {fits.length === 0 ? (
          <p className="text-muted">{t("board.fits.none")}</p>
        ) : (
          <ol className="grid gap-4 md:grid-cols-2">
            {fits.map((entry) => (
              <li key={entry.post.id}>
                <BoardPostCard post={entry.post}>
                  <p className="mt-auto text-sm">
                    <span className="font-semibold">{t("board.fit.score", { percent: entry.percent })}</span>
                    {entry.reason ? <span className="block text-muted">{entry.reason}</span> : null}
                  </p>
                </BoardPostCard>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

type AskFrom = { id: string; side: "NEED" | "OFFER"; title: string; titleEn: string; organizationName: string; organizationNameEn: string };

function ContactRequest({ signedIn, askFrom, asked }: { signedIn: boolean; askFrom: AskFrom[]; asked: string[] }) {
  const t = useT();
  const localizedText = useLocalized();
  const location = useLocation();
  const navigation = useNavigation();
  const answer = answerFor(useActionData<typeof action>(), "contact");
  const { form, errorOf } = useSubmissionForm(boardContactRequestSchema, { id: "board-contact", lastResult: answer?.result });
  if (!signedIn) {
    return (
      <p className="mt-3">
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} variant="secondary" size="sm">
          {t("board.request.signIn")}
        </ButtonLink>
      </p>
    );
  }
  if (askFrom.length === 0 && !answer?.notice) {
    if (asked.length > 0) return <p className="mt-3 text-sm">{t("board.request.asked")}</p>;
    return (
      <p className="mt-3 text-sm">
        {t("board.request.needPost")}{" "}
        <Link to="/matchmaking/mine" className="text-brand-700 underline">
          {t("board.mine.heading")}
        </Link>
      </p>
    );
  }
  return (
    <div className="mt-4">
      <h3 className="font-semibold">{t("board.request.heading")}</h3>
      <ActionNotice intent="contact" />
      {answer?.notice ? null : (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-2">
          <input type="hidden" name="intent" value="contact" />
          <SelectField label={t("board.request.from")} name="fromPostId" error={errorOf("fromPostId")} required>
            {askFrom.map((own) => (
              <option key={own.id} value={own.id}>
                {`${t(`board.side.${own.side}`)} · ${localizedText(own.title, own.titleEn)}`}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t("board.request.message")} name="message" error={errorOf("message")} maxLength={1000} required />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("board.request.send")}
          </Button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
