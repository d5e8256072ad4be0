import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms/FormErrors";
import { useSubmissionForm } from "~/components/forms/useSubmissionForm";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { TextAreaField } from "~/components/ui/FormField";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { MatchSideName } from "~/models/matchmaking-rules";
import { manageRequestForm } from "~/schemas/matchmaking";
import { useLastResult } from "./action-answer";
import type { Industry } from "./ProfileForm";
import { SharedDetails, useDisplayName, type Shared } from "./who";

type RequestStatus = "pending" | "accepted" | "declined" | "cancelled";

export type Suggestion = {
  id: string;
  side: MatchSideName;
  offers: string;
  needs: string;
  tags: string[];
  industry: string | null;
  shared: Shared;
  reasons: string[];
  request: { id: string; direction: "sent" | "received"; status: RequestStatus } | null;
};

/** The other participants, best fit first, each with the reasons in words and a request form. */
export function Participants({ participants, industries }: { participants: Suggestion[]; industries: Industry[] }) {
  const t = useT();
  return (
    <section className="mt-6" aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="mb-3 text-lg font-semibold">
        {t("matchmaking.participants.title")}
      </h2>
      {participants.length === 0 ? (
        <EmptyState title={t("matchmaking.participants.none")} />
      ) : (
        <ul className="space-y-3">
          {participants.map((participant) => (
            <ParticipantCard key={participant.id} participant={participant} industries={industries} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ParticipantCard({ participant, industries }: { participant: Suggestion; industries: Industry[] }) {
  const t = useT();
  const localized = useLocalized();
  const displayName = useDisplayName();
  const reasonSeparator = useLocale() === "en" ? "; " : "；";
  const industry = industries.find((candidate) => candidate.code === participant.industry);
  const headingId = `participant-${participant.id}`;
  return (
    <Card as="li" aria-labelledby={headingId} data-testid="participant">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 break-words font-semibold">
          {displayName(participant.shared)}
        </h3>
        <Badge tone="brand">{t(`matchmaking.side.${participant.side}`)}</Badge>
      </div>
      <SharedDetails shared={participant.shared} />
      <dl className="mt-2 space-y-1 text-sm">
        {industry ? <Term label={t("matchmaking.profile.industry")}>{localized(industry.name, industry.nameEn)}</Term> : null}
        {participant.offers ? <Term label={t("matchmaking.participants.offers")}>{participant.offers}</Term> : null}
        {participant.needs ? <Term label={t("matchmaking.participants.needs")}>{participant.needs}</Term> : null}
        {participant.tags.length ? <Term label={t("matchmaking.setup.tags")}>{participant.tags.join(", ")}</Term> : null}
        {participant.reasons.length ? <Term label={t("matchmaking.participants.why")}>{participant.reasons.join(reasonSeparator)}</Term> : null}
      </dl>
      {participant.request ? (
        <p className="mt-3">
          <Badge tone={participant.request.status === "accepted" ? "success" : participant.request.status === "pending" ? "info" : "neutral"}>
            {t("matchmaking.participants.requestState", { status: t(`matchmaking.status.${participant.request.status}`) })}
          </Badge>
        </p>
      ) : (
        <RequestForm to={participant.id} />
      )}
    </Card>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline text-muted">{label}: </dt>
      <dd className="inline whitespace-pre-wrap break-words">{children}</dd>
    </div>
  );
}

function RequestForm({ to }: { to: string }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const { form, errorOf, formErrors } = useSubmissionForm(manageRequestForm, { id: `request-${to}`, lastResult: useLastResult(`request:${to}`) });
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="mt-3">
      <input type="hidden" name="intent" value="request" />
      <input type="hidden" name="to" value={to} />
      <FormErrors messages={formErrors} />
      <TextAreaField id={`message-${to}`} name="message" rows={2} label={t("matchmaking.participants.message")} error={errorOf("message")} />
      <Button type="submit" disabled={busy}>
        {t("matchmaking.participants.send")}
      </Button>
    </Form>
  );
}
