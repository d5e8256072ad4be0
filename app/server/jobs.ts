/**
 * Every background job, in one list: `npm start` runs it in-process (unless JOBS=off) and `npm run worker`
 * runs the same list, so the two cannot drift. A new job is registered in one of these modules, or in a new
 * module imported here.
 */
import "./registration-jobs";
import "./onboarding-reminders";
import "./webhook-jobs";

export { backgroundJobNames, startBackgroundJobs } from "./background";
