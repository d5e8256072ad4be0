import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

export type CaseSubmissionEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  lines: string[];
  actionUrl: string;
  actionLabel: string;
  footer: string;
};

/** The typical-case call's messages to a submitter: the contributor account link, and the submission received. */
export default function CaseSubmissionEmail(props: CaseSubmissionEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      {props.lines.map((line) => (
        <Text key={line} style={{ fontSize: "14px", color: "#334155" }}>
          {line}
        </Text>
      ))}
      <ActionLink href={props.actionUrl} label={props.actionLabel} />
    </EmailLayout>
  );
}
