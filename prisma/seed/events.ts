import { DateTime } from "luxon";
import { createEvent, getEventBySlug, publishEvent } from "~/models/event.server";
import { createSeries, getSeriesBySlug } from "~/models/series.server";

export const forumSlug = "2025-agent-innovation-forum";
export const deepDiveSeriesSlug = "agent-deep-dive-2026";

type DeepDive = {
  slug: string;
  title: string;
  titleEn: string;
  city: string;
  cityEn: string;
  industry: string;
  industryEn: string;
  venue: string;
  venueEn: string;
  daysFromToday: number;
  capacity: number;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  // "Confirm the e-mail address first", with the place held this many minutes.
  emailConfirmHoldMinutes?: number;
};

export const deepDives: DeepDive[] = [
  {
    slug: "deep-dive-finance-shanghai",
    title: "智能体深度行·金融（上海站）",
    titleEn: "Agent Deep Dive · Finance (Shanghai)",
    city: "上海",
    cityEn: "Shanghai",
    industry: "金融",
    industryEn: "finance",
    venue: "陆家嘴示例会议中心",
    venueEn: "Lujiazui Demo Conference Centre",
    daysFromToday: 14,
    capacity: 120,
    requiresApproval: false,
    waitlistEnabled: true,
  },
  {
    slug: "deep-dive-manufacturing-shenzhen",
    title: "智能体深度行·制造（深圳站）",
    titleEn: "Agent Deep Dive · Manufacturing (Shenzhen)",
    city: "深圳",
    cityEn: "Shenzhen",
    industry: "智能制造",
    industryEn: "smart manufacturing",
    venue: "南山示例科技园报告厅",
    venueEn: "Nanshan Demo Science Park Auditorium",
    daysFromToday: 28,
    capacity: 80,
    requiresApproval: true,
    waitlistEnabled: false,
  },
  {
    slug: "deep-dive-government-chengdu",
    title: "智能体深度行·政务（成都站）",
    titleEn: "Agent Deep Dive · Government Services (Chengdu)",
    city: "成都",
    cityEn: "Chengdu",
    industry: "政务服务",
    industryEn: "government services",
    venue: "天府示例会展中心",
    venueEn: "Tianfu Demo Expo Centre",
    daysFromToday: 42,
    capacity: 30,
    requiresApproval: false,
    waitlistEnabled: true,
  },
  {
    slug: "deep-dive-telecom-guangzhou",
    title: "智能体深度行·电信（广州站）",
    titleEn: "Agent Deep Dive · Telecom (Guangzhou)",
    city: "广州",
    cityEn: "Guangzhou",
    industry: "电信",
    industryEn: "telecoms",
    venue: "珠江示例国际会议中心",
    venueEn: "Pearl River Demo International Convention Centre",
    daysFromToday: 56,
    capacity: 100,
    requiresApproval: false,
    waitlistEnabled: false,
    emailConfirmHoldMinutes: 30,
  },
];

const zone = "Asia/Shanghai";

/**
 * The forum of 2025-07-23 and the deep-dive series, created through the same model functions as the back
 * office (createSeries, createEvent, publishEvent). Idempotent: an event that exists is left as it is.
 */
export async function seedEvents(now = new Date()) {
  let forum = await getEventBySlug(forumSlug);
  if (!forum) {
    const created = await createEvent(
      {
        slug: forumSlug,
        kind: "FORUM",
        title: "2025中国互联网大会·智能体创新推进论坛",
        titleEn: "2025 China Internet Conference · Agent Innovation Forum",
        theme: "聚力智能体生态，共启应用创新元年",
        themeEn: "Building the agent ecosystem together, opening the first year of agent applications",
        description: "论坛汇聚政产学研用各方代表，探讨智能体技术的前沿趋势、生态构建与产业实践，并举办“智能体创新推进计划”启动仪式。",
        descriptionEn: "Government, industry, academia and users discuss agent technology trends, ecosystem building and practice; the Agent Innovation Promotion Programme is launched.",
        city: "北京",
        cityEn: "Beijing",
        industry: "综合",
        venue: "国家会议中心（示例会场）",
        venueEn: "China National Convention Center (demo venue)",
        address: "北京市朝阳区天辰东路7号",
        timeZone: zone,
        startDate: "2025-07-23",
        startTime: "09:00",
        endDate: "2025-07-23",
        endTime: "17:30",
      },
      {
        registrationOpensAt: new Date("2025-07-01T00:00:00Z"),
        registrationClosesAt: new Date("2025-07-22T10:00:00Z"),
        capacity: 400,
      },
    );
    await publishEvent(created.id, new Date("2025-07-10T02:00:00Z"));
    forum = (await getEventBySlug(forumSlug))!;
  }

  let series = await getSeriesBySlug(deepDiveSeriesSlug);
  series ??= await createSeries({
    slug: deepDiveSeriesSlug,
    title: "AI 智能体深度行",
    titleEn: "AI Agent Deep Dives",
    description: "分城市、分行业组织技术提供方与需求方精准对接的系列活动。",
    descriptionEn: "City-by-city, industry-by-industry events where technology providers meet the enterprises that need them.",
  });

  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const events = [];
  for (const dive of deepDives) {
    let event = await getEventBySlug(dive.slug);
    if (!event) {
      const day = today.plus({ days: dive.daysFromToday });
      const date = day.toISODate()!;
      const created = await createEvent(
        {
          slug: dive.slug,
          kind: "DEEP_DIVE",
          seriesId: series.id,
          title: dive.title,
          titleEn: dive.titleEn,
          theme: `智能体赋能${dive.industry}`,
          themeEn: `Agents for ${dive.industryEn}`,
          description: `面向${dive.industry}行业的智能体供需对接活动：场景发布、方案路演与一对一洽谈。`,
          descriptionEn: `Matching agent technology providers with ${dive.titleEn.split("·")[1]?.trim() ?? "industry"} enterprises: scenario briefings, solution pitches and one-to-one meetings.`,
          city: dive.city,
          cityEn: dive.cityEn,
          industry: dive.industry,
          venue: dive.venue,
          venueEn: dive.venueEn,
          address: `${dive.city}市示例路 1 号`,
          timeZone: zone,
          startDate: date,
          startTime: "09:00",
          endDate: date,
          endTime: "17:30",
        },
        {
          capacity: dive.capacity,
          requiresApproval: dive.requiresApproval,
          waitlistEnabled: dive.waitlistEnabled,
          emailConfirmHoldMinutes: dive.emailConfirmHoldMinutes ?? null,
          registrationOpensAt: today.minus({ days: 7 }).toUTC().toJSDate(),
          registrationClosesAt: day.minus({ days: 1 }).set({ hour: 18 }).toUTC().toJSDate(),
        },
      );
      await publishEvent(created.id, now);
      event = (await getEventBySlug(dive.slug))!;
    }
    events.push(event);
  }
  return { forum, series, deepDives: events };
}
