import { Button } from "@react-email/button";
import { Text } from "@react-email/text";
import { EmailLayout } from "./components/EmailLayout";
import { EventFacts, type EventFactsProps } from "./components/EventFacts";

export type NoticeEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  facts: EventFactsProps;
  manageUrl?: string | null;
  manageLabel: string;
  footer: string;
};

/** Pending approval or waitlisted: what happens next, and the manage link (no QR, there is no ticket yet). */
export default function RegistrationReceivedEmail(props: NoticeEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <EventFacts {...props.facts} />
      {props.manageUrl ? (
        <>
          <Button href={props.manageUrl} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}>
            {props.manageLabel}
          </Button>
          <Text style={{ fontSize: "13px" }}>{props.manageUrl}</Text>
        </>
      ) : null}
    </EmailLayout>
  );
}
