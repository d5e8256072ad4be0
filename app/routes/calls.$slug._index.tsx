import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/ErrorPage";
import { LocalTime } from "~/components/LocalTime";
import { Localized } from "~/components/Localized";
import { Badge } from "~/components/ui/Badge";
import { Button, ButtonLink } from "~/components/ui/Button";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";
import { getPublishedCall } from "~/models/case-call.server";
import { publicCaseCount } from "~/models/case-library.server";
import { callPhase } from "~/models/case-deadline";
import { listOwnSubmissions, startSubmission } from "~/models/case-submission.server";
import { listTaxonomy } from "~/models/taxonomy.server";
import { getFirm } from "~/models/firm.server";
import { firmIdsOf, isContributor, requireUser } from "~/auth/permissions.server";
import { sessionUser } from "~/auth/session.server";
import { HttpError } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { zonedStamp } from "~/utils/time";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.call");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const call = await getPublishedCall(params.slug ?? "");
    const user = request.headers.get("Cookie") ? await sessionUser(request) : null;
    const firmIds = user ? firmIdsOf(user) : [];
    const [taxonomy, own, firms, publishedCases] = await Promise.all([
      listTaxonomy(),
      user ? listOwnSubmissions({ userId: user.id, firmIds, callId: call.id }) : [],
      Promise.all(firmIds.map(async (id) => ({ id, ...(await getFirm(id).then((firm) => ({ name: firm.name, nameEn: firm.nameEn }))) }))),
      publicCaseCount(call.id),
    ]);
    const term = ({ code, name, nameEn }: { code: string; name: string; nameEn: string }) => ({ code, name, nameEn });
    return {
      call: {
        slug: call.slug,
        title: call.title,
        titleEn: call.titleEn,
        description: call.description,
        descriptionEn: call.descriptionEn,
        eligibility: call.eligibility,
        eligibilityEn: call.eligibilityEn,
        licence: call.licence,
        licenceEn: call.licenceEn,
        timeZone: call.timeZone,
        opensAt: call.opensAt.toISOString(),
        closesAt: call.closesAt.toISOString(),
        phase: callPhase(call, new Date()),
        publishedCases,
        industries: taxonomy.industries.filter((item) => call.industryCodes.includes(item.code)).map(term),
        scenarios: taxonomy.scenarios.filter((item) => call.scenarioCodes.includes(item.code)).map(term),
      },
      viewer: user ? { signedIn: true, contributor: isContributor(user), firms } : { signedIn: false, contributor: false, firms: [] },
      own: own.map((row) => ({ id: row.id, title: row.title, titleEn: row.titleEn, status: row.status })),
    };
  });
}

const startForm = z.object({ intent: z.literal("start"), firmId: z.string().max(64).optional() });

/** Starts a draft: a firm contact for one of their firms, a contributor for the organisation they named. */
export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const user = await requireUser(request);
    const call = await getPublishedCall(params.slug ?? "");
    return handleSubmission(request, startForm, async ({ firmId }) => {
      const firms = firmIdsOf(user);
      if (firmId ? !firms.includes(firmId) : !isContributor(user)) throw new HttpError(403, "forbidden", "error.forbidden.body");
      const previous = firmId ? null : (await listOwnSubmissions({ userId: user.id, firmIds: [], callId: call.id })).find((row) => !row.firmId);
      const submission = await startSubmission({ callId: call.id, user, firmId: firmId ?? null, organizationName: previous?.organizationName ?? "" });
      return redirect(`/submissions/${submission.id}`);
    });
  });
}

const tone = { open: "success", upcoming: "info", closed: "neutral" } as const;

function Paragraphs({ zh, en }: { zh: string; en: string }) {
  return (
    <div className="whitespace-pre-line text-ink">
      <Localized zh={zh} en={en} />
    </div>
  );
}

export default function CallPage() {
  const { call, viewer, own } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const localized = useLocalized();
  const open = call.phase === "open";
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm">
        <Link to="/calls" className="text-brand-700 underline">
          {t("cases.public.heading")}
        </Link>
      </p>
      <Badge tone={tone[call.phase]}>{t(`cases.phase.${call.phase}`)}</Badge>
      <h1 className="mt-2 text-3xl font-bold text-ink">
        <Localized zh={call.title} en={call.titleEn} />
      </h1>
      <Card className="mt-4 text-sm">
        <p>{t("cases.public.opens", { when: `${zonedStamp(call.opensAt, call.timeZone, locale)} (${call.timeZone})` })}</p>
        <p className="font-semibold">{t("cases.public.deadline", { when: `${zonedStamp(call.closesAt, call.timeZone, locale)} (${call.timeZone})` })}</p>
        <p className="text-muted">
          {t("cases.public.deadlineYours", { when: "" })}
          <LocalTime iso={call.closesAt} />
        </p>
      </Card>
      {call.publishedCases ? (
        <Card as="section" className="mt-4 flex flex-wrap items-center justify-between gap-3" aria-label={t("caseLibrary.booklet.open")}>
          <p>{t("caseLibrary.booklet.fromCall", { count: call.publishedCases })}</p>
          <p className="flex flex-wrap gap-2">
            <ButtonLink to={`/cases?call=${call.slug}`} variant="secondary">
              {t("caseLibrary.firm.all")}
            </ButtonLink>
            <ButtonLink to={`/cases/booklet/${call.slug}`}>{t("caseLibrary.booklet.open")}</ButtonLink>
          </p>
        </Card>
      ) : null}
      <section className="mt-6">
        <Paragraphs zh={call.description} en={call.descriptionEn} />
      </section>
      <section className="mt-6" aria-labelledby="themes">
        <h2 id="themes" className="text-xl font-semibold">
          {t("cases.public.themes")}
        </h2>
        {call.industries.length + call.scenarios.length === 0 ? (
          <p className="mt-2 text-muted">{t("cases.public.anyTheme")}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {[...call.industries, ...call.scenarios].map((term) => (
              <li key={term.code}>
                <Badge tone="brand">{localized(term.name, term.nameEn)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
      {call.eligibility ? (
        <section className="mt-6" aria-labelledby="eligibility">
          <h2 id="eligibility" className="text-xl font-semibold">
            {t("cases.public.eligibility")}
          </h2>
          <Paragraphs zh={call.eligibility} en={call.eligibilityEn} />
        </section>
      ) : null}
      <Card as="section" className="mt-6" aria-labelledby="how">
        <h2 id="how" className="text-xl font-semibold">
          {t("cases.public.howTo")}
        </h2>
        {!open ? <p className="mt-2">{call.phase === "closed" ? t("cases.public.closedNote") : t(`cases.phase.${call.phase}`)}</p> : null}
        {own.length ? (
          <>
            <h3 className="mt-3 font-semibold">{t("cases.public.yours")}</h3>
            <ul className="mt-1 list-disc pl-5">
              {own.map((row) => (
                <li key={row.id}>
                  <Link to={`/submissions/${row.id}`} className="text-brand-700 underline">
                    {row.title ? localized(row.title, row.titleEn) : t("cases.public.untitled")}
                  </Link>{" "}
                  · {t(`cases.status.${row.status}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {open && viewer.signedIn ? (
          <div className="mt-3 flex flex-wrap gap-2">
            {viewer.firms.map((firm) => (
              <Form method="post" key={firm.id}>
                <input type="hidden" name="intent" value="start" />
                <input type="hidden" name="firmId" value={firm.id} />
                <Button type="submit">{t("cases.public.startFor", { firm: localized(firm.name, firm.nameEn) })}</Button>
              </Form>
            ))}
            {viewer.contributor ? (
              <Form method="post">
                <input type="hidden" name="intent" value="start" />
                <Button type="submit">{t("cases.public.start")}</Button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {open && !viewer.signedIn ? (
          <div className="mt-2 space-y-2">
            <p>{t("cases.public.memberHow")}</p>
            <p>{t("cases.public.contributorHow")}</p>
            <div className="flex flex-wrap gap-2">
              <ButtonLink to={`/login?redirectTo=${encodeURIComponent(`/calls/${call.slug}`)}`} variant="secondary">
                {t("cases.public.signIn")}
              </ButtonLink>
              <ButtonLink to={`/calls/${call.slug}/contribute`}>{t("cases.public.createAccount")}</ButtonLink>
            </div>
          </div>
        ) : null}
      </Card>
      {call.licence ? (
        <section className="mt-6" aria-labelledby="licence">
          <h2 id="licence" className="text-xl font-semibold">
            {t("cases.public.licence")}
          </h2>
          <Paragraphs zh={call.licence} en={call.licenceEn} />
        </section>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
