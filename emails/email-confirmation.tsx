import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";
import { EventFacts, type EventFactsProps } from "./components/EventFacts";

export type EmailConfirmationEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  facts: EventFactsProps;
  actionUrl: string;
  actionLabel: string;
  expiryNote: string;
  footer: string;
};

/** "Confirm your e-mail address": the place is held until the link is opened; no ticket and no manage link yet. */
export default function EmailConfirmationEmail(props: EmailConfirmationEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <EventFacts {...props.facts} />
      <ActionLink href={props.actionUrl} label={props.actionLabel} />
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.expiryNote}</Text>
    </EmailLayout>
  );
}
