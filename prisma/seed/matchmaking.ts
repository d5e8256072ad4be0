import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/models/store/connection.server";
import { saveSetup } from "~/models/matchmaking.server";
import { publishMeetingPlan, runMeetingPlan } from "~/models/meeting-plan.server";

/**
 * Event matchmaking demo (issue 18 §7): the Shanghai finance deep dive with 1:1 meetings on, ~40 opted-in
 * fictional participants on both sides, ~60 requests in every state and a published plan. Rows go in with
 * createMany (the demo runs in the tests' global set-up); the plan goes through the real scheduler. The
 * scenario board's needs and offers are seeded by board.ts. Idempotent: an event whose matchmaking is on
 * already is left alone.
 */
const slug = "deep-dive-finance-shanghai";
const extraPeople = 26;

const surnames = ["钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨"];
const givenNames = ["思远", "若溪", "景行", "明哲", "书瑶", "子墨", "浩然", "雨桐", "一鸣", "静怡", "嘉树", "清扬"];

type Theme = { offers: string; needs: string; tags: string[] };

// What the supply side offers and the demand side needs, around the finance scenarios of the taxonomy.
const themes: Theme[] = [
  { offers: "信贷审批反欺诈模型，支持私有化部署", needs: "零售信贷审批提速，识别欺诈申请", tags: ["反欺诈", "信贷审批"] },
  { offers: "信用卡客服智能体，夜间自动应答", needs: "信用卡客服夜间人手不足，希望引入智能客服", tags: ["智能客服", "大模型"] },
  { offers: "反洗钱可疑交易监测与报告生成", needs: "反洗钱可疑交易人工复核工作量大", tags: ["反洗钱", "合规"] },
  { offers: "理财产品适当性匹配与投顾助手", needs: "理财经理需要投顾助手辅助产品推荐", tags: ["智能投顾", "财富管理"] },
  { offers: "保险理赔单据识别与自动核赔", needs: "车险理赔单据录入慢，希望自动核赔", tags: ["理赔", "单据识别"] },
  { offers: "监管报送数据校验与指标自动生成", needs: "监管报送口径多，数据校验依赖人工", tags: ["监管报送", "数据治理"] },
];

const organizations = {
  supply: ["云帆智能科技（演示）", "深算数据（演示）", "知行智能体工作室（演示）", "澄明风控科技（演示）", "星桥软件（演示）"],
  demand: ["东岭城市商业银行（演示）", "南湖农村商业银行（演示）", "海澄保险（演示）", "江岸证券（演示）", "北辰消费金融（演示）"],
};

const sides = ["SUPPLY", "DEMAND", "SUPPLY", "DEMAND", "SUPPLY", "DEMAND", "BOTH"] as const;

// Requests in every state: most accepted (the plan's material), then pending, declined and cancelled.
const statusOf = (index: number) => (index < 34 ? "ACCEPTED" : index < 48 ? "PENDING" : index < 56 ? "DECLINED" : "CANCELLED");
const requestCount = 60;

export async function seedMatchmaking(now = new Date()) {
  const db = await prisma();
  const event = await db.event.findUnique({ where: { slug } });
  if (!event) return;
  if ((await db.matchmakingSetup.findUnique({ where: { eventId: event.id } }))?.enabled) return;
  await addPeople(event.id, now);
  await saveSetup(event.id, { enabled: true, slotMinutes: 15, tables: 8, optInClosesAt: null }, null, now);

  const [registrations, slots, finance] = await Promise.all([
    db.registration.findMany({ where: { eventId: event.id, status: "CONFIRMED" }, orderBy: { createdAt: "asc" }, select: { id: true } }),
    db.matchmakingSlot.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" }, select: { id: true } }),
    db.industry.findFirst({ where: { code: "finance" }, select: { id: true } }),
  ]);
  const profiles = registrations.map((registration, index) => {
    const side = sides[index % sides.length]!;
    const theme = themes[index % themes.length]!;
    return {
      id: `demo-mm-${String(index + 1).padStart(2, "0")}`,
      eventId: event.id,
      registrationId: registration.id,
      side,
      offers: side === "DEMAND" ? "" : theme.offers,
      needs: side === "SUPPLY" ? "" : theme.needs,
      tags: `,${theme.tags.join(",")},`,
      industryId: finance?.id ?? null,
      createdAt: new Date(now.getTime() + index),
    };
  });
  await db.matchmakingProfile.createMany({ data: profiles });
  // Everyone is free for most of the afternoon; the last two participants share no slot, so the plan shows why.
  await db.matchmakingAvailability.createMany({
    data: profiles.flatMap((profile, index) =>
      slots.filter((_, slot) => (index >= profiles.length - 2 ? slot % 2 === index % 2 : (slot + index) % 4 !== 0)).map((slot) => ({ profileId: profile.id, slotId: slot.id })),
    ),
  });

  const supply = profiles.filter((profile) => profile.side !== "DEMAND");
  const demand = profiles.filter((profile) => profile.side !== "SUPPLY");
  const pairs = new Set<string>();
  const requests: { eventId: string; fromProfileId: string; toProfileId: string; message: string; status: ReturnType<typeof statusOf>; createdAt: Date; decidedAt: Date | null }[] = [];
  for (let step = 0; requests.length < requestCount - 1 && step < supply.length * demand.length; step++) {
    const from = demand[step % demand.length]!;
    const to = supply[(step * 5 + Math.floor(step / demand.length)) % supply.length]!;
    const key = [from.id, to.id].sort().join();
    if (from.id === to.id || pairs.has(key)) continue;
    pairs.add(key);
    const status = statusOf(requests.length);
    requests.push({ eventId: event.id, fromProfileId: from.id, toProfileId: to.id, message: "希望在洽谈区当面交流落地方案。", status, createdAt: now, decidedAt: status === "PENDING" ? null : now });
  }
  const [last, other] = profiles.slice(-2);
  requests.push({ eventId: event.id, fromProfileId: last!.id, toProfileId: other!.id, message: "希望交流。", status: "ACCEPTED", createdAt: now, decidedAt: now });
  await db.meetingRequest.createMany({ data: requests });

  await runMeetingPlan(event.id, null, now);
  await publishMeetingPlan(event.id, null, now, { notify: false });
}

/** Fictional registrants added beside the registration demo's, inserted directly (no e-mail, no manage link). */
async function addPeople(eventId: string, now: Date) {
  const db = await prisma();
  const template = await db.registration.findFirst({ where: { eventId }, select: { consentNoticeVersion: true } });
  const category = await db.ticketCategory.findFirst({ where: { eventId, code: "public" }, select: { id: true } });
  const secret = () => randomBytes(18).toString("base64url");
  const people = Array.from({ length: extraPeople }, (_, index) => {
    const side = sides[(index + 15) % sides.length]!;
    const email = `shanghai.matchmaking${String(index + 1).padStart(2, "0")}@example.org`;
    return {
      eventId,
      categoryId: category?.id ?? null,
      status: "CONFIRMED" as const,
      name: `${surnames[index % surnames.length]}${givenNames[(index * 5) % givenNames.length]}`,
      email,
      emailNormalized: email,
      organization: (side === "DEMAND" ? organizations.demand : organizations.supply)[index % 5]!,
      jobTitle: side === "DEMAND" ? "业务负责人" : "解决方案总监",
      ticketCode: secret(),
      manageTokenHash: createHash("sha256").update(secret()).digest("hex"),
      consentAt: now,
      consentNoticeVersion: template?.consentNoticeVersion ?? "demo",
      decidedAt: now,
      createdAt: new Date(now.getTime() + 1000 + index),
    };
  });
  await db.registration.createMany({ data: people });
  await db.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: extraPeople } } });
  if (category) await db.ticketCategory.update({ where: { id: category.id }, data: { confirmedCount: { increment: extraPeople } } });
}
