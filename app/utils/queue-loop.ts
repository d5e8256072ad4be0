/**
 * The loop of a background queue sender (the e-mail outbox, webhook deliveries): one pass after another
 * while passes find work, else a nap of `intervalMs` that `wake()` cuts short (a writer just queued
 * something). A pass that throws is logged and the loop goes on. `stop()` ends it after the current pass.
 */
export function startQueueLoop({ name, pass, intervalMs }: { name: string; pass: () => Promise<boolean>; intervalMs: number }) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | null = null;
  const loop = async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await pass();
      } catch (error) {
        console.error(`${name}:`, error);
      }
      if (busy || stopped) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
      wakeUp = null;
    }
  };
  void loop();
  return {
    wake: () => wakeUp?.(),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
    },
  };
}
