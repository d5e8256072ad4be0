import { parentPort } from "node:worker_threads";

// A check-in writer thread that starts and then never answers, for the writer's answer timeout.
parentPort!.postMessage("ready");
parentPort!.on("message", () => {});
