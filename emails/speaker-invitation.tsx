import { Button } from "@react-email/button";
import { Text } from "@react-email/text";
import { translator, type Locale } from "~/i18n";
import { EmailLayout } from "./components/EmailLayout";

export type SpeakerInvitationProps = {
  locale: Locale;
  speakerName: string;
  eventTitle: string;
  roles: { sessionTitle: string; role: string; when: string }[];
  responseUrl: string;
};

/** Invites a person to their roles at an event; the personal link lets them confirm or decline each one. */
export default function SpeakerInvitation({ locale, speakerName, eventTitle, roles, responseUrl }: SpeakerInvitationProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      lang={locale}
      heading={t("agenda.email.invitation.heading", { event: eventTitle })}
      preview={t("agenda.email.invitation.preview", { event: eventTitle })}
      greeting={t("agenda.email.greeting", { name: speakerName })}
      intro={t("agenda.email.invitation.body", { event: eventTitle })}
      footer={t("agenda.email.footer")}
    >
      {roles.map((role, index) => (
        <Text key={index} style={{ margin: "4px 0" }}>
          • {role.when} · {role.sessionTitle} · {role.role}
        </Text>
      ))}
      <Button href={responseUrl} style={{ backgroundColor: "#1e40af", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}>
        {t("agenda.email.invitation.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#475569" }}>{t("agenda.email.linkFallback", { url: responseUrl })}</Text>
    </EmailLayout>
  );
}
