import { DateTime } from "luxon";
import { createRoom, createSession, createTrack, type SessionInput } from "~/models/agenda.server";
import { publishAgenda } from "~/models/agenda-version.server";
import { getEventBySlug } from "~/models/event.server";
import { attachSpeaker, type SpeakerRoleName } from "~/models/session-speaker.server";
import { createSpeaker, findSpeakerByName } from "~/models/speaker.server";
import { deepDives, forumSlug } from "./events";
import { foundingFirms } from "./programme";

type Person = { name: string; nameEn?: string; organization: string; organizationEn?: string; jobTitle: string; jobTitleEn?: string; bio?: string };
type Seat = [Person, SpeakerRoleName];
type Item = Omit<SessionInput, "roomId" | "trackId"> & { room?: string; track?: string; people?: Seat[] };

// Real people named in the launch article; everyone else in the demo is fictional.
const chenJiachun: Person = {
  name: "陈家春",
  nameEn: "Chen Jiachun",
  organization: "中国互联网协会",
  organizationEn: "Internet Society of China",
  jobTitle: "副理事长兼常务副秘书长",
  jobTitleEn: "Vice Chair and Executive Deputy Secretary-General",
};
const wangZheng: Person = {
  name: "王正",
  nameEn: "Wang Zheng",
  organization: "工业和信息化部科技司科技发展处",
  organizationEn: "Technology Development Division, Department of Science and Technology, MIIT",
  jobTitle: "处长",
  jobTitleEn: "Division Director",
};
// Fictional speakers (clearly marked as demo people).
const host: Person = {
  name: "林晓岚（演示）",
  nameEn: "Lin Xiaolan (demo)",
  organization: "中国互联网协会秘书处（示例）",
  organizationEn: "Secretariat, Internet Society of China (example)",
  jobTitle: "主持人",
  jobTitleEn: "Host",
};
const keynote1: Person = {
  name: "周启航（演示）",
  nameEn: "Zhou Qihang (demo)",
  organization: foundingFirms[0].name,
  organizationEn: foundingFirms[0].nameEn,
  jobTitle: "首席科学家",
  jobTitleEn: "Chief Scientist",
};
const keynote2: Person = {
  name: "苏婉清（演示）",
  nameEn: "Su Wanqing (demo)",
  organization: foundingFirms[1].name,
  organizationEn: foundingFirms[1].nameEn,
  jobTitle: "创始人兼 CEO",
  jobTitleEn: "Founder and CEO",
};
const keynote3: Person = {
  name: "韩立诚（演示）",
  nameEn: "Han Licheng (demo)",
  organization: "示例大学人工智能研究院",
  organizationEn: "Institute for AI, Example University",
  jobTitle: "教授",
  jobTitleEn: "Professor",
};
const moderator: Person = { name: "许明哲（演示）", nameEn: "Xu Mingzhe (demo)", organization: "示例科技媒体", organizationEn: "Example Tech Media", jobTitle: "主编", jobTitleEn: "Editor-in-chief" };
const panelists: Person[] = [
  { name: "方雅琴（演示）", nameEn: "Fang Yaqin (demo)", organization: foundingFirms[3].name, organizationEn: foundingFirms[3].nameEn, jobTitle: "副总裁", jobTitleEn: "Vice President" },
  { name: "邓子航（演示）", nameEn: "Deng Zihang (demo)", organization: foundingFirms[4].name, organizationEn: foundingFirms[4].nameEn, jobTitle: "技术总监", jobTitleEn: "Technical Director" },
  { name: "罗思远（演示）", nameEn: "Luo Siyuan (demo)", organization: foundingFirms[6].name, organizationEn: foundingFirms[6].nameEn, jobTitle: "总经理", jobTitleEn: "General Manager" },
  { name: "唐清妍（演示）", nameEn: "Tang Qingyan (demo)", organization: foundingFirms[7].name, organizationEn: foundingFirms[7].nameEn, jobTitle: "首席安全官", jobTitleEn: "Chief Security Officer" },
];
const firmRepresentatives: Person[] = foundingFirms.map((firm, index) => ({
  name: `${firm.name.replace("（演示）", "")}代表（演示）`,
  nameEn: `${firm.nameEn.replace(" (demo)", "")} representative (demo)`,
  organization: firm.name,
  organizationEn: firm.nameEn,
  jobTitle: index % 2 === 0 ? "董事长" : "总经理",
  jobTitleEn: index % 2 === 0 ? "Chair" : "General Manager",
}));

const forumAgenda: Item[] = [
  { title: "主持人开场", titleEn: "Welcome", type: "OTHER", date: "2025-07-23", startTime: "09:00", endTime: "09:05", room: "主会场", track: "开幕与发布", people: [[host, "HOST"]] },
  {
    title: "致辞",
    titleEn: "Opening remarks",
    type: "OPENING_REMARKS",
    date: "2025-07-23",
    startTime: "09:05",
    endTime: "09:15",
    room: "主会场",
    track: "开幕与发布",
    people: [
      [host, "HOST"],
      [chenJiachun, "OPENING_SPEAKER"],
    ],
    description: "呼吁搭建“技术开源、标准互通”的产业协同生态，打造“以应用场景为驱动”的需求对接平台，凝聚“以人为本”可信可控的发展理念。",
  },
  {
    title: "致辞",
    titleEn: "Remarks",
    type: "OPENING_REMARKS",
    date: "2025-07-23",
    startTime: "09:15",
    endTime: "09:25",
    room: "主会场",
    track: "开幕与发布",
    people: [
      [host, "HOST"],
      [wangZheng, "OPENING_SPEAKER"],
    ],
  },
  {
    title: "“智能体创新推进计划”启动仪式",
    titleEn: "Launch ceremony of the Agent Innovation Promotion Programme",
    type: "CEREMONY",
    date: "2025-07-23",
    startTime: "09:25",
    endTime: "09:45",
    room: "主会场",
    track: "开幕与发布",
    plenary: true,
    description: "中国互联网协会联合 11 家智能体上下游企业发起“智能体创新推进计划”。",
    people: [[host, "HOST"], [chenJiachun, "CEREMONY_GUEST"], [wangZheng, "CEREMONY_GUEST"], ...firmRepresentatives.map((person): Seat => [person, "CEREMONY_GUEST"])],
  },
  {
    title: "“智能体场景应用典型案例征集”活动启动",
    titleEn: "Launch of the call for typical agent application cases",
    type: "CEREMONY",
    date: "2025-07-23",
    startTime: "09:45",
    endTime: "09:55",
    room: "主会场",
    track: "开幕与发布",
    plenary: true,
    people: [
      [host, "HOST"],
      [chenJiachun, "CEREMONY_GUEST"],
    ],
  },
  {
    title: "智能体：从专用走向通用",
    titleEn: "Agents: from special-purpose to general-purpose",
    type: "KEYNOTE",
    date: "2025-07-23",
    startTime: "10:00",
    endTime: "10:25",
    room: "主会场",
    track: "主旨演讲",
    people: [[keynote1, "KEYNOTE"]],
  },
  {
    title: "开放协议与智能体互联互通",
    titleEn: "Open protocols and interoperable agents",
    type: "KEYNOTE",
    date: "2025-07-23",
    startTime: "10:25",
    endTime: "10:50",
    room: "主会场",
    track: "主旨演讲",
    people: [[keynote2, "KEYNOTE"]],
  },
  { title: "茶歇", titleEn: "Coffee break", type: "BREAK", date: "2025-07-23", startTime: "10:50", endTime: "11:05", room: "主会场" },
  {
    title: "可信可控的智能体：安全测评与伦理治理",
    titleEn: "Trustworthy agents: security evaluation and ethics",
    type: "KEYNOTE",
    date: "2025-07-23",
    startTime: "11:05",
    endTime: "11:30",
    room: "主会场",
    track: "主旨演讲",
    people: [[keynote3, "KEYNOTE"]],
  },
  {
    title: "圆桌对话：让智能体从“实验室”走向千行百业",
    titleEn: "Panel: taking agents from the lab to every industry",
    type: "PANEL",
    date: "2025-07-23",
    startTime: "11:30",
    endTime: "12:15",
    room: "主会场",
    track: "圆桌对话",
    people: [[moderator, "HOST"], ...panelists.map((person): Seat => [person, "PANELIST"])],
  },
  { title: "午餐", titleEn: "Lunch", type: "BREAK", date: "2025-07-23", startTime: "12:15", endTime: "13:30", room: "主会场" },
  {
    title: "智能体应用场景供需对接会",
    titleEn: "Agent use-case matchmaking",
    type: "MATCHMAKING",
    date: "2025-07-23",
    startTime: "13:30",
    endTime: "16:30",
    room: "对接区",
    description: "技术提供方与需求方一对一洽谈。",
  },
];

function deepDiveAgenda(date: string, industry: string, industryEn: string): Item[] {
  const local: Person = {
    name: `${industry}行业主管部门代表（演示）`,
    nameEn: `Representative of the ${industryEn} regulator (demo)`,
    organization: "示例主管部门",
    organizationEn: "Example regulator",
    jobTitle: "负责人",
    jobTitleEn: "Head",
  };
  const demand: Person = {
    name: `${industry}需求方代表（演示）`,
    nameEn: `Representative of a ${industryEn} buyer (demo)`,
    organization: `示例${industry}集团`,
    organizationEn: `Example ${industryEn} group`,
    jobTitle: "数字化转型负责人",
    jobTitleEn: "Head of digital transformation",
  };
  return [
    {
      title: "开场致辞",
      titleEn: "Opening remarks",
      type: "OPENING_REMARKS",
      date,
      startTime: "09:00",
      endTime: "09:15",
      room: "主会场",
      plenary: true,
      people: [
        [host, "HOST"],
        [local, "OPENING_SPEAKER"],
      ],
    },
    {
      title: `${industry}智能体应用场景需求发布`,
      titleEn: "Use-case briefing",
      type: "TALK",
      date,
      startTime: "09:15",
      endTime: "09:45",
      room: "主会场",
      track: "场景发布",
      people: [[demand, "SPEAKER"]],
    },
    {
      title: "解决方案路演",
      titleEn: "Solution pitches",
      type: "TALK",
      date,
      startTime: "09:45",
      endTime: "10:45",
      room: "主会场",
      track: "方案路演",
      people: [
        [keynote1, "SPEAKER"],
        [keynote2, "SPEAKER"],
        [panelists[1], "SPEAKER"],
      ],
    },
    { title: "茶歇", titleEn: "Coffee break", type: "BREAK", date, startTime: "10:45", endTime: "11:00", room: "主会场" },
    {
      title: `圆桌对话：${industry}智能体落地的难点与路径`,
      titleEn: "Panel: making agents work in the industry",
      type: "PANEL",
      date,
      startTime: "11:00",
      endTime: "11:50",
      room: "主会场",
      track: "方案路演",
      people: [
        [moderator, "HOST"],
        [demand, "PANELIST"],
        [panelists[0], "PANELIST"],
        [panelists[2], "PANELIST"],
      ],
    },
    { title: "午餐", titleEn: "Lunch", type: "BREAK", date, startTime: "11:50", endTime: "13:30", room: "主会场" },
    { title: "一对一供需洽谈", titleEn: "One-to-one matchmaking", type: "MATCHMAKING", date, startTime: "13:30", endTime: "16:30", room: "洽谈区", track: "供需对接" },
    {
      title: "闭门研讨：数据与安全",
      titleEn: "Closed roundtable: data and security",
      type: "ROUNDTABLE",
      date,
      startTime: "13:30",
      endTime: "15:00",
      room: "会议室B",
      track: "供需对接",
      people: [
        [panelists[3], "HOST"],
        [keynote3, "SPEAKER"],
      ],
    },
  ];
}

async function person(facts: Person) {
  return (await findSpeakerByName(facts.name, facts.organization)) ?? (await createSpeaker(facts));
}

// The English names of the demo rooms and tracks.
const english: Record<string, string> = {
  主会场: "Main hall",
  会议室B: "Meeting room B",
  对接区: "Matchmaking area",
  洽谈区: "Meeting area",
  主旨演讲: "Keynotes",
  供需对接: "Matchmaking",
  圆桌对话: "Panels",
  场景发布: "Use-case briefings",
  开幕与发布: "Opening and launch",
  方案路演: "Solution pitches",
};

async function buildAgenda(eventId: string, items: Item[]) {
  const rooms = new Map<string, string>();
  const tracks = new Map<string, string>();
  for (const item of items) {
    if (item.room && !rooms.has(item.room)) rooms.set(item.room, (await createRoom(eventId, { name: item.room, nameEn: english[item.room] ?? "" })).id);
    if (item.track && !tracks.has(item.track))
      tracks.set(item.track, (await createTrack(eventId, { name: item.track, nameEn: english[item.track] ?? "", color: ["#1e40af", "#b45309", "#047857", "#7c3aed"][tracks.size % 4] })).id);
  }
  const created = [];
  for (const { room, track, people = [], ...facts } of items) {
    const session = await createSession(eventId, { ...facts, roomId: room ? rooms.get(room) : null, trackId: track ? tracks.get(track) : null });
    for (const [index, [facts, role]] of people.entries()) {
      await attachSpeaker(eventId, session.id, { speakerId: (await person(facts)).id, role, position: index + 1 });
    }
    created.push(session);
  }
  return created;
}

/**
 * The forum agenda of the launch article and the deep-dive agendas, built with the editor's model functions
 * and published. Idempotent: an event whose agenda exists is skipped.
 */
export async function seedAgendas(now = new Date()) {
  const forum = await getEventBySlug(forumSlug);
  if (forum && forum.publishedVersion === 0) {
    await buildAgenda(forum.id, forumAgenda);
    await publishAgenda(forum.id, { now: new Date("2025-07-15T02:00:00Z") });
  }
  for (const dive of deepDives) {
    const event = await getEventBySlug(dive.slug);
    if (!event || event.publishedVersion > 0) continue;
    const date = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).toISODate()!;
    await buildAgenda(event.id, deepDiveAgenda(date, dive.industry, dive.industryEn));
    await publishAgenda(event.id, { now });
  }
}
