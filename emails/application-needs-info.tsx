import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

export type ApplicationNeedsInfoEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  requestLabel: string;
  request: string;
  amendUrl: string;
  amendLabel: string;
  singleUseNote: string;
  footer: string;
};

/** The reviewers need more information: their request and the one-time link to amend the application. */
export default function ApplicationNeedsInfoEmail(props: ApplicationNeedsInfoEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <Text style={{ fontWeight: 600, marginBottom: "0" }}>{props.requestLabel}</Text>
      <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #cbd5e1", paddingLeft: "12px" }}>{props.request}</Text>
      <ActionLink href={props.amendUrl} label={props.amendLabel} />
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.singleUseNote}</Text>
    </EmailLayout>
  );
}
