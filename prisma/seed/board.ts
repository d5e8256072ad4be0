import { prisma } from "~/models/store/connection.server";
import { storedTags } from "~/models/board.server";

type DemoPost = {
  key: string;
  side: "NEED" | "OFFER";
  status?: "APPROVED" | "PENDING";
  firm?: number;
  org: [string, string];
  title: [string, string];
  industry: string;
  scenario: string;
  tags: string[];
  description: [string, string];
  details: [string, string];
  budget?: [number, number];
};

// Fictional demand-side organisations (banks, factories, government departments) and offers of the demo firms.
const posts: DemoPost[] = [
  {
    key: "n01",
    side: "NEED",
    org: ["东岭城市商业银行（演示）", "Dongling City Commercial Bank (demo)"],
    title: ["零售信贷反欺诈与审批提速", "Faster retail credit approval with anti-fraud"],
    industry: "finance",
    scenario: "risk-control",
    tags: ["反欺诈", "信贷审批"],
    description: ["零售信贷审批平均需三天，人工核验交易流水，欺诈申请识别滞后。", "Retail credit approval takes three days; transaction histories are checked by hand and fraud is caught late."],
    details: ["可提供脱敏交易流水两年；须行内私有化部署，适配信创环境。", "Two years of masked transactions; must run on premises on domestic hardware."],
    budget: [500_000, 1_500_000],
  },
  {
    key: "n02",
    side: "NEED",
    org: ["南湖农村商业银行（演示）", "Nanhu Rural Commercial Bank (demo)"],
    title: ["信用卡客服智能体", "A customer-service agent for credit cards"],
    industry: "finance",
    scenario: "customer-service",
    tags: ["智能客服", "大模型"],
    description: ["信用卡中心每日来电两万通，夜间人工不足。", "The card centre takes 20,000 calls a day and is short of staff at night."],
    details: ["有历史工单与知识库；通话录音不得出行。", "Past tickets and a knowledge base; recordings must stay in the bank."],
    budget: [300_000, 800_000],
  },
  {
    key: "n03",
    side: "NEED",
    org: ["华东精密制造厂（演示）", "East China Precision Works (demo)"],
    title: ["数控机床预测性维护", "Predictive maintenance for CNC machines"],
    industry: "manufacturing",
    scenario: "maintenance",
    tags: ["预测性维护", "设备巡检"],
    description: ["两百台数控机床停机损失大，故障难以提前发现。", "Unplanned stops of 200 CNC machines are costly; faults are hard to foresee."],
    details: ["振动与电流数据已接入；车间网络与办公网隔离。", "Vibration and current data are collected; the shop network is isolated."],
    budget: [800_000, 2_000_000],
  },
  {
    key: "n04",
    side: "NEED",
    org: ["滨江汽车零部件厂（演示）", "Binjiang Auto Parts (demo)"],
    title: ["质检缺陷识别", "Visual defect inspection"],
    industry: "manufacturing",
    scenario: "production",
    tags: ["视觉质检", "缺陷识别"],
    description: ["冲压件表面缺陷靠人工目检，漏检率高。", "Stamped parts are inspected by eye and defects slip through."],
    details: ["每天十万张图片；产线节拍两秒。", "100,000 images a day; a two-second line cycle."],
  },
  {
    key: "n05",
    side: "NEED",
    org: ["青州市政务服务中心（演示）", "Qingzhou Government Service Centre (demo)"],
    title: ["政务热线工单分派", "Routing the government hotline's tickets"],
    industry: "government",
    scenario: "public-service",
    tags: ["工单分派", "智能客服"],
    description: ["12345 热线工单人工分派到四十个部门，转办慢。", "Hotline tickets are routed by hand to 40 departments and move slowly."],
    details: ["历史工单三年；须部署在政务云。", "Three years of tickets; must run on the government cloud."],
    budget: [200_000, 600_000],
  },
  {
    key: "n06",
    side: "NEED",
    org: ["临海市数据局（演示）", "Linhai Municipal Data Bureau (demo)"],
    title: ["公文起草与办公助手", "Drafting and office assistant for documents"],
    industry: "government",
    scenario: "office",
    tags: ["公文写作", "知识库"],
    description: ["各处室公文起草耗时，格式规范要求严格。", "Drafting official documents takes long and formats are strict."],
    details: ["内网环境，数据不出局。", "Internal network only; data stays in the bureau."],
  },
  {
    key: "n07",
    side: "NEED",
    status: "PENDING",
    org: ["西山供电公司（演示）", "Xishan Power Supply (demo)"],
    title: ["输电线路巡检", "Power-line inspection"],
    industry: "energy",
    scenario: "maintenance",
    tags: ["设备巡检", "无人机"],
    description: ["线路巡检依赖人工登塔。", "Inspection still means climbing towers."],
    details: ["无人机影像已有积累。", "Drone footage is available."],
  },
  {
    key: "o01",
    side: "OFFER",
    firm: 3,
    org: ["锦程金融智能（演示）", "Jincheng FinAI (demo)"],
    title: ["信贷审批与反欺诈智能体", "Credit approval and anti-fraud agents"],
    industry: "finance",
    scenario: "risk-control",
    tags: ["反欺诈", "信贷审批", "大模型"],
    description: ["面向银行的信贷审批与反欺诈智能体，支持私有化部署与信创环境。", "Credit approval and anti-fraud agents for banks, on premises and on domestic hardware."],
    details: ["已在三家城商行上线，审批时效提升 60%。", "Live at three city banks; approvals 60% faster."],
  },
  {
    key: "o02",
    side: "OFFER",
    firm: 1,
    org: ["云帆智能体实验室（演示）", "Cloudsail Agent Lab (demo)"],
    title: ["多渠道智能客服智能体", "Multichannel customer-service agents"],
    industry: "finance",
    scenario: "customer-service",
    tags: ["智能客服", "大模型", "知识库"],
    description: ["电话与在线客服智能体，接入知识库与工单系统，夜间自动应答。", "Phone and chat agents wired to the knowledge base and ticketing, answering at night."],
    details: ["银行与运营商客户；支持本地部署。", "Bank and carrier customers; runs on premises."],
  },
  {
    key: "o03",
    side: "OFFER",
    firm: 4,
    org: ["匠心工业智能（演示）", "Artisan Industrial AI (demo)"],
    title: ["设备预测性维护平台", "Predictive maintenance platform"],
    industry: "manufacturing",
    scenario: "maintenance",
    tags: ["预测性维护", "设备巡检"],
    description: ["基于振动与电流信号的设备异常检测与预测性维护，边缘部署。", "Anomaly detection and predictive maintenance from vibration and current, at the edge."],
    details: ["服务机床、风机与产线设备逾千台。", "Over a thousand machines, fans and line assets served."],
  },
  {
    key: "o04",
    side: "OFFER",
    firm: 4,
    org: ["匠心工业智能（演示）", "Artisan Industrial AI (demo)"],
    title: ["视觉质检缺陷识别", "Visual inspection of defects"],
    industry: "manufacturing",
    scenario: "production",
    tags: ["视觉质检", "缺陷识别"],
    description: ["产线视觉质检，小样本训练，识别表面缺陷。", "Line-side visual inspection trained on few samples, finding surface defects."],
    details: ["节拍一秒内完成判定。", "A verdict within one second."],
  },
  {
    key: "o05",
    side: "OFFER",
    firm: 6,
    org: ["政通智慧服务（演示）", "Zhengtong Gov Services (demo)"],
    title: ["政务热线工单智能分派", "Smart routing of hotline tickets"],
    industry: "government",
    scenario: "public-service",
    tags: ["工单分派", "智能客服"],
    description: ["热线工单自动分类与分派，支持政务云部署。", "Hotline tickets classified and routed automatically, on the government cloud."],
    details: ["已服务两个地市热线。", "Serving two city hotlines."],
  },
  {
    key: "o06",
    side: "OFFER",
    firm: 8,
    org: ["知微检索科技（演示）", "Zhiwei Retrieval (demo)"],
    title: ["公文写作与知识库助手", "Document drafting and knowledge assistant"],
    industry: "government",
    scenario: "office",
    tags: ["公文写作", "知识库"],
    description: ["基于内部知识库的公文起草助手，内网部署。", "A drafting assistant over the internal knowledge base, on the intranet."],
    details: ["支持公文格式校验。", "Checks official formats."],
  },
  {
    key: "o07",
    side: "OFFER",
    status: "PENDING",
    firm: 7,
    org: ["安衡可信计算（演示）", "Anheng Trusted Computing (demo)"],
    title: ["大模型安全评测", "Safety evaluation of large models"],
    industry: "finance",
    scenario: "risk-control",
    tags: ["安全评测"],
    description: ["大模型与智能体的安全评测服务。", "Safety evaluation of models and agents."],
    details: ["评测报告符合行业标准。", "Reports follow industry standards."],
  },
];

// Accepted and pending contact requests between the demo posts.
const requests: { from: string; to: string; status: "PENDING" | "ACCEPTED" | "DECLINED"; message: string }[] = [
  { from: "o01", to: "n01", status: "ACCEPTED", message: "我们在城商行有信贷审批反欺诈落地经验，希望进一步沟通。" },
  { from: "o02", to: "n02", status: "PENDING", message: "可安排夜间客服智能体演示。" },
  { from: "o03", to: "n03", status: "ACCEPTED", message: "可先在十台机床上试点。" },
  { from: "o06", to: "n05", status: "DECLINED", message: "也可以做工单分派。" },
];

/** The demo scenario board: approved needs and offers, a few pending ones, and contact requests (idempotent). */
export async function seedBoard(firms: { id: string }[], now = new Date()) {
  const db = await prisma();
  const industries = new Map((await db.industry.findMany()).map((term) => [term.code, term.id]));
  const scenarios = new Map((await db.scenario.findMany()).map((term) => [term.code, term.id]));
  for (const [index, post] of posts.entries()) {
    const approved = (post.status ?? "APPROVED") === "APPROVED";
    const publishedAt = approved ? new Date(now.getTime() - (index + 1) * 86_400_000) : null;
    const data = {
      side: post.side,
      status: post.status ?? "APPROVED",
      firmId: post.firm === undefined ? null : (firms[post.firm]?.id ?? null),
      organizationName: post.org[0],
      organizationNameEn: post.org[1],
      title: post.title[0],
      titleEn: post.title[1],
      industryId: industries.get(post.industry) ?? null,
      scenarioId: scenarios.get(post.scenario) ?? null,
      tags: storedTags(post.tags),
      description: post.description[0],
      descriptionEn: post.description[1],
      details: post.details[0],
      detailsEn: post.details[1],
      budgetMin: post.budget?.[0] ?? null,
      budgetMax: post.budget?.[1] ?? null,
      contactName: `${post.org[0].slice(0, 2)}联系人`,
      contactEmail: `board-${post.key}@demo.example.org`,
      contactPhone: `+86 21 5555 0${post.key.slice(1)}`,
      reviewedAt: publishedAt,
      publishedAt,
    };
    await db.boardPost.upsert({ where: { id: `demo-board-${post.key}` }, create: { id: `demo-board-${post.key}`, ...data }, update: {} });
  }
  for (const request of requests) {
    const fromPostId = `demo-board-${request.from}`;
    const toPostId = `demo-board-${request.to}`;
    await db.boardContactRequest.upsert({
      where: { fromPostId_toPostId: { fromPostId, toPostId } },
      create: { fromPostId, toPostId, status: request.status, message: request.message, decidedAt: request.status === "PENDING" ? null : now },
      update: {},
    });
  }
}
