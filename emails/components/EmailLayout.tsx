import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every message shares: preview line, header, body, and a footer saying why it was sent. */
export function EmailLayout({ lang, preview, footer, children }: { lang: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", borderRadius: "8px" }}>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ color: "#64748b", fontSize: "12px" }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
