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
