import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

export type PasswordResetEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  actionUrl: string;
  actionLabel: string;
  expiryNote: string;
  notYou: string;
  footer: string;
};

/** A one-time link to choose a new password, asked for on the "forgot password" page. */
export default function PasswordResetEmail(props: PasswordResetEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      <ActionLink href={props.actionUrl} label={props.actionLabel} />
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.expiryNote}</Text>
      <Text style={{ fontSize: "13px", color: "#475569" }}>{props.notYou}</Text>
    </EmailLayout>
  );
}
