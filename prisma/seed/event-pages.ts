import sharp from "sharp";
import { eventCover, saveEventCover } from "~/models/event-cover.server";
import { addEventHost, listEventHosts } from "~/models/event-host.server";
import { getEventBySlug } from "~/models/event.server";
import { deepDives, forumSlug } from "./events";

// Colours of the generated covers, one pair per event: the demo looks like a real listing without shipping photos.
const palettes: Record<string, [string, string]> = {
  [forumSlug]: ["#1e3a8a", "#0ea5e9"],
  "deep-dive-finance-shanghai": ["#7c2d12", "#f59e0b"],
  "deep-dive-manufacturing-shenzhen": ["#064e3b", "#22c55e"],
  "deep-dive-government-chengdu": ["#4c1d95", "#ec4899"],
  "deep-dive-telecom-guangzhou": ["#0f172a", "#06b6d4"],
};

// 1280 px wide: two renditions (640, 1280) keep the seed quick; an organizer's upload gets 1920 too.
function coverSvg([from, to]: [string, string]): Buffer {
  const [width, height] = [1280, 560];
  const rings = Array.from(
    { length: 6 },
    (_, index) => `<circle cx="${width * 0.78}" cy="${height * 0.42}" r="${90 + index * 70}" fill="none" stroke="#ffffff" stroke-opacity="${0.22 - index * 0.03}" stroke-width="2"/>`,
  );
  const dots = Array.from({ length: 48 }, (_, index) => `<circle cx="${60 + (index % 12) * 36}" cy="${height - 200 + Math.floor(index / 12) * 36}" r="3" fill="#ffffff" fill-opacity="0.35"/>`);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${rings.join("")}${dots.join("")}</svg>`,
  );
}

type Host = { role: "HOST" | "ORGANIZER" | "SUPPORTER"; name: string; nameEn: string; firm?: string };

// The forum names its real host, as its public agenda does (DESIGN.md §8); everything else is fictional.
const forumHosts: Host[] = [
  { role: "HOST", name: "中国互联网协会", nameEn: "Internet Society of China" },
  { role: "ORGANIZER", name: "智能体创新推进计划秘书处（演示）", nameEn: "Agent Programme Secretariat (demo)" },
  { role: "SUPPORTER", name: "星河智算科技（演示）", nameEn: "Galaxy Compute (demo)", firm: "星河智算科技（演示）" },
  { role: "SUPPORTER", name: "云帆智能体实验室（演示）", nameEn: "Cloudsail Agent Lab (demo)", firm: "云帆智能体实验室（演示）" },
];

const deepDiveOrganizers: Record<string, string> = {
  "deep-dive-finance-shanghai": "锦程金融智能（演示）",
  "deep-dive-manufacturing-shenzhen": "匠心工业智能（演示）",
  "deep-dive-government-chengdu": "政通智慧服务（演示）",
  "deep-dive-telecom-guangzhou": "通衢通信科技（演示）",
};

function deepDiveHosts(slug: string, firms: { name: string; nameEn: string }[]): Host[] {
  const organizer = firms.find((firm) => firm.name === deepDiveOrganizers[slug]);
  return [
    { role: "HOST", name: "智能体创新推进计划（演示）", nameEn: "Agent Innovation Promotion Programme (demo)" },
    ...(organizer ? [{ role: "ORGANIZER" as const, name: organizer.name, nameEn: organizer.nameEn, firm: organizer.name }] : []),
    { role: "SUPPORTER", name: "澄明数据科技（演示）", nameEn: "Clearwater Data (demo)", firm: "澄明数据科技（演示）" },
    { role: "SUPPORTER", name: "安衡可信计算（演示）", nameEn: "Anheng Trusted Computing (demo)", firm: "安衡可信计算（演示）" },
  ];
}

/** A generated cover and the 主办/承办/支持 hosts for each demo event; skipped for an event that has them already. */
export async function seedEventPages(firms: { id: string; name: string; nameEn: string }[]) {
  for (const slug of [forumSlug, ...deepDives.map((dive) => dive.slug)]) {
    const event = await getEventBySlug(slug);
    if (!event) continue;
    if (!(await eventCover(event.id))) {
      const png = await sharp(coverSvg(palettes[slug] ?? ["#1e3a8a", "#0ea5e9"]))
        .png()
        .toBuffer();
      await saveEventCover(event.id, png);
    }
    if ((await listEventHosts(event.id)).length === 0) {
      for (const host of slug === forumSlug ? forumHosts : deepDiveHosts(slug, firms)) {
        await addEventHost(event.id, { role: host.role, name: host.name, nameEn: host.nameEn, firmId: firms.find((firm) => firm.name === host.firm)?.id ?? null });
      }
    }
  }
}
