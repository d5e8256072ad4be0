import { upsertTaxonomy } from "~/models/taxonomy.server";

// The industries the programme's calls and deep dives name, and the agent scenarios the earlier campaign's
// panorama grouped applications by.
export const industries = [
  { code: "finance", name: "金融", nameEn: "Finance" },
  { code: "manufacturing", name: "制造", nameEn: "Manufacturing" },
  { code: "government", name: "政务", nameEn: "Government services" },
  { code: "telecom", name: "电信", nameEn: "Telecommunications" },
  { code: "healthcare", name: "医疗", nameEn: "Healthcare" },
  { code: "energy", name: "能源", nameEn: "Energy" },
  { code: "transport", name: "交通", nameEn: "Transport" },
  { code: "education", name: "教育", nameEn: "Education" },
  { code: "retail", name: "零售", nameEn: "Retail" },
  { code: "agriculture", name: "农业", nameEn: "Agriculture" },
];

export const scenarios = [
  { code: "customer-service", name: "智能客服", nameEn: "Customer service" },
  { code: "risk-control", name: "智能风控", nameEn: "Risk control" },
  { code: "marketing", name: "智能营销", nameEn: "Marketing" },
  { code: "office", name: "智能办公", nameEn: "Office work" },
  { code: "research", name: "研发设计", nameEn: "Research and design" },
  { code: "production", name: "生产运营", nameEn: "Production and operations" },
  { code: "maintenance", name: "运维巡检", nameEn: "Maintenance and inspection" },
  { code: "supply-chain", name: "供应链", nameEn: "Supply chain" },
  { code: "decision", name: "辅助决策", nameEn: "Decision support" },
  { code: "public-service", name: "公共服务", nameEn: "Public services" },
];

export async function seedTaxonomy() {
  await upsertTaxonomy({ industries, scenarios });
}
