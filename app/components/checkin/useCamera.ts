import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/react";
import { decodeFrame, nativeDetector, stopDecoder } from "./decoder";

// A code held in front of the lens is seen in many frames; within this window it counts as one scan.
const sameCodeWindowMs = 4000;
const frameEveryMs = 120;

const cameraProblems = {
  NotAllowedError: "checkin.camera.denied",
  SecurityError: "checkin.camera.insecure",
  NotFoundError: "checkin.camera.none",
  OverconstrainedError: "checkin.camera.none",
  NotReadableError: "checkin.camera.busy",
  AbortError: "checkin.camera.busy",
} as const;

/** What went wrong with the camera, as a sentence that says what to do (browsers name errors in English). */
export function cameraProblemKey(error: unknown): (typeof cameraProblems)[keyof typeof cameraProblems] | "checkin.camera.unavailable" {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && name in cameraProblems ? cameraProblems[name as keyof typeof cameraProblems] : "checkin.camera.unavailable";
}

/**
 * The back camera while it is switched on, read every few frames for a QR code. The canvas doubles as the
 * scratch surface for decoding a photo, so the page needs no second one.
 */
export function useCamera(onCode: (code: string) => void) {
  const t = useT();
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  // The latest handler, so a new render does not restart the camera just to swap callbacks.
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    if (!cameraOn) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    const detector = nativeDetector();
    const decoded = (code: string) => {
      const now = Date.now();
      if (lastCode.current && lastCode.current.code === code && now - lastCode.current.at < sameCodeWindowMs) return;
      lastCode.current = { code, at: now };
      onCodeRef.current(code);
    };
    (async () => {
      try {
        // Without HTTPS (or localhost) browsers hide mediaDevices altogether.
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException("insecure context", "SecurityError");
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch (error) {
        setCameraError(t(cameraProblemKey(error)));
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
          if (code && !stopped) decoded(code);
        }
        setTimeout(tick, frameEveryMs);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraOn, t]);

  useEffect(() => stopDecoder, []);

  const toggleCamera = () => {
    setCameraError(null);
    setCameraOn((on) => !on);
  };

  /** Null when the photo holds no readable code. */
  const decodePhoto = async (file: File): Promise<string | null> => {
    if (!canvasRef.current) return null;
    const bitmap = await createImageBitmap(file);
    return decodeFrame(bitmap, canvasRef.current, nativeDetector());
  };

  return { cameraOn, cameraError, videoRef, canvasRef, toggleCamera, decodePhoto };
}
