import { startWebhookSender } from "~/models/webhook.server";
import { registerBackgroundJob } from "./background";

/** The webhook sender, run by `npm start` in-process or by `npm run worker`, like the e-mail outbox sender. */
registerBackgroundJob({ name: "webhook-sender", start: () => startWebhookSender() });
