import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";
import { headerText } from "./text";

/**
 * SMTP through nodemailer, configured by SMTP_URL (DESIGN.md §9). Without SMTP_URL there is no transport:
 * messages stay in the outbox and are read in the back office e-mail log.
 */
export type MailAttachment = { filename: string; contentType: string; content: Buffer; cid?: string };
export type Mail = { to: string; subject: string; html: string; text: string; attachments: MailAttachment[]; messageId?: string };
export type Mailer = { send(mail: Mail): Promise<{ response: string }>; close(): void };

export function mailerFromUrl(url: string, from = env().MAIL_FROM): Mailer {
  // Pooled connections: the sender delivers several messages at once over a few reused SMTP sessions.
  const pooled = url.includes("pool=") ? url : `${url}${url.includes("?") ? "&" : "?"}pool=true&maxConnections=5`;
  const transport: Transporter = nodemailer.createTransport(pooled, { from });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: headerText(mail.subject),
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        attachments: mail.attachments.map((attachment) => ({
          filename: headerText(attachment.filename),
          contentType: attachment.contentType,
          content: attachment.content,
          cid: attachment.cid,
          contentDisposition: attachment.cid ? "inline" : "attachment",
        })),
      });
      return { response: String(info.response ?? "") };
    },
    close: () => transport.close(),
  };
}

/** The configured mailer, or null when SMTP_URL is unset. */
export function configuredMailer(): Mailer | null {
  const url = env().SMTP_URL;
  return url ? mailerFromUrl(url) : null;
}

/** SMTP reply code of a failed send: 4xx and connection errors are temporary, 5xx permanent. */
export function smtpFailure(error: unknown): { code: number | null; permanent: boolean; message: string } {
  const failure = error as { responseCode?: number; code?: string; message?: string; response?: string };
  const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
  const message = String(failure.response ?? failure.message ?? error).slice(0, 500);
  return { code, permanent: code !== null && code >= 500 && code < 600, message };
}
