import { useRef, useState } from "react";
import { useT } from "~/i18n/react";
import { unlockAudio } from "./feedback";

/**
 * Input for a USB or Bluetooth scanner that types the code and presses Enter (a "keyboard wedge"). The
 * field empties and keeps focus, so the next ticket can be scanned at once.
 */
export function WedgeForm({ onCode }: { onCode: (code: string) => void }) {
  const t = useT();
  const [wedge, setWedge] = useState("");
  const wedgeRef = useRef<HTMLInputElement>(null);
  return (
    <form
      onSubmit={(formEvent) => {
        formEvent.preventDefault();
        unlockAudio();
        const code = wedge.trim();
        setWedge("");
        if (code) onCode(code);
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
      <p id="wedge-hint" className="mt-1 text-sm text-muted">
        {t("checkin.wedge.hint")}
      </p>
    </form>
  );
}
