import { EmailLayout } from "./components/EmailLayout";

export type CaseDecisionEmailProps = {
  lang: string;
  heading: string;
  greeting: string;
  intro: string;
  footer: string;
};

/** The outcome of a case submitted to a call: 典型案例, 优秀案例 or 未入选. */
export default function CaseDecisionEmail(props: CaseDecisionEmailProps) {
  return <EmailLayout lang={props.lang} heading={props.heading} greeting={props.greeting} intro={props.intro} footer={props.footer} />;
}
