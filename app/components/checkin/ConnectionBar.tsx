import { useT } from "~/i18n/react";

/** Online or offline and how many scans wait for upload; the data attributes let tests watch the queue. */
export function ConnectionBar({ online, syncing, queueCount, onChangeSetup }: { online: boolean; syncing: boolean; queueCount: number; onChangeSetup: () => void }) {
  const t = useT();
  return (
    <div
      className={`flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium ${online ? "bg-success-soft text-success-ink" : "bg-warning-soft text-warning-ink"}`}
      role="status"
      data-testid="connection"
      data-online={online ? "true" : "false"}
      data-queue={queueCount}
    >
      <span>{online ? (syncing && queueCount > 0 ? t("checkin.status.syncing", { count: queueCount }) : t("checkin.status.online")) : t("checkin.status.offline", { count: queueCount })}</span>
      <button type="button" className="underline" onClick={onChangeSetup}>
        {t("checkin.setup.change")}
      </button>
    </div>
  );
}
