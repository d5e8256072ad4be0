import { Text } from "@react-email/text";
import { EmailLayout } from "./components/EmailLayout";

export type ApplicationDecisionEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  body: string;
  reasonLabel?: string | null;
  reason?: string | null;
  next?: string | null;
  footer: string;
};

/** Approval or rejection of an application; an approval is followed by the contact invitation e-mail. */
export default function ApplicationDecisionEmail(props: ApplicationDecisionEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.body} footer={props.footer}>
      {props.reason ? (
        <>
          <Text style={{ fontWeight: 600, marginBottom: "0" }}>{props.reasonLabel}</Text>
          <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #cbd5e1", paddingLeft: "12px" }}>{props.reason}</Text>
        </>
      ) : null}
      {props.next ? <Text>{props.next}</Text> : null}
    </EmailLayout>
  );
}
