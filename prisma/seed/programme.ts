import { applicationInputSchema } from "~/schemas/application";
import { reviewApplication, submitApplication } from "~/models/application.server";
import { withCheckCharacter } from "~/models/credit-code";
import { firmNameKey } from "~/models/firm-name";
import { inviteFirmContact, listFirmContacts } from "~/models/firm.server";
import { createChecklistInTransaction, ensureDefaultSteps, listSteps, setStepCompletion } from "~/models/onboarding.server";
import { prisma, writeTransaction } from "~/models/store/connection.server";

export const programmeSlug = "agent-innovation";

// Clearly fictional founding firms (DESIGN.md §8); the real programme's members are not named here.
export const foundingFirms = [
  { name: "星河智算科技（演示）", nameEn: "Galaxy Compute (demo)", industry: "算力与大模型", industryEn: "Compute and foundation models", city: "北京", cityEn: "Beijing" },
  { name: "云帆智能体实验室（演示）", nameEn: "Cloudsail Agent Lab (demo)", industry: "智能体开发平台", industryEn: "Agent development platforms", city: "杭州", cityEn: "Hangzhou" },
  { name: "澄明数据科技（演示）", nameEn: "Clearwater Data (demo)", industry: "数据服务", industryEn: "Data services", city: "上海", cityEn: "Shanghai" },
  { name: "锦程金融智能（演示）", nameEn: "Jincheng FinAI (demo)", industry: "金融", industryEn: "Finance", city: "上海", cityEn: "Shanghai" },
  { name: "匠心工业智能（演示）", nameEn: "Artisan Industrial AI (demo)", industry: "智能制造", industryEn: "Smart manufacturing", city: "深圳", cityEn: "Shenzhen" },
  { name: "通衢通信科技（演示）", nameEn: "Crossroads Telecom Tech (demo)", industry: "电信", industryEn: "Telecoms", city: "广州", cityEn: "Guangzhou" },
  { name: "政通智慧服务（演示）", nameEn: "Zhengtong Gov Services (demo)", industry: "政务服务", industryEn: "Government services", city: "成都", cityEn: "Chengdu" },
  { name: "安衡可信计算（演示）", nameEn: "Anheng Trusted Computing (demo)", industry: "安全与可信", industryEn: "Security and trust", city: "北京", cityEn: "Beijing" },
  { name: "知微检索科技（演示）", nameEn: "Zhiwei Retrieval (demo)", industry: "检索与知识", industryEn: "Search and knowledge", city: "武汉", cityEn: "Wuhan" },
  { name: "码上智能编程（演示）", nameEn: "CodeNow Agents (demo)", industry: "代码智能体", industryEn: "Coding agents", city: "南京", cityEn: "Nanjing" },
  { name: "启元协议实验室（演示）", nameEn: "Qiyuan Protocol Lab (demo)", industry: "通信协议与标准", industryEn: "Protocols and standards", city: "北京", cityEn: "Beijing" },
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
      description: "由行业协会联合 11 家智能体上下游企业发起，旨在凝聚合力，打造“包容多元—联合创新—应用推广—生态集聚—人才培养”的全链式智能体产业发展生态，并面向全社会征集智能体场景应用典型案例。",
      descriptionEn:
        "Launched by the industry association with 11 founding firms across the agent value chain to build a full-chain ecosystem — inclusive, co-innovating, deploying, clustering and training talent — with a public call for typical application cases.",
      launchedAt,
      charterVersion: "2025-07",
      charterText: "成员单位承诺：开放协作、标准互通、以人为本、可信可控。",
    },
  });
  await ensureDefaultSteps(programme.id);
  const firms = [];
  for (const [index, firm] of foundingFirms.entries()) {
    const existing = await db.firm.findFirst({ where: { programmeId: programme.id, name: firm.name } });
    firms.push(
      existing ??
        (await db.firm.create({
          data: {
            ...firm,
            nameNormalized: firmNameKey(firm.name),
            programmeId: programme.id,
            founding: true,
            memberSince: launchedAt,
            creditCode: foundingCreditCode(index),
            size: index < 4 ? "1000+" : "200-999",
            website: `https://firm${index + 1}.demo.example.org`,
            description: `${firm.industry}领域的示例成员企业。`,
            descriptionEn: `A demo member firm in ${firm.industryEn.toLowerCase()}.`,
          },
        })),
    );
  }
  await seedOnboardingStages(programme.id, firms);
  await seedPendingApplications(programme.charterVersion);
  return { programme, firms };
}

/** Fictional but valid codes: authority 9, type 1, division 110108, a made-up organisation code. */
export function foundingCreditCode(index: number) {
  return withCheckCharacter(`91110108DEMO${String(index + 1).padStart(4, "0")}X`.replace(/O/g, "0"));
}

// How many checklist steps each founding firm has done: the demo shows firms at every stage, and the
// demo firm contact's firm (the first) is part-way with overdue steps.
const stages = [2, 5, 4, 4, 3, 3, 2, 1, 1, 0, 5];
const dayMs = 86_400_000;

async function seedOnboardingStages(programmeId: string, firms: { id: string; memberSince: Date | null }[]) {
  const db = await prisma();
  const steps = await listSteps();
  for (const [index, firm] of firms.entries()) {
    await writeTransaction((sql) => createChecklistInTransaction(sql, { firmId: firm.id, programmeId }));
    const done = await db.firmOnboardingStep.findMany({ where: { firmId: firm.id, completedAt: { not: null } } });
    for (const [position, step] of steps.slice(0, stages[index] ?? 0).entries()) {
      if (done.some((row) => row.stepId === step.id)) continue;
      const completedAt = new Date((firm.memberSince ?? new Date()).getTime() + (position + 1) * 6 * dayMs);
      await setStepCompletion({ firmId: firm.id, stepId: step.id, done: true, now: completedAt });
    }
    // A few founding firms have named contacts (the first one gets the demo login from seed/users.ts).
    if (index >= 1 && index <= 3 && (await listFirmContacts(firm.id)).length === 0) {
      await inviteFirmContact({ firmId: firm.id, email: `contact${index + 1}@firms.demo.example.org`, name: `${foundingFirms[index].name.replace("（演示）", "")}联络人`, locale: "zh-CN" });
    }
  }
}

const seedReviewer = { id: "demo-seed", name: "演示秘书处" };

async function seedPendingApplications(charterVersion: string) {
  const pending = [
    {
      firmName: "青禾农业智能（演示）",
      code: withCheckCharacter("91320500MA1QH0001"),
      industry: "智慧农业",
      city: "苏州",
      contactName: "林青禾",
      contactEmail: "apply.qinghe@demo.example.org",
      size: "50-199",
      offers: "农业病虫害识别智能体",
      needs: "县域政务与农业场景试点",
      review: null,
    },
    {
      firmName: "远帆物流智能体（演示）",
      code: withCheckCharacter("91440300MA5YF0002"),
      industry: "物流",
      city: "深圳",
      contactName: "Alex Chen",
      contactEmail: "apply.yuanfan@demo.example.org",
      size: "200-999",
      offers: "Route-planning agents for freight",
      needs: "Partners in manufacturing",
      review: "UNDER_REVIEW",
      locale: "en",
    },
    // Same credit code as a founding firm: shows how a repeated application is linked, not duplicated.
    {
      firmName: "澄明数据科技（演示）",
      code: foundingCreditCode(2),
      industry: "数据服务",
      city: "上海",
      contactName: "周澄",
      contactEmail: "apply.chengming@demo.example.org",
      size: "1000+",
      offers: "数据治理",
      needs: "新业务线加入计划",
      review: null,
    },
  ] as const;
  for (const application of pending) {
    const input = applicationInputSchema.parse({
      firmName: application.firmName,
      creditCode: application.code,
      industry: application.industry,
      city: application.city,
      size: application.size,
      offers: application.offers,
      needs: application.needs,
      contactName: application.contactName,
      contactEmail: application.contactEmail,
      contactPhone: "+86 21 5555 0100",
      charterVersion,
      charterAccepted: true,
    });
    const { application: stored } = await submitApplication({ input, locale: "locale" in application ? application.locale : "zh-CN" });
    if (application.review && stored.status === "SUBMITTED") {
      await reviewApplication({ id: stored.id, action: { to: application.review }, actor: seedReviewer });
    }
  }
}
