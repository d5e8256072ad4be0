import { Text } from "@react-email/text";
import { ActionLink } from "./components/ActionLink";
import { EmailLayout } from "./components/EmailLayout";

export type OnboardingReminderEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  steps: { title: string; due: string }[];
  portalUrl: string;
  portalLabel: string;
  footer: string;
};

/** Lists the onboarding steps of a member firm that are past their due date. */
export default function OnboardingReminderEmail(props: OnboardingReminderEmailProps) {
  return (
    <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer}>
      {props.steps.map((step) => (
        <Text key={step.title} style={{ margin: "2px 0" }}>
          • {step.title} — {step.due}
        </Text>
      ))}
      <ActionLink href={props.portalUrl} label={props.portalLabel} />
    </EmailLayout>
  );
}
