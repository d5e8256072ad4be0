import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { TabLinks } from "~/components/ui/Tabs";

// Sections of one case call in the back office; each capability owns the routes under its path segment.
const tabs: { segment: string; label: MessageKey }[] = [
  { segment: "", label: "cases.admin.tabs.overview" },
  { segment: "form", label: "cases.admin.tabs.form" },
  { segment: "rubric", label: "cases.admin.tabs.rubric" },
  { segment: "submissions", label: "cases.admin.tabs.submissions" },
  { segment: "review", label: "cases.admin.tabs.review" },
];

export function CallAdminTabs({ callId }: { callId: string }) {
  const t = useT();
  const items = tabs.map((tab) => ({ to: `/admin/calls/${callId}${tab.segment ? `/${tab.segment}` : ""}`, end: tab.segment === "", label: t(tab.label) }));
  return <TabLinks items={items} label={t("cases.admin.tabs.label")} className="no-print mb-4" />;
}
