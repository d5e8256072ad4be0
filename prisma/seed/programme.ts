import { prisma } from "~/utils/db.server";

export const programmeSlug = "agent-innovation";

// Clearly fictional founding firms (DESIGN.md §8); the real programme's members are not named here.
export const foundingFirms = [
  { name: "星河智算科技（演示）", nameEn: "Galaxy Compute (demo)", industry: "算力与大模型", city: "北京" },
  { name: "云帆智能体实验室（演示）", nameEn: "Cloudsail Agent Lab (demo)", industry: "智能体开发平台", city: "杭州" },
  { name: "澄明数据科技（演示）", nameEn: "Clearwater Data (demo)", industry: "数据服务", city: "上海" },
  { name: "锦程金融智能（演示）", nameEn: "Jincheng FinAI (demo)", industry: "金融", city: "上海" },
  { name: "匠心工业智能（演示）", nameEn: "Artisan Industrial AI (demo)", industry: "智能制造", city: "深圳" },
  { name: "通衢通信科技（演示）", nameEn: "Crossroads Telecom Tech (demo)", industry: "电信", city: "广州" },
  { name: "政通智慧服务（演示）", nameEn: "Zhengtong Gov Services (demo)", industry: "政务服务", city: "成都" },
  { name: "安衡可信计算（演示）", nameEn: "Anheng Trusted Computing (demo)", industry: "安全与可信", city: "北京" },
  { name: "知微检索科技（演示）", nameEn: "Zhiwei Retrieval (demo)", industry: "检索与知识", city: "武汉" },
  { name: "码上智能编程（演示）", nameEn: "CodeNow Agents (demo)", industry: "代码智能体", city: "南京" },
  { name: "启元协议实验室（演示）", nameEn: "Qiyuan Protocol Lab (demo)", industry: "通信协议与标准", city: "北京" },
];

export async function seedProgramme() {
  const db = await prisma();
  const launchedAt = new Date("2025-07-23T01:00:00Z");
  const programme = await db.programme.upsert({
    where: { slug: programmeSlug },
    update: {},
    create: {
      slug: programmeSlug,
      name: "智能体创新推进计划",
      nameEn: "Agent Innovation Promotion Programme",
      description:
        "由行业协会联合 11 家智能体上下游企业发起，旨在凝聚合力，打造“包容多元—联合创新—应用推广—生态集聚—人才培养”的全链式智能体产业发展生态，并面向全社会征集智能体场景应用典型案例。",
      descriptionEn:
        "Launched by the industry association with 11 founding firms across the agent value chain to build a full-chain ecosystem — inclusive, co-innovating, deploying, clustering and training talent — with a public call for typical application cases.",
      launchedAt,
      charterVersion: "2025-07",
      charterText: "成员单位承诺：开放协作、标准互通、以人为本、可信可控。",
    },
  });
  const firms = [];
  for (const firm of foundingFirms) {
    const existing = await db.firm.findFirst({ where: { programmeId: programme.id, name: firm.name } });
    firms.push(
      existing ??
        (await db.firm.create({
          data: { ...firm, programmeId: programme.id, founding: true, memberSince: launchedAt, description: `${firm.industry}领域的示例成员企业。` },
        })),
    );
  }
  return { programme, firms };
}
