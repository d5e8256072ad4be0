import type { CaseDecision, CaseSubmissionStatus, Firm } from "~/generated/prisma/client";
import { planAssignments } from "~/models/case-assignment";
import { refreshCaseSearchText } from "~/models/case-library.server";
import { prisma } from "~/models/store/connection.server";
import { createUser, findUserByEmail } from "~/models/user.server";
import { programmeZone } from "~/utils/time";

export const demoCallSlug = "agent-cases-2025";

/** The call's three reviewers; the second declared a conflict with the fourth founding firm. */
export const demoReviewerLogins = [
  { role: "reviewer (2025 case call)", email: "reviewer@demo.example.org", password: "demo-reviewer-2025", name: "评审专家周老师" },
  { role: "reviewer (2025 case call)", email: "reviewer2@demo.example.org", password: "demo-reviewer-2025", name: "评审专家吴老师" },
  { role: "reviewer (2025 case call)", email: "reviewer3@demo.example.org", password: "demo-reviewer-2025", name: "评审专家郑老师" },
];

const rubric = [
  { key: "innovation", name: "创新性", nameEn: "Innovation", weight: 0.25 },
  { key: "impact", name: "应用成效", nameEn: "Impact", weight: 0.25 },
  { key: "replicability", name: "可复制推广性", nameEn: "Replicability", weight: 0.2 },
  { key: "technology", name: "技术先进性", nameEn: "Technical merit", weight: 0.15 },
  { key: "trust", name: "安全可信", nameEn: "Safety and trust", weight: 0.15 },
];

type DemoCase = {
  firm: number;
  co?: number[];
  industry: string;
  scenario: string;
  status: CaseSubmissionStatus;
  decision?: CaseDecision;
  consent?: boolean;
  shortlisted?: boolean;
  publish?: boolean;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  figures?: { label: string; labelEn: string; value: string }[];
};

// Fictional cases of the demo firms, one in every state of a call: published ones across several industries and
// scenarios (so the panorama has colour), a selected one without publication consent, and the rest of the way.
const demoCases: DemoCase[] = [
  {
    firm: 3,
    co: [2],
    industry: "finance",
    scenario: "risk-control",
    status: "SUBMITTED",
    decision: "TYPICAL",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "信贷审批智能风控体",
    titleEn: "A risk-control agent for credit approval",
    summary: "以多智能体协同完成贷前尽调、反欺诈识别与授信建议，审批人员专注复核。",
    summaryEn: "Cooperating agents run pre-loan checks, fraud detection and credit proposals; officers focus on review.",
    figures: [
      { label: "审批时效", labelEn: "Approval time", value: "缩短 60%" },
      { label: "欺诈识别率", labelEn: "Fraud detection", value: "提升 25%" },
    ],
  },
  {
    firm: 1,
    industry: "finance",
    scenario: "customer-service",
    status: "SUBMITTED",
    decision: "EXCELLENT",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "银行远程银行智能客服",
    titleEn: "Customer-service agents for remote banking",
    summary: "智能体接管常见业务咨询与办理引导，复杂问题无缝转人工。",
    summaryEn: "Agents answer common banking questions and guide transactions, handing complex ones to staff.",
    figures: [{ label: "自助解决率", labelEn: "Self-service resolution", value: "78%" }],
  },
  {
    firm: 4,
    industry: "manufacturing",
    scenario: "maintenance",
    status: "SUBMITTED",
    decision: "TYPICAL",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "产线设备预测性运维智能体",
    titleEn: "Predictive maintenance agents on the production line",
    summary: "融合设备时序数据与维修知识库，提前发现故障并生成工单。",
    summaryEn: "Sensor series and the maintenance knowledge base predict failures and open work orders.",
    figures: [{ label: "非计划停机", labelEn: "Unplanned downtime", value: "减少 35%" }],
  },
  {
    firm: 6,
    co: [8],
    industry: "government",
    scenario: "public-service",
    status: "SUBMITTED",
    decision: "TYPICAL",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "政务服务“一网通办”智能导办",
    titleEn: "One-stop government service guide",
    summary: "智能体理解群众诉求，自动匹配事项、预审材料并指引办理。",
    summaryEn: "Agents understand requests, match services, pre-check documents and guide citizens through them.",
    figures: [{ label: "材料一次通过率", labelEn: "First-time document approval", value: "92%" }],
  },
  {
    firm: 5,
    industry: "telecom",
    scenario: "customer-service",
    status: "SUBMITTED",
    decision: "EXCELLENT",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "通信运营商装维智能调度",
    titleEn: "Installation and repair dispatch for a carrier",
    summary: "智能体根据工单、技能与路况自动派单并与用户确认上门时间。",
    summaryEn: "Agents dispatch technicians by skill and traffic and confirm visits with customers.",
    figures: [{ label: "一次上门解决率", labelEn: "First-visit fix rate", value: "提升 18%" }],
  },
  {
    firm: 7,
    industry: "energy",
    scenario: "maintenance",
    status: "SUBMITTED",
    decision: "TYPICAL",
    consent: true,
    shortlisted: true,
    publish: true,
    title: "电网巡检多模态智能体",
    titleEn: "Multimodal agents for power-grid inspection",
    summary: "无人机影像与巡检报告由智能体自动研判缺陷等级并生成检修建议。",
    summaryEn: "Agents grade defects from drone images and inspection reports and propose repairs.",
    figures: [{ label: "巡检效率", labelEn: "Inspection throughput", value: "提升 3 倍" }],
  },
  {
    firm: 9,
    industry: "healthcare",
    scenario: "decision",
    status: "SUBMITTED",
    decision: "EXCELLENT",
    consent: false,
    shortlisted: true,
    title: "临床辅助决策智能体",
    titleEn: "Clinical decision-support agent",
    summary: "基于指南与病历的诊疗建议（提交单位未同意公开）。",
    summaryEn: "Guideline-based treatment suggestions (the submitter did not consent to publication).",
  },
  {
    firm: 10,
    industry: "transport",
    scenario: "supply-chain",
    status: "SUBMITTED",
    decision: "NOT_SELECTED",
    consent: true,
    shortlisted: true,
    title: "港口集装箱调度助手",
    titleEn: "Container yard scheduling assistant",
    summary: "堆场作业计划的智能排程。",
    summaryEn: "Scheduling of yard operations.",
  },
  {
    firm: 2,
    industry: "retail",
    scenario: "marketing",
    status: "SUBMITTED",
    consent: true,
    shortlisted: true,
    title: "零售门店智能营销助手",
    titleEn: "Marketing assistant for retail stores",
    summary: "根据客群与库存生成门店营销活动。",
    summaryEn: "Store campaigns from customer segments and stock.",
  },
  {
    firm: 8,
    industry: "education",
    scenario: "office",
    status: "SUBMITTED",
    consent: true,
    title: "高校教务智能办公助手",
    titleEn: "Office assistant for university registrars",
    summary: "排课、成绩与通知的智能处理。",
    summaryEn: "Timetables, grades and notices handled by agents.",
  },
  {
    firm: 0,
    industry: "agriculture",
    scenario: "production",
    status: "DRAFT",
    title: "智慧农场种植管理智能体",
    titleEn: "Farm planting management agent",
    summary: "草稿：种植计划与病虫害预警。",
    summaryEn: "Draft: planting plans and pest alerts.",
  },
  {
    firm: 0,
    industry: "finance",
    scenario: "office",
    status: "WITHDRAWN",
    consent: true,
    title: "保险理赔单证识别",
    titleEn: "Insurance claim document reading",
    summary: "已撤回的申报。",
    summaryEn: "A withdrawn submission.",
  },
];

const longText = (kind: "problem" | "solution" | "results", title: string) =>
  ({
    problem: `${title}之前，业务依赖人工逐件处理，高峰期积压明显，经验难以沉淀和复用。`,
    solution: `${title}以大模型为基础，结合企业知识库与业务系统接口，由多个智能体分工协作，关键环节保留人工确认。`,
    results: `${title}上线后运行稳定，处理效率与准确率显著提升，已在多个分支机构推广。`,
  })[kind];

const longTextEn = (kind: "problem" | "solution" | "results", title: string) =>
  ({
    problem: `Before "${title}", the work was done by hand one item at a time, with backlogs at peak times and little reuse of experience.`,
    solution: `"${title}" builds on a foundation model with the firm's knowledge base and business systems; several agents share the work and people confirm the key steps.`,
    results: `Since "${title}" went live it has run reliably, with clearly faster and more accurate processing, and has spread to several branches.`,
  })[kind];

async function ensureReviewers(callId: string) {
  const db = await prisma();
  const reviewers = [];
  for (const login of demoReviewerLogins) {
    const user = (await findUserByEmail(login.email)) ?? (await createUser({ email: login.email, name: login.name, password: login.password }));
    if (!(await db.roleAssignment.findFirst({ where: { userId: user.id, role: "REVIEWER", callId } }))) await db.roleAssignment.create({ data: { userId: user.id, role: "REVIEWER", callId } });
    reviewers.push(user);
  }
  return reviewers;
}

/** The demo call "2025 智能体场景应用典型案例征集": closed, reviewed, decided, with six published cases. */
export async function seedCases({ firms, now = new Date() }: { firms: Firm[]; now?: Date }) {
  const db = await prisma();
  const call = await db.caseCall.upsert({
    where: { slug: demoCallSlug },
    update: {},
    create: {
      slug: demoCallSlug,
      title: "2025 智能体场景应用典型案例征集",
      titleEn: "2025 call for typical agent application cases",
      description: "面向全社会征集智能体在各行业的场景应用实践，遴选典型案例和标杆解决方案，形成可复制、可推广的参考。",
      descriptionEn: "An open call for agent applications across industries, to select typical cases and benchmark solutions that others can follow.",
      eligibility: "在中国境内注册的企事业单位，案例已实际落地运行。",
      eligibilityEn: "Organisations registered in China with a case running in production.",
      timeZone: programmeZone,
      opensAt: new Date("2025-08-01T00:00:00Z"),
      closesAt: new Date("2025-10-31T15:59:59Z"),
      publishedAt: new Date("2025-07-25T02:00:00Z"),
      licence: "提交单位同意主办方以案例集、案例库和开放接口的形式公开案例的标题、概述、问题、方案、成效与关键数据，署名提交单位。",
      licenceEn: "The submitter allows the organizers to publish the case's title, summary, problem, solution, results and figures in the booklet, the library and the API, credited to the submitter.",
      blindReview: true,
      reviewersPerCase: 3,
      criteria: { create: rubric.map((criterion, position) => ({ ...criterion, position })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const reviewers = await ensureReviewers(call.id);
  const conflicted = { reviewer: reviewers[1], firm: firms[3] };
  await db.caseConflict.upsert({
    where: { callId_userId_firmId: { callId: call.id, userId: conflicted.reviewer.id, firmId: conflicted.firm.id } },
    update: {},
    create: { callId: call.id, userId: conflicted.reviewer.id, firmId: conflicted.firm.id, kind: "DECLARED", note: "曾为该企业提供咨询服务" },
  });
  if ((await db.caseSubmission.count({ where: { callId: call.id } })) > 0) return { call };

  const industries = new Map((await db.industry.findMany()).map((term) => [term.code, term.id]));
  const scenarios = new Map((await db.scenario.findMany()).map((term) => [term.code, term.id]));
  const decidedAt = new Date("2025-11-20T02:00:00Z");
  const submittedCases: { id: string; index: number; firmIds: string[] }[] = [];
  for (const [index, demo] of demoCases.entries()) {
    const firm = firms[demo.firm];
    const submitted = demo.status !== "DRAFT";
    const submission = await db.caseSubmission.create({
      data: {
        callId: call.id,
        firmId: firm.id,
        organizationName: firm.name,
        organizationNameEn: firm.nameEn,
        contactName: `${firm.city}联络人`,
        contactEmail: `cases${index + 1}@firm${demo.firm + 1}.demo.example.org`,
        status: demo.status,
        title: demo.title,
        titleEn: demo.titleEn,
        industryId: industries.get(demo.industry),
        scenarioId: scenarios.get(demo.scenario),
        summary: demo.summary,
        summaryEn: demo.summaryEn,
        problem: longText("problem", demo.title),
        problemEn: longTextEn("problem", demo.titleEn),
        solution: longText("solution", demo.title),
        solutionEn: longTextEn("solution", demo.titleEn),
        results: longText("results", demo.title),
        resultsEn: longTextEn("results", demo.titleEn),
        figures: JSON.stringify(demo.figures ?? []),
        publicationConsent: demo.consent ?? false,
        consentAt: demo.consent ? new Date("2025-10-20T02:00:00Z") : null,
        licenceVersion: demo.consent ? call.licenceVersion : null,
        submittedAt: submitted ? new Date(Date.UTC(2025, 9, 1 + index, 2)) : null,
        withdrawnAt: demo.status === "WITHDRAWN" ? new Date("2025-10-25T02:00:00Z") : null,
        shortlisted: demo.shortlisted ?? false,
        decision: demo.decision ?? null,
        decidedAt: demo.decision ? decidedAt : null,
        publishedAt: demo.publish ? new Date(Math.min(now.getTime(), Date.UTC(2025, 11, 1, 2))) : null,
        coSubmitters: { create: (demo.co ?? []).map((co, position) => ({ firmId: firms[co].id, name: firms[co].name, nameEn: firms[co].nameEn, position })) },
      },
    });
    if (demo.status === "SUBMITTED") submittedCases.push({ id: submission.id, index, firmIds: [firm.id, ...(demo.co ?? []).map((co) => firms[co].id)] });
    if (demo.publish) await refreshCaseSearchText(submission.id);
  }

  // The reviewers are assigned as the organizers' "assign automatically" does, so the declared conflict is
  // respected (its case gets two reviewers, not three); each scores every criterion (1–5), comments included.
  const { added } = planAssignments({
    cases: submittedCases,
    reviewers: reviewers.map((reviewer) => ({ id: reviewer.id, conflictFirmIds: reviewer.id === conflicted.reviewer.id ? [conflicted.firm.id] : [] })),
    existing: [],
    perCase: call.reviewersPerCase,
  });
  for (const { caseId, reviewerId } of added) {
    const { index } = submittedCases.find((kase) => kase.id === caseId)!;
    const position = reviewers.findIndex((reviewer) => reviewer.id === reviewerId);
    await db.caseReviewAssignment.create({
      data: {
        submissionId: caseId,
        reviewerUserId: reviewerId,
        comment: "案例落地扎实，数据翔实。",
        completedAt: decidedAt,
        scores: { create: call.criteria.map((criterion, c) => ({ criterionId: criterion.id, score: 1 + ((index * 3 + position * 2 + c + (index < 6 ? 9 : 5)) % 5) })) },
      },
    });
  }
  return { call };
}
