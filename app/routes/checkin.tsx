import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { decodeFrame, nativeDetector, qrWorkerUrl, stopDecoder } from "~/components/checkin/decoder";
import { signal, unlockAudio, type Tone } from "~/components/checkin/feedback";
import {
  clearSetup,
  decideLocally,
  dropFromQueue,
  enqueue,
  loadIndex,
  loadQueue,
  loadSetup,
  newNonce,
  rememberEntry,
  saveIndex,
  saveSetup,
  type IndexList,
  type Result,
  type Setup,
  type TicketIndex,
} from "~/components/checkin/offline";
import { useLocale, useLocalized, useT } from "~/i18n/react";
import { scannerEvents } from "~/models/checkin.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "扫码签到 · Check-in" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { events: await scannerEvents(user) };
}

type ScannerEvent = Awaited<ReturnType<typeof loader>>["events"][number];
type Answer = {
  id: string;
  result: Result;
  direction: "entry" | "exit";
  attendee?: { registrationId: string; name: string; organization: string; category: { name: string; nameEn: string } | null };
  firstCheckIn?: { at: string; list: { name: string; nameEn: string }; deviceId: string };
  wasInside?: boolean;
};
type Display = { tone: Tone; result: Result | "error" | "unknown"; title: string; name?: string; organization?: string; lines: string[]; offline: boolean; registrationId?: string };
type Attendee = { registrationId: string; name: string; organization: string; phone: string; status: string; category: { name: string; nameEn: string } | null; enteredListIds: string[] };

const answerTimeoutMs = 1500;
const healthEveryMs = 3000;
const refreshEveryMs = 60_000;
const cacheName = "checkin-v1";

async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = answerTimeoutMs): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal, credentials: "same-origin", cache: "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

/** After the first visit the scanner must load with no network: register the worker and store this page and its assets. */
async function prepareOfflineShell() {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/checkin" });
    const urls = new Set<string>([location.pathname, qrWorkerUrl]);
    for (const entry of performance.getEntriesByType("resource")) {
      const url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.startsWith("/assets/")) urls.add(url.pathname);
    }
    document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="stylesheet"]').forEach((link) => {
      const url = new URL(link.href, location.href);
      if (url.origin === location.origin) urls.add(url.pathname);
    });
    const cache = await caches.open(cacheName);
    await Promise.all([...urls].map((url) => cache.add(url).catch(() => undefined)));
  } catch {
    // Without a service worker the scanner still works while the page stays open.
  }
}

export default function CheckInPage() {
  const { events } = useLoaderData<typeof loader>();
  const t = useT();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const saved = loadSetup();
    if (saved && events.some((event) => event.slug === saved.eventSlug && event.lists.some((list) => list.id === saved.listId))) setSetup(saved);
    setReady(true);
    void prepareOfflineShell();
  }, [events]);

  const event = setup ? events.find((candidate) => candidate.slug === setup.eventSlug) : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-3 py-3">
      <h1 className="sr-only">{t("checkin.title")}</h1>
      {!ready ? null : events.length === 0 ? (
        <p className="card">{t("checkin.setup.noEvents")}</p>
      ) : setup && event ? (
        <Scanner
          key={`${setup.eventSlug}:${setup.listId}`}
          setup={setup}
          event={event}
          onChangeSetup={() => {
            clearSetup();
            setSetup(null);
          }}
        />
      ) : (
        <SetupForm
          events={events}
          onDone={(chosen) => {
            unlockAudio();
            saveSetup(chosen);
            setSetup(chosen);
          }}
        />
      )}
    </main>
  );
}

function SetupForm({ events, onDone }: { events: ScannerEvent[]; onDone: (setup: Setup) => void }) {
  const t = useT();
  const localize = useLocalized();
  const previous = typeof window !== "undefined" ? loadSetup() : null;
  const [eventSlug, setEventSlug] = useState(previous?.eventSlug && events.some((event) => event.slug === previous.eventSlug) ? previous.eventSlug : events[0].slug);
  const event = events.find((candidate) => candidate.slug === eventSlug) ?? events[0];
  const [listId, setListId] = useState(event.lists[0]?.id ?? "");
  const [deviceName, setDeviceName] = useState(previous?.deviceName ?? "");
  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const name = deviceName.trim() || `device-${newNonce().slice(0, 4)}`;
    onDone({ eventSlug: event.slug, listId: event.lists.some((list) => list.id === listId) ? listId : event.lists[0].id, deviceName: name });
  };
  return (
    <form onSubmit={submit} className="card flex flex-col gap-4">
      <h2 className="text-xl font-bold">{t("checkin.setup.title")}</h2>
      <div>
        <label htmlFor="setup-event" className="field-label">
          {t("checkin.setup.event")}
        </label>
        <select
          id="setup-event"
          className="field-input"
          value={event.slug}
          onChange={(change) => {
            setEventSlug(change.target.value);
            setListId(events.find((candidate) => candidate.slug === change.target.value)?.lists[0]?.id ?? "");
          }}
        >
          {events.map((candidate) => (
            <option key={candidate.slug} value={candidate.slug}>
              {localize(candidate.title, candidate.titleEn)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="setup-list" className="field-label">
          {t("checkin.setup.list")}
        </label>
        <select id="setup-list" className="field-input" value={listId} onChange={(change) => setListId(change.target.value)}>
          {event.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {localize(list.name, list.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="setup-device" className="field-label">
          {t("checkin.setup.device")}
        </label>
        <input
          id="setup-device"
          className="field-input"
          value={deviceName}
          maxLength={60}
          aria-describedby="setup-device-hint"
          onChange={(change) => setDeviceName(change.target.value)}
        />
        <p id="setup-device-hint" className="mt-1 text-sm text-slate-600">
          {t("checkin.setup.deviceHint")}
        </p>
      </div>
      <button type="submit" className="btn min-h-14 text-lg">
        {t("checkin.setup.start")}
      </button>
    </form>
  );
}

function Scanner({ setup, event, onChangeSetup }: { setup: Setup; event: ScannerEvent; onChangeSetup: () => void }) {
  const t = useT();
  const locale = useLocale();
  const localize = useLocalized();
  const slug = event.slug;
  const list = event.lists.find((candidate) => candidate.id === setup.listId)!;
  const indexList: IndexList = { ...list, mode: list.mode as IndexList["mode"] };

  const [online, setOnline] = useState(true);
  const onlineRef = useRef(true);
  const [queueCount, setQueueCount] = useState(() => loadQueue(slug).length);
  const [syncing, setSyncing] = useState(false);
  const [index, setIndex] = useState<Pick<TicketIndex, "generatedAt"> & { count: number } | null>(() => {
    const stored = loadIndex(slug);
    return stored ? { generatedAt: stored.generatedAt, count: stored.tickets.length } : null;
  });
  const [display, setDisplay] = useState<Display | null>(null);
  const [direction, setDirection] = useState<"entry" | "exit">("entry");
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Attendee[] | null>(null);
  const [searchMessage, setSearchMessage] = useState<string | null>(null);
  const [wedge, setWedge] = useState("");
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wedgeRef = useRef<HTMLInputElement>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  const flushing = useRef(false);

  const goOffline = useCallback(() => {
    onlineRef.current = false;
    setOnline(false);
  }, []);

  const timeOf = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: event.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));

  const show = (next: Display) => {
    setDisplay(next);
    signal(next.tone);
  };

  const fromAnswer = (answer: Answer): Display => {
    const tone: Tone = answer.result === "ok" ? "green" : answer.result === "already_checked_in" ? "yellow" : "red";
    const lines: string[] = [];
    if (answer.attendee?.category) lines.push(t("checkin.result.category", { name: localize(answer.attendee.category.name, answer.attendee.category.nameEn) }));
    if (answer.firstCheckIn) {
      lines.push(
        t("checkin.result.first", {
          time: timeOf(answer.firstCheckIn.at),
          list: localize(answer.firstCheckIn.list.name, answer.firstCheckIn.list.nameEn),
          device: answer.firstCheckIn.deviceId || t("checkin.unknownDevice"),
        }),
      );
    }
    if (answer.direction === "exit" && answer.wasInside === false) lines.push(t("checkin.result.notInside"));
    return {
      tone,
      result: answer.result,
      title: answer.result === "ok" && answer.direction === "exit" ? t("checkin.result.okExit") : t(`checkin.result.${answer.result}`),
      name: answer.attendee?.name,
      organization: answer.attendee?.organization,
      lines,
      offline: false,
      registrationId: answer.attendee?.registrationId,
    };
  };

  const flush = useCallback(async () => {
    if (flushing.current || !onlineRef.current) return;
    flushing.current = true;
    setSyncing(true);
    try {
      for (;;) {
        const chunk = loadQueue(slug).slice(0, 200);
        if (chunk.length === 0) break;
        const response = await timedFetch(
          "/api/v1/checkin/batch",
          { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ event: slug, deviceId: setup.deviceName, scans: chunk }) },
          20_000,
        );
        if (!response.ok) {
          if (response.status >= 500) goOffline();
          break;
        }
        dropFromQueue(slug, new Set(chunk.map((scan) => scan.nonce)));
        setQueueCount(loadQueue(slug).length);
      }
    } catch {
      goOffline();
    } finally {
      flushing.current = false;
      setSyncing(false);
      setQueueCount(loadQueue(slug).length);
    }
  }, [goOffline, setup.deviceName, slug]);

  const refreshIndex = useCallback(async () => {
    // A fresh index would forget this device's offline admissions until they are uploaded.
    if (!onlineRef.current || loadQueue(slug).length > 0) return;
    try {
      const response = await timedFetch(`/api/v1/events/${encodeURIComponent(slug)}/checkin/index`, {}, 15_000);
      if (!response.ok) return;
      const body = (await response.json()) as TicketIndex;
      saveIndex(slug, { generatedAt: body.generatedAt, lists: body.lists, categories: body.categories, tickets: body.tickets });
      setIndex({ generatedAt: body.generatedAt, count: body.tickets.length });
    } catch {
      // The next refresh tries again; scanning goes on.
    }
  }, [slug]);

  const submit = async (input: { code?: string; registrationId?: string }) => {
    const nonce = newNonce();
    const scannedAt = new Date().toISOString();
    if (onlineRef.current) {
      try {
        const response = await timedFetch("/api/v1/checkin", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...input, list: list.id, direction, nonce, scannedAt, deviceId: setup.deviceName }),
        });
        if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
        const body = await response.json();
        if (response.ok) {
          const answer = body as Answer;
          if ((answer.result === "ok" || answer.result === "already_checked_in") && answer.direction === "entry" && input.code) rememberEntry(slug, input.code, list.id);
          show(fromAnswer(answer));
          return;
        }
        const message = response.status === 401 ? t("checkin.status.signInAgain") : ((body as { error?: { message?: string } }).error?.message ?? "");
        show({ tone: "red", result: "error", title: t("checkin.result.error"), lines: [message], offline: false });
        return;
      } catch {
        goOffline();
      }
    }
    if (!input.code) {
      show({ tone: "red", result: "error", title: t("checkin.result.error"), lines: [t("checkin.search.offline")], offline: true });
      return;
    }
    const local = decideLocally(slug, input.code, indexList, direction);
    enqueue(slug, { code: input.code, nonce, scannedAt, direction, list: list.id });
    setQueueCount(loadQueue(slug).length);
    const tone: Tone = local.result === "ok" ? "green" : local.result === "already_checked_in" || local.result === "unknown" ? "yellow" : "red";
    const category = local.ticket?.c ? loadIndex(slug)?.categories.find((candidate) => candidate.id === local.ticket!.c) : undefined;
    show({
      tone,
      result: local.result,
      title: local.result === "unknown" ? t("checkin.status.noIndex") : local.result === "ok" && direction === "exit" ? t("checkin.result.okExit") : t(`checkin.result.${local.result}`),
      name: local.ticket?.n,
      organization: local.ticket?.o,
      lines: [
        ...(category ? [t("checkin.result.category", { name: localize(category.name, category.nameEn) })] : []),
        ...(local.result === "already_checked_in" ? [t("checkin.result.firstOffline")] : []),
        t("checkin.result.offlineDecision"),
      ],
      offline: true,
    });
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  const onDecoded = useCallback((raw: string) => {
    const now = Date.now();
    if (lastCode.current && lastCode.current.code === raw && now - lastCode.current.at < 4000) return;
    lastCode.current = { code: raw, at: now };
    void submitRef.current({ code: raw });
  }, []);

  // Back online: upload the queue, then fetch a fresh index.
  useEffect(() => {
    if (!online) return;
    void flush().then(refreshIndex);
    const timer = setInterval(() => {
      void flush().then(refreshIndex);
    }, refreshEveryMs);
    return () => clearInterval(timer);
  }, [online, flush, refreshIndex]);

  // Offline: ask /healthz until the server answers quickly again.
  useEffect(() => {
    if (online) return;
    const timer = setInterval(async () => {
      try {
        const response = await timedFetch("/healthz");
        if (response.ok) {
          onlineRef.current = true;
          setOnline(true);
        }
      } catch {
        // still offline
      }
    }, healthEveryMs);
    return () => clearInterval(timer);
  }, [online]);

  useEffect(() => {
    window.addEventListener("offline", goOffline);
    return () => window.removeEventListener("offline", goOffline);
  }, [goOffline]);

  useEffect(() => {
    if (!cameraOn) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    const detector = nativeDetector();
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch (error) {
        setCameraError(t("checkin.camera.unavailable", { reason: error instanceof Error ? error.message : String(error) }));
        setCameraOn(false);
        return;
      }
      const video = videoRef.current;
      if (!video || stopped) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const tick = async () => {
        if (stopped) return;
        if (video.readyState >= 2 && canvasRef.current) {
          const code = await decodeFrame(video, canvasRef.current, detector);
          if (code && !stopped) onDecoded(code);
        }
        setTimeout(tick, 120);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraOn, onDecoded, t]);

  useEffect(() => stopDecoder, []);

  const onPhoto = async (file: File | undefined) => {
    if (!file || !canvasRef.current) return;
    unlockAudio();
    const bitmap = await createImageBitmap(file);
    const code = await decodeFrame(bitmap, canvasRef.current, nativeDetector());
    if (code) await submit({ code });
    else show({ tone: "red", result: "error", title: t("checkin.photo.noCode"), lines: [], offline: false });
  };

  const search = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    setSearchMessage(null);
    if (!onlineRef.current) {
      setSearchMessage(t("checkin.search.offline"));
      return;
    }
    try {
      const response = await timedFetch(`/api/v1/events/${encodeURIComponent(slug)}/checkin/search?q=${encodeURIComponent(query)}`, {}, 5000);
      const body = (await response.json()) as { attendees?: Attendee[]; error?: { message: string } };
      setFound(body.attendees ?? []);
      if (body.error) setSearchMessage(body.error.message);
      else if (body.attendees?.length === 0) setSearchMessage(t("checkin.search.none"));
    } catch {
      setSearchMessage(t("checkin.search.offline"));
    }
  };

  const tones: Record<Tone, string> = {
    green: "bg-green-700 text-white",
    yellow: "bg-amber-300 text-slate-950",
    red: "bg-red-700 text-white",
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        className={`flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium ${online ? "bg-green-50 text-green-900" : "bg-amber-100 text-amber-950"}`}
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
      <p className="text-sm text-slate-700">
        <strong>{localize(event.title, event.titleEn)}</strong> · {localize(list.name, list.nameEn)} · {setup.deviceName}
      </p>

      <section
        aria-live="assertive"
        data-testid="result"
        data-result={display?.result ?? ""}
        data-offline={display?.offline ? "true" : "false"}
        className={`flex min-h-48 flex-col justify-center rounded-xl p-4 text-center ${display ? tones[display.tone] : "bg-slate-200 text-slate-700"}`}
      >
        {display ? (
          <>
            <p className="text-3xl font-extrabold">{display.title}</p>
            {display.name ? <p className="mt-2 text-4xl font-bold">{display.name}</p> : null}
            {display.organization ? <p className="mt-1 text-xl">{display.organization}</p> : null}
            {display.lines.map((line) => (
              <p key={line} className="mt-1 text-lg">
                {line}
              </p>
            ))}
            {display.registrationId && online ? (
              <a className="mt-2 text-base underline" href={`/checkin/badge/${display.registrationId}?event=${encodeURIComponent(slug)}`} target="_blank" rel="noreferrer">
                {t("checkin.search.badge")}
              </a>
            ) : null}
          </>
        ) : (
          <p className="text-2xl font-bold">{t("checkin.result.ready")}</p>
        )}
      </section>

      {list.mode === "ENTRY_EXIT" ? (
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="sr-only">{t("checkin.direction.label")}</legend>
          {(["entry", "exit"] as const).map((value) => (
            <label key={value} className={`btn-secondary cursor-pointer text-lg ${direction === value ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : ""}`}>
              <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => setDirection(value)} className="sr-only" />
              {t(`checkin.direction.${value}`)}
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="flex flex-col gap-2">
        <video ref={videoRef} muted playsInline aria-label={t("checkin.camera.label")} className={cameraOn ? "aspect-square w-full rounded-lg bg-black object-cover" : "hidden"} />
        <canvas ref={canvasRef} className="hidden" />
        <button
          type="button"
          className="btn min-h-14 text-lg"
          onClick={() => {
            unlockAudio();
            setCameraError(null);
            setCameraOn((on) => !on);
          }}
        >
          {cameraOn ? t("checkin.camera.stop") : t("checkin.camera.start")}
        </button>
        {cameraError ? (
          <p role="alert" className="field-error">
            {cameraError}
          </p>
        ) : null}
        <label className="btn-secondary cursor-pointer">
          {t("checkin.photo.label")}
          <input type="file" accept="image/*" capture="environment" className="sr-only" data-testid="photo" onChange={(change) => void onPhoto(change.target.files?.[0])} />
        </label>
      </div>

      <form
        onSubmit={(formEvent) => {
          formEvent.preventDefault();
          unlockAudio();
          const code = wedge.trim();
          setWedge("");
          if (code) void submit({ code });
          wedgeRef.current?.focus();
        }}
      >
        <label htmlFor="wedge" className="field-label">
          {t("checkin.wedge.label")}
        </label>
        <input
          id="wedge"
          ref={wedgeRef}
          className="field-input font-mono"
          value={wedge}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="wedge-hint"
          onChange={(change) => setWedge(change.target.value)}
        />
        <p id="wedge-hint" className="mt-1 text-sm text-slate-600">
          {t("checkin.wedge.hint")}
        </p>
      </form>

      <form onSubmit={search} className="flex flex-col gap-2">
        <label htmlFor="search" className="field-label">
          {t("checkin.search.label")}
        </label>
        <div className="flex gap-2">
          <input id="search" type="search" className="field-input" value={query} minLength={2} maxLength={100} onChange={(change) => setQuery(change.target.value)} />
          <button type="submit" className="btn-secondary">
            {t("action.search")}
          </button>
        </div>
        {searchMessage ? (
          <p role="alert" className="text-sm text-slate-700">
            {searchMessage}
          </p>
        ) : null}
        {found && found.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {found.map((attendee) => (
              <li key={attendee.registrationId} className="card flex flex-col gap-1 p-3">
                <p className="text-lg font-bold">{attendee.name}</p>
                <p className="text-sm text-slate-700">
                  {[attendee.organization, attendee.category ? localize(attendee.category.name, attendee.category.nameEn) : "", attendee.phone].filter(Boolean).join(" · ")}
                </p>
                <div className="flex gap-2">
                  <button type="button" className="btn flex-1" onClick={() => void submit({ registrationId: attendee.registrationId })}>
                    {t("checkin.search.checkIn")}
                  </button>
                  <a className="btn-secondary" href={`/checkin/badge/${attendee.registrationId}?event=${encodeURIComponent(slug)}`} target="_blank" rel="noreferrer">
                    {t("checkin.search.badge")}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </form>

      <p className="text-xs text-slate-600" data-testid="index-info">
        {index ? t("checkin.status.index", { count: index.count, time: timeOf(index.generatedAt) }) : t("checkin.status.noIndex")}
      </p>
    </div>
  );
}
