import { Button } from "@react-email/button";
import { Img } from "@react-email/img";
import { Text } from "@react-email/text";
import { EmailLayout } from "./components/EmailLayout";
import { EventFacts, type EventFactsProps } from "./components/EventFacts";

export type TicketEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  facts: EventFactsProps;
  qrCid: string;
  qrAlt: string;
  qrHint: string;
  manageUrl: string;
  manageLabel: string;
  icsNote: string;
  footer: string;
};

/** The ticket (and the waitlist promotion, which is a ticket too): QR inline by cid, facts, manage link, .ics. */
export default function TicketEmail(props: TicketEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <EventFacts {...props.facts} />
      <Img src={`cid:${props.qrCid}`} alt={props.qrAlt} width="240" height="240" style={{ margin: "16px auto" }} />
      <Text style={{ textAlign: "center", fontSize: "13px", color: "#334155" }}>{props.qrHint}</Text>
      <Button href={props.manageUrl} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}>
        {props.manageLabel}
      </Button>
      <Text style={{ fontSize: "13px" }}>{props.manageUrl}</Text>
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.icsNote}</Text>
    </EmailLayout>
  );
}
