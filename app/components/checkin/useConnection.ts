import { useCallback, useEffect, useRef, useState } from "react";
import { serverAnswersQuickly } from "./api";

const healthEveryMs = 3000;

export type Connection = {
  online: boolean;
  /** Read at call time, not render time: a scan started just after a failure must already go to the queue. */
  isOnline: () => boolean;
  goOffline: () => void;
};

/**
 * Whether the scanner talks to the server. A failed or slow request, or the browser's "offline" event,
 * marks it offline; from then on it asks /healthz until the server answers quickly again.
 */
export function useConnection(): Connection {
  const [online, setOnline] = useState(true);
  const onlineRef = useRef(true);

  const goOffline = useCallback(() => {
    onlineRef.current = false;
    setOnline(false);
  }, []);
  const isOnline = useCallback(() => onlineRef.current, []);

  useEffect(() => {
    if (online) return;
    const timer = setInterval(async () => {
      if (await serverAnswersQuickly()) {
        onlineRef.current = true;
        setOnline(true);
      }
    }, healthEveryMs);
    return () => clearInterval(timer);
  }, [online]);

  useEffect(() => {
    window.addEventListener("offline", goOffline);
    return () => window.removeEventListener("offline", goOffline);
  }, [goOffline]);

  return { online, isOnline, goOffline };
}
