import * as RadixToast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";

export type ToastTone = "success" | "info" | "warning" | "danger";
type ToastMessage = { id: number; title: string; description?: string; tone: ToastTone };

const look = "flex items-start gap-3 rounded-lg border-l-4 p-3";
const tones: Record<ToastTone, string> = {
  success: "border-success bg-success-soft text-success-ink",
  info: "border-info bg-info-soft text-info-ink",
  warning: "border-warning bg-warning-soft text-warning-ink",
  danger: "border-danger bg-danger-soft text-danger-ink",
};

const ToastContext = createContext<(message: Omit<ToastMessage, "id" | "tone"> & { tone?: ToastTone }) => void>(() => {});

/**
 * Short-lived confirmations ("Saved") announced politely to screen readers. The result a user must act on
 * belongs on the page (an error next to its field), not in a toast that disappears.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const show = useCallback((message: Omit<ToastMessage, "id" | "tone"> & { tone?: ToastTone }) => {
    setMessages((current) => [...current, { tone: "success", ...message, id: Date.now() + current.length }]);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider label={t("ui.notifications")} duration={5000}>
        {children}
        {messages.map((message) => (
          <RadixToast.Root
            key={message.id}
            className={`${look} shadow-raised ${tones[message.tone]}`}
            onOpenChange={(open) => {
              if (!open) setMessages((current) => current.filter((other) => other.id !== message.id));
            }}
          >
            <div className="min-w-0 flex-1">
              <RadixToast.Title className="font-semibold">{message.title}</RadixToast.Title>
              {message.description ? <RadixToast.Description className="text-sm">{message.description}</RadixToast.Description> : null}
            </div>
            <RadixToast.Close className="rounded px-2 text-lg leading-none" aria-label={t("ui.close")}>
              <span aria-hidden="true">×</span>
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed bottom-4 right-4 z-50 flex w-[calc(100vw-2rem)] max-w-sm flex-col gap-2 outline-none" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: t("…") })` inside a ToastProvider. */
export function useToast() {
  return useContext(ToastContext);
}

/**
 * The outcome of a form the server answered ("Saved", "3 people confirmed"), drawn as a toast that stays in
 * the page where the form is. It is part of the server's HTML, so it is there without JavaScript too, and it
 * lasts until the next action instead of fading before it was read. The live region is rendered even while
 * empty, so a message arriving after a submission made by script is announced.
 */
export function Flash({ message, tone = "success", className = "mb-4", testId }: { message?: ReactNode; tone?: ToastTone; className?: string; testId?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={message ? `${look} ${tones[tone]} ${className}` : undefined} data-testid={message ? testId : undefined}>
      {message ? <div className="min-w-0 flex-1 break-words">{message}</div> : null}
    </div>
  );
}

/**
 * A note that belongs to the page rather than to an action just taken: a closed call, a possible duplicate,
 * a password shown once. Same look as a Flash, but not a live region: nothing is announced on arrival.
 */
export function Notice({ tone = "info", className = "", children }: { tone?: ToastTone; className?: string; children: ReactNode }) {
  return (
    <div role="note" className={`${look} ${tones[tone]} ${className}`.trim()}>
      <div className="min-w-0 flex-1 break-words">{children}</div>
    </div>
  );
}
