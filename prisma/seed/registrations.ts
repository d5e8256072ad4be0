import { prisma } from "~/models/store/connection.server";
import { addFirmEmailDomain } from "~/models/firm-seats.server";
import { registrationInputSchema } from "~/schemas/registration";
import { decideRegistrations, register } from "~/models/registration-write.server";
import { createInviteCode, setFirmQuota, upsertCategory, upsertQuestion } from "~/models/registration-settings.server";

const surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const givenNames = ["晓明", "思远", "雨桐", "浩然", "佳怡", "子涵", "建国", "海燕", "志强", "文静", "一鸣", "若溪", "天宇", "梦洁", "俊杰", "欣然"];
const demoFirmDomain = "firm1.demo.example.org";
const organizations = ["示例市数据局", "示例区政务服务中心", "示例大学信息学院", "示例城市科技有限公司", "示例银行科技部", "示例智能制造集团"];

function fictionalPerson(slugTag: string, index: number) {
  return {
    name: `${surnames[index % surnames.length]}${givenNames[(index * 7) % givenNames.length]}`,
    email: `${slugTag}.attendee${String(index + 1).padStart(2, "0")}@example.org`,
    organization: organizations[index % organizations.length],
    jobTitle: index % 3 === 0 ? "处长" : index % 3 === 1 ? "工程师" : "产品经理",
    consent: true as const,
  };
}

/**
 * Registration demo (DESIGN.md §8): ticket categories 嘉宾/会员/媒体/公众 on every deep dive, firm quotas,
 * questions, an invite code, and fictional attendees — Chengdu nearly full with a waitlist, Shenzhen with
 * registrations waiting for approval. Idempotent: an event that already has demo attendees is left alone.
 */
export async function seedRegistrations({ firms, now = new Date() }: { firms: { id: string; name: string }[]; now?: Date }) {
  const db = await prisma();
  const events = await db.event.findMany({ where: { kind: "DEEP_DIVE" }, orderBy: { startsAt: "asc" } });
  for (const event of events) {
    const guest = await upsertCategory(event.id, { code: "guest", name: "嘉宾", nameEn: "Guest", inviteOnly: true, capacity: 5, position: 0 });
    await upsertCategory(event.id, { code: "member", name: "会员", nameEn: "Member", capacity: event.capacity ? Math.ceil(event.capacity / 3) : null, position: 1 });
    const media = await upsertCategory(event.id, { code: "media", name: "媒体", nameEn: "Media", requiresApproval: true, capacity: 5, position: 2 });
    await upsertCategory(event.id, { code: "public", name: "公众", nameEn: "Public", position: 3 });
    await upsertQuestion(event.id, {
      key: "interests",
      label: "关注方向",
      labelEn: "Interests",
      kind: "MULTIPLE_CHOICE",
      options: [
        { value: "scenarios", label: "场景发布", labelEn: "Scenario briefings" },
        { value: "solutions", label: "方案路演", labelEn: "Solution pitches" },
        { value: "meetings", label: "一对一洽谈", labelEn: "One-to-one meetings" },
      ],
      position: 0,
    });
    await upsertQuestion(event.id, { key: "outlet", label: "所属媒体", labelEn: "Media outlet", kind: "TEXT", required: true, categoryIds: [media.id], position: 1 });
    await upsertQuestion(event.id, { key: "dietary", label: "饮食要求", labelEn: "Dietary needs", kind: "LONG_TEXT", position: 2, attendeeEditable: true });
    for (const firm of firms.slice(0, 3)) await setFirmQuota(event.id, firm.id, 3);
    await createInviteCode(event.id, { code: `GUEST-${event.slug.split("-").at(-1)!.toUpperCase()}`, label: "特邀嘉宾", categoryId: guest.id, maxUses: 5 });
  }

  const bySlug = new Map(events.map((event) => [event.slug, event]));
  const chengdu = bySlug.get("deep-dive-government-chengdu");
  const shenzhen = bySlug.get("deep-dive-manufacturing-shenzhen");
  const shanghai = bySlug.get("deep-dive-finance-shanghai");
  const alreadySeeded = async (eventId: string) => (await db.registration.count({ where: { eventId, email: { endsWith: "@example.org" }, emailNormalized: { contains: ".attendee" } } })) > 0;
  const signUp = (slug: string, tag: string, index: number, extra: Record<string, unknown> = {}) =>
    register({ slug, input: registrationInputSchema.parse({ ...fictionalPerson(tag, index), answers: { interests: ["scenarios", "meetings"] }, ...extra }), now: new Date(now.getTime() + index) });

  if (chengdu && !(await alreadySeeded(chengdu.id))) {
    // Member places (10) run out first: later members wait in line while the event still has 2 free places.
    // The first two are the first founding firm's people, recognised by its registered mail domain.
    await addFirmEmailDomain({ firmId: firms[0].id, domain: demoFirmDomain });
    for (let index = 0; index < 13; index++) {
      const firmPerson = index < 2 ? { organization: firms[0].name, email: `chengdu.attendee${String(index + 1).padStart(2, "0")}@${demoFirmDomain}` } : {};
      await signUp(chengdu.slug, "chengdu", index, { category: "member", ...firmPerson });
    }
    for (let index = 13; index < 31; index++) await signUp(chengdu.slug, "chengdu", index, { category: "public" });
    await signUp(chengdu.slug, "chengdu", 31, { inviteCode: "GUEST-CHENGDU" });
  }
  if (shenzhen && !(await alreadySeeded(shenzhen.id))) {
    const ids: string[] = [];
    for (let index = 0; index < 10; index++) ids.push((await signUp(shenzhen.slug, "shenzhen", index, { category: index % 4 === 0 ? "member" : "public" })).body.registration.id);
    await decideRegistrations({ eventId: shenzhen.id, ids: ids.slice(0, 4), decision: "approve", now });
  }
  if (shanghai && !(await alreadySeeded(shanghai.id))) {
    for (let index = 0; index < 15; index++) await signUp(shanghai.slug, "shanghai", index, { category: index % 5 === 0 ? "member" : "public" });
  }
}
