import { Form, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui/Badge";
import { Button } from "~/components/ui/Button";
import { Card } from "~/components/ui/Card";
import { EmptyState } from "~/components/ui/EmptyState";
import { useT } from "~/i18n/react";
import { SharedDetails, useDisplayName, type Shared } from "./who";

export type OwnRequest = { id: string; direction: "sent" | "received"; status: "pending" | "accepted" | "declined" | "cancelled"; message: string; with: { id: string; shared: Shared } };

const tones = { pending: "info", accepted: "success", declined: "neutral", cancelled: "neutral" } as const;

/** Requests received (those pending with accept and decline) and sent, newest first. */
export function Requests({ requests }: { requests: OwnRequest[] }) {
  const t = useT();
  const received = requests.filter((request) => request.direction === "received");
  const sent = requests.filter((request) => request.direction === "sent");
  return (
    <section className="mt-6" aria-labelledby="requests-heading">
      <h2 id="requests-heading" className="mb-3 text-lg font-semibold">
        {t("matchmaking.requests.title")}
      </h2>
      {requests.length === 0 ? <EmptyState title={t("matchmaking.requests.none")} /> : null}
      {received.length ? <RequestList title={t("matchmakingManage.received")} requests={received} testId="requests-received" /> : null}
      {sent.length ? <RequestList title={t("matchmakingManage.sent")} requests={sent} testId="requests-sent" /> : null}
    </section>
  );
}

function RequestList({ title, requests, testId }: { title: string; requests: OwnRequest[]; testId: string }) {
  return (
    <>
      <h3 className="mb-2 mt-3 font-medium">{title}</h3>
      <ul className="space-y-3" data-testid={testId}>
        {requests.map((request) => (
          <RequestCard key={request.id} request={request} />
        ))}
      </ul>
    </>
  );
}

function RequestCard({ request }: { request: OwnRequest }) {
  const t = useT();
  const displayName = useDisplayName();
  const busy = useNavigation().state !== "idle";
  const name = displayName(request.with.shared);
  return (
    <Card as="li">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 break-words font-medium">{t(request.direction === "received" ? "matchmaking.requests.received" : "matchmaking.requests.sent", { name })}</p>
        <Badge tone={tones[request.status]}>{t(`matchmaking.status.${request.status}`)}</Badge>
      </div>
      <SharedDetails shared={request.with.shared} />
      {request.message ? <p className="mt-1 whitespace-pre-wrap break-words text-sm">{t("matchmakingManage.theirMessage", { message: request.message })}</p> : null}
      {request.direction === "received" && request.status === "pending" ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="requestId" value={request.id} />
            <Button type="submit" disabled={busy}>
              {t("matchmaking.requests.accept")}
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="decline" />
            <input type="hidden" name="requestId" value={request.id} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("matchmaking.requests.decline")}
            </Button>
          </Form>
        </div>
      ) : null}
    </Card>
  );
}
