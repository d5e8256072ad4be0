import { useT } from "~/i18n/react";
import { unlockAudio } from "./feedback";
import type { useCamera } from "./useCamera";
import { Button, buttonClass } from "~/components/ui/Button";

/** The live camera and, for phones that refuse it, a photo taken with the system camera app. */
export function CameraControls({ camera, onPhoto }: { camera: ReturnType<typeof useCamera>; onPhoto: (file: File | undefined) => void }) {
  const t = useT();
  const { cameraOn, cameraError, videoRef, canvasRef, toggleCamera } = camera;
  return (
    <div className="flex flex-col gap-2">
      <video ref={videoRef} muted playsInline aria-label={t("checkin.camera.label")} className={cameraOn ? "aspect-square w-full rounded-lg bg-black object-cover" : "hidden"} />
      <canvas ref={canvasRef} className="hidden" />
      <Button
        type="button"
        className="min-h-14 text-lg"
        onClick={() => {
          unlockAudio();
          toggleCamera();
        }}
      >
        {cameraOn ? t("checkin.camera.stop") : t("checkin.camera.start")}
      </Button>
      {cameraError ? (
        <p role="alert" className="field-error">
          {cameraError}
        </p>
      ) : null}
      <label className={buttonClass({ variant: "secondary", className: "cursor-pointer" })}>
        {t("checkin.photo.label")}
        <input type="file" accept="image/*" capture="environment" className="sr-only" data-testid="photo" onChange={(change) => onPhoto(change.target.files?.[0])} />
      </label>
    </div>
  );
}
