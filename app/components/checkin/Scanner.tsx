import { useState } from "react";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import type { Direction } from "~/schemas/checkin";
import { AttendeeSearch } from "./AttendeeSearch";
import { CameraControls } from "./CameraControls";
import { ConnectionBar } from "./ConnectionBar";
import { DirectionPicker } from "./DirectionPicker";
import { displayOf, errorDisplay, type Display } from "./display";
import { signal, unlockAudio } from "./feedback";
import type { IndexList, Setup } from "./offline";
import { ScanResultPanel } from "./ScanResultPanel";
import { useCamera } from "./useCamera";
import { useConnection } from "./useConnection";
import { useScanSync, type ScanTarget } from "./useScanSync";
import { WedgeForm } from "./WedgeForm";

export type ScannerEvent = { slug: string; title: string; titleEn: string; timeZone: string; lists: IndexList[] };

/** The door scanner for one event, list and device: camera, photo, keyboard wedge and search all end in one scan. */
export function Scanner({ setup, event, onChangeSetup }: { setup: Setup; event: ScannerEvent; onChangeSetup: () => void }) {
  const t = useT();
  const locale = useLocale();
  const localize = useLocalized();
  const slug = event.slug;
  const list = event.lists.find((candidate) => candidate.id === setup.listId)!;

  const connection = useConnection();
  const sync = useScanSync({ slug, deviceName: setup.deviceName, connection });
  const [display, setDisplay] = useState<Display | null>(null);
  const [direction, setDirection] = useState<Direction>("entry");

  // Times are the venue's, whatever zone the phone is set to.
  const timeOf = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: event.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));

  const show = (next: Display) => {
    setDisplay(next);
    signal(next.tone);
  };

  const scan = async (target: ScanTarget) => {
    const outcome = await sync.submit(target, list, direction);
    show(displayOf(outcome, direction, { t, localize, timeOf }));
  };

  const camera = useCamera((code) => void scan({ code }));

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    unlockAudio();
    const code = await camera.decodePhoto(file);
    if (code) await scan({ code });
    else show(errorDisplay(t("checkin.photo.noCode"), []));
  };

  return (
    <div className="flex flex-col gap-3">
      <ConnectionBar online={connection.online} syncing={sync.syncing} queueCount={sync.queueCount} onChangeSetup={onChangeSetup} />
      <p className="text-sm text-muted">
        <strong>{localize(event.title, event.titleEn)}</strong> · {localize(list.name, list.nameEn)} · {setup.deviceName}
      </p>

      <ScanResultPanel display={display} online={connection.online} eventSlug={slug} />

      {list.mode === "ENTRY_EXIT" ? <DirectionPicker direction={direction} onChange={setDirection} /> : null}

      <CameraControls camera={camera} onPhoto={(file) => void onPhoto(file)} />

      <WedgeForm onCode={(code) => void scan({ code })} />

      <AttendeeSearch eventSlug={slug} listId={list.id} isOnline={connection.isOnline} onCheckIn={(registrationId) => scan({ registrationId })} />

      <p className="text-xs text-muted" data-testid="index-info">
        {sync.index ? t("checkin.status.index", { count: sync.index.count, time: timeOf(sync.index.generatedAt) }) : t("checkin.status.noIndex")}
      </p>
    </div>
  );
}
