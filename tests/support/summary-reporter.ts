import type { Reporter } from "vitest/reporters";

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

// Ends the run with a plain "N passed, N failed, N skipped" line that CI log readers recognise.
export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = []) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task) => {
      if (task.tasks) task.tasks.forEach(visit);
      if (task.type !== "test") return;
      if (task.result?.state === "pass") counts.passed += 1;
      else if (task.result?.state === "fail") counts.failed += 1;
      else counts.skipped += 1;
    };
    files.forEach(visit);
    // A file that failed to load has no tests; count it as a failure so the line never hides it.
    counts.failed += files.filter((file) => file.result?.state === "fail" && !file.tasks?.length).length;
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
