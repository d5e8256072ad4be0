import { Button } from "@react-email/button";
import { Text } from "@react-email/text";
import { translator, type Locale } from "~/i18n";
import { EmailLayout } from "./components/EmailLayout";

export type SpeakerSessionMovedProps = {
  locale: Locale;
  speakerName: string;
  eventTitle: string;
  sessionTitle: string;
  role: string;
  before: string;
  after: string;
  agendaUrl: string;
};

/** Tells a speaker that a published session of theirs moved to another time or room. */
export default function SpeakerSessionMoved({ locale, speakerName, eventTitle, sessionTitle, role, before, after, agendaUrl }: SpeakerSessionMovedProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      lang={locale}
      heading={t("agenda.email.moved.heading", { session: sessionTitle })}
      preview={t("agenda.email.moved.preview", { session: sessionTitle })}
      greeting={t("agenda.email.greeting", { name: speakerName })}
      intro={t("agenda.email.moved.body", { event: eventTitle, session: sessionTitle, role })}
      footer={t("agenda.email.footer")}
    >
      <Text>
        {t("agenda.email.moved.before")}: <s>{before}</s>
      </Text>
      <Text>
        <strong>
          {t("agenda.email.moved.after")}: {after}
        </strong>
      </Text>
      <Button href={agendaUrl} style={{ backgroundColor: "#1e40af", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}>
        {t("agenda.email.moved.button")}
      </Button>
    </EmailLayout>
  );
}
