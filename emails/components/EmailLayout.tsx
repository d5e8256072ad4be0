import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";

type EmailLayoutProps = {
  lang: string;
  heading: ReactNode;
  // The inbox preview line; the heading when it is plain text and none is given.
  preview?: string;
  greeting?: ReactNode;
  intro?: ReactNode;
  footer: string;
  children?: ReactNode;
};

/** The frame every message shares: preview line, heading, greeting, opening paragraph, body, and a footer saying why it was sent. */
export function EmailLayout({ lang, heading, preview, greeting, intro, footer, children }: EmailLayoutProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview ?? (typeof heading === "string" ? heading : "")}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", borderRadius: "8px" }}>
          <Section>
            <Heading as="h1" style={{ fontSize: "20px" }}>
              {heading}
            </Heading>
            {greeting ? <Text>{greeting}</Text> : null}
            {intro ? <Text>{intro}</Text> : null}
            {children}
          </Section>
          <Hr />
          <Text style={{ color: "#64748b", fontSize: "12px" }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
