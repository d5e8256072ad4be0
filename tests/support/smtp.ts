import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for tests and benchmarks. `mode` can be switched while it runs:
 * "accept", "temporary" (421 on RCPT) or "permanent" (550 on RCPT). `parse: false` only counts messages.
 */
export type TestSmtp = {
  port: number;
  url: string;
  messages: ParsedMail[];
  received: number;
  mode: "accept" | "temporary" | "permanent";
  close: () => Promise<void>;
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
};

export async function startSmtp({ parse = true, port = 0 }: { parse?: boolean; port?: number } = {}): Promise<TestSmtp> {
  const state = { messages: [] as ParsedMail[], received: 0, mode: "accept" as TestSmtp["mode"] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      if (state.mode === "accept") return callback();
      const error = new Error(state.mode === "temporary" ? "Try again later" : "Mailbox unavailable") as Error & { responseCode: number };
      error.responseCode = state.mode === "temporary" ? 421 : 550;
      callback(error);
    },
    onData(stream, _session, callback) {
      if (!parse) {
        stream.on("data", () => undefined);
        stream.on("end", () => {
          state.received += 1;
          callback();
        });
        return;
      }
      simpleParser(stream, { keepCidLinks: true })
        .then((mail) => {
          state.messages.push(mail);
          state.received += 1;
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    get messages() {
      return state.messages;
    },
    get received() {
      return state.received;
    },
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.received < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, got ${state.received}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
