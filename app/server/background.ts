/**
 * Work that runs inside the server process besides answering requests (the e-mail outbox sender,
 * reminders, retention purges). Each job returns a stop function so shutdown and tests end cleanly.
 */
type Job = { name: string; start: () => () => void };

const jobs: Job[] = [];

export function registerBackgroundJob(job: Job) {
  jobs.push(job);
}

export function startBackgroundJobs(): () => void {
  const stops = jobs.map((job) => job.start());
  return () => stops.forEach((stop) => stop());
}
