/**
 * Work that runs besides answering requests (the e-mail outbox sender, reminders). Job modules register
 * here; app/server/jobs.ts imports every such module, so `npm start` and `npm run worker` run the same list.
 * Each job returns a stop function so shutdown and tests end cleanly.
 */
type Job = { name: string; start: () => () => void };

const jobs: Job[] = [];

export function registerBackgroundJob(job: Job) {
  jobs.push(job);
}

export function backgroundJobNames(): string[] {
  return jobs.map((job) => job.name);
}

export function startBackgroundJobs(): () => void {
  const stops = jobs.map((job) => job.start());
  return () => stops.forEach((stop) => stop());
}

/** A job that runs `work` once after `firstAfterMs`, then every `everyMs`; a failed run is logged and the next one still comes. */
export function registerPeriodicJob(name: string, work: () => Promise<unknown>, { firstAfterMs, everyMs }: { firstAfterMs: number; everyMs: number }) {
  registerBackgroundJob({
    name,
    start: () => {
      const run = () => work().catch((error) => console.error(`Background job ${name}:`, error));
      const first = setTimeout(run, firstAfterMs);
      const timer = setInterval(run, everyMs);
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
  });
}
