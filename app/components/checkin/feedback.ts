/** Beep and vibrate so staff know the answer without looking: one high beep OK, two mid beeps seen before, one low buzz refused. */
let audio: AudioContext | null = null;

export function unlockAudio() {
  if (audio || typeof window === "undefined") return;
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (Context) audio = new Context();
}

function tone(frequency: number, startsIn: number, duration: number) {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = frequency;
  oscillator.type = "square";
  gain.gain.value = 0.08;
  oscillator.connect(gain).connect(audio.destination);
  const at = audio.currentTime + startsIn;
  oscillator.start(at);
  oscillator.stop(at + duration);
}

export type Tone = "green" | "yellow" | "red";

export function signal(kind: Tone) {
  if (kind === "green") tone(1320, 0, 0.12);
  else if (kind === "yellow") {
    tone(880, 0, 0.1);
    tone(880, 0.16, 0.1);
  } else tone(220, 0, 0.45);
  if (typeof navigator !== "undefined" && "vibrate" in navigator) {
    navigator.vibrate(kind === "green" ? 80 : kind === "yellow" ? [80, 60, 80] : [400]);
  }
}
