import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { Flash } from "~/components/ui/Toast";
import { useT } from "~/i18n/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { recordRoleResponse, rolesForResponseToken } from "~/models/session-speaker.server";
import { responseSchema } from "~/schemas/agenda";
import { clientAddress, HttpError } from "~/utils/http.server";
import { handleSubmission, page } from "~/utils/route.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { requestTranslator } from "~/utils/i18n.server";
import { describeZone, formatDate, formatTime } from "~/utils/time";
import { titled } from "~/i18n/meta";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";

export const meta = titled("title.speaker-token", { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" });

async function scopeOrThrow(request: Request, token: string) {
  // Links are unguessable; the limit only stops someone trying many of them.
  if (!hitRateLimit(`speaker-link:${clientAddress(request)}`, 60, 60_000).allowed) throw new HttpError(429, "rate_limited", "error.tooManyRequests");
  const scope = await rolesForResponseToken(token);
  if (!scope) throw new HttpError(404, "not_found", "agenda.speaker.unknownLink");
  return scope;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return page(request, async () => {
    const { speaker, event, roles } = await scopeOrThrow(request, params.token ?? "");
    const { locale } = requestTranslator(request);
    return {
      speakerName: speaker.name,
      eventTitle: event.title,
      zone: describeZone(event.timeZone, event.startsAt),
      roles: roles.map((row) => ({
        id: row.id,
        role: row.role,
        confirmation: row.confirmation,
        session: row.session.title,
        room: row.session.room?.name ?? null,
        when: `${formatDate(row.session.startsAt, event.timeZone, locale)} ${formatTime(row.session.startsAt, event.timeZone)}–${formatTime(row.session.endsAt, event.timeZone)}`,
      })),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return page(request, async () => {
    const token = params.token ?? "";
    await scopeOrThrow(request, token);
    return handleSubmission(request, responseSchema, async (response, reply) => {
      await recordRoleResponse(token, response);
      return { result: reply(), notice: requestTranslator(request).t("agenda.speaker.saved") };
    });
  });
}

export default function SpeakerResponse() {
  const { speakerName, eventTitle, roles, zone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("agenda.speaker.heading")}</h1>
      <p className="mt-2">{t("agenda.speaker.intro", { name: speakerName, event: eventTitle })}</p>
      <p className="mt-1 text-sm text-muted">{t("agenda.public.zone", { zone })}</p>
      <div className="mt-4">
        <Flash message={result && "notice" in result ? result.notice : null} />
        {/* The buttons carry the answer: a refusal names no field the speaker could correct. */}
        <FormErrors messages={Object.values(result?.result.error ?? {}).flatMap((messages) => messages ?? [])} />
      </div>
      <ul className="mt-4 space-y-3">
        {roles.map((role) => (
          <Card key={role.id} as="li">
            <p className="text-sm text-muted">
              {role.when}
              {role.room ? ` · ${role.room}` : ""}
            </p>
            <p className="font-semibold">{role.session}</p>
            <p className="text-sm">
              {t(`agenda.role.${role.role}`)} · <span data-testid={`status-${role.id}`}>{t(`agenda.confirmation.${role.confirmation}`)}</span>
            </p>
            <Form method="post" className="mt-2 flex gap-2">
              <input type="hidden" name="sessionSpeakerId" value={role.id} />
              <Button type="submit" name="decision" value="CONFIRMED" disabled={role.confirmation === "CONFIRMED"}>
                {t("agenda.speaker.confirm")}
              </Button>
              <Button type="submit" name="decision" value="DECLINED" variant="secondary" disabled={role.confirmation === "DECLINED"}>
                {t("agenda.speaker.decline")}
              </Button>
            </Form>
          </Card>
        ))}
      </ul>
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
