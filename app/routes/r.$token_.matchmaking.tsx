import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormErrors } from "~/components/forms/FormErrors";
import { MatchmakingActionsProvider, formKeyOf, type ActionAnswer } from "~/components/matchmaking-manage/action-answer";
import { OptOut } from "~/components/matchmaking-manage/OptOut";
import { Participants } from "~/components/matchmaking-manage/Participants";
import { ProfileForm } from "~/components/matchmaking-manage/ProfileForm";
import { Requests } from "~/components/matchmaking-manage/Requests";
import { Schedule } from "~/components/matchmaking-manage/Schedule";
import { Flash } from "~/components/ui/Toast";
import { titled } from "~/i18n/meta";
import { useLocalized, useT } from "~/i18n/react";
import { matchmakingManageView, optOut } from "~/models/matchmaking-manage.server";
import { acceptRequest, checkInToMeeting, declineRequest, describeFit, matchmakingForToken, saveFollowUp, saveProfile, sendRequest } from "~/models/matchmaking.server";
import { matchmakingManageForms } from "~/schemas/matchmaking";
import { clientAddress, HttpError } from "~/utils/http.server";
import { requestTranslator } from "~/utils/i18n.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { handleSubmission, page } from "~/utils/route.server";
import { formatDate, formatTime } from "~/utils/time";

/**
 * Event matchmaking behind the manage link (issue 18 §2–§4), no account needed: the profile (opt in, change,
 * leave), suggested participants with the reasons, requests both ways, the meeting schedule with check-in at
 * the table and the follow-up. Other participants appear only with what they chose to share.
 */
export const meta = titled("title.matchmaking-manage", { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" });

// The link is a secret: no shared caches, no referrer.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { t, locale } = requestTranslator(request);
    const view = await matchmakingManageView(params.token ?? "");
    return { ...view, participants: view.participants.map((participant) => ({ ...participant, reasons: describeFit(participant.reasons, t, locale) })) };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t, locale } = requestTranslator(request);
  const token = params.token ?? "";
  return handleSubmission(request, matchmakingManageForms, async (form, reply): Promise<ActionAnswer> => {
    if (!hitRateLimit(`manage:${clientAddress(request)}`, 30, 60_000).allowed) throw new HttpError(429, "rate_limited", "error.tooManyRequests");
    const done = (notice: string) => ({ result: reply(), key: formKeyOf(form), ok: true, notice });
    switch (form.intent) {
      case "profile": {
        const { intent: _intent, ...input } = form;
        await saveProfile(token, input);
        return done(t("matchmaking.profile.saved"));
      }
      case "request":
        await sendRequest(token, { to: form.to, message: form.message });
        return done(t("matchmaking.participants.sent"));
      case "accept": {
        const { meeting } = await acceptRequest(token, form.requestId);
        const { event } = (await matchmakingForToken(token)).registration;
        const time = `${formatDate(meeting.startsAt, event.timeZone, locale)} ${formatTime(meeting.startsAt, event.timeZone)}–${formatTime(meeting.endsAt, event.timeZone)}`;
        return done(t("matchmaking.requests.accepted", { time, table: meeting.table }));
      }
      case "decline":
        await declineRequest(token, form.requestId);
        return done(t("matchmaking.requests.declined"));
      case "checkin": {
        const { table } = await checkInToMeeting(token, form.meetingId);
        return done(t("matchmaking.meetings.checkedInNotice", { table }));
      }
      case "followup":
        await saveFollowUp(token, form);
        return done(t("matchmaking.followUp.saved"));
      case "optout": {
        const { released } = await optOut(token);
        return done(released ? t("matchmakingManage.optedOutReleased", { count: released }) : t("matchmakingManage.optedOut"));
      }
    }
  });
}

export default function MatchmakingManage() {
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const localized = useLocalized();
  const managePath = useLocation().pathname.replace(/\/matchmaking\/?$/, "");
  const key = answer ? ("key" in answer ? answer.key : formKeyOf(answer.result.initialValue ?? {})) : null;
  const notice = answer && "notice" in answer ? answer.notice : null;
  // A refusal of a one-button form (accept, decline, check-in) has no form of its own to show it.
  const refusals = answer && !("notice" in answer) && key && !key.includes(":") && key !== "profile" ? (answer.result.error?.[""] ?? []) : [];
  const { profile } = view;
  return (
    <MatchmakingActionsProvider value={{ key, result: answer?.result ?? null }}>
      <main id="main" className="mx-auto max-w-xl px-4 py-6">
        <p className="text-sm">
          <Link to={managePath} className="text-brand-700 underline">
            {t("matchmaking.page.back")}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{t("matchmaking.page.title")}</h1>
        <p className="mt-1 font-medium">{localized(view.event.title, view.event.titleEn)}</p>
        <div className="mt-4" aria-live="polite">
          {notice ? <Flash message={notice} testId="matchmaking-notice" /> : null}
          <FormErrors messages={refusals} />
        </div>
        {profile ? (
          <nav aria-label={t("matchmakingManage.sections")} className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href="#schedule-heading" className="text-brand-700 underline">
              {t("matchmaking.meetings.title")}
            </a>
            <a href="#requests-heading" className="text-brand-700 underline">
              {t("matchmaking.requests.title")}
            </a>
            <a href="#participants-heading" className="text-brand-700 underline">
              {t("matchmaking.participants.title")}
            </a>
            <a href="#profile-heading" className="text-brand-700 underline">
              {t("matchmaking.profile.title")}
            </a>
          </nav>
        ) : (
          <p className="mb-2 text-muted">{t("matchmakingManage.intro")}</p>
        )}
        {profile ? (
          <>
            <Schedule meetings={view.meetings} timeZone={view.event.timeZone} icsHref={`${managePath}/matchmaking.ics`} />
            <Requests requests={view.requests} />
            <Participants participants={view.participants} industries={view.industries} />
          </>
        ) : null}
        <ProfileForm profile={profile} slots={view.slots} industries={view.industries} own={view.own} open={view.optInOpen} timeZone={view.event.timeZone} />
        {profile ? <OptOut /> : null}
      </main>
    </MatchmakingActionsProvider>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
