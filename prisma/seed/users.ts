import type { Role } from "~/generated/prisma/client";
import { createUser, findUserByEmail, grantRole, type GrantScope } from "~/models/user.server";

/** Demo accounts, one per role; listed in the README and printed by `npm start`. Never created in production. */
export const demoLogins: { role: string; email: string; password: string; name: string; grants: { role: Role; scope: GrantScope }[] }[] = [
  { role: "admin", email: "admin@demo.example.org", password: "demo-admin-2025", name: "演示管理员", grants: [{ role: "ADMIN", scope: {} }] },
  { role: "organizer", email: "organizer@demo.example.org", password: "demo-organizer-2025", name: "演示组织者", grants: [{ role: "ORGANIZER", scope: {} }] },
  {
    role: "organizer (one event)",
    email: "shanghai.organizer@demo.example.org",
    password: "demo-organizer-2025",
    name: "上海站组织者",
    grants: [{ role: "ORGANIZER", scope: { eventSlug: "deep-dive-finance-shanghai" } }],
  },
  {
    role: "check-in staff",
    email: "checkin@demo.example.org",
    password: "demo-checkin-2025",
    name: "签到员小林",
    grants: [{ role: "CHECKIN", scope: { eventSlug: "deep-dive-finance-shanghai" } }],
  },
];

export async function seedUsers({ firmContact }: { firmContact: { firmId: string } }) {
  const logins = [
    ...demoLogins,
    {
      role: "firm contact",
      email: "firm@demo.example.org",
      password: "demo-firm-2025",
      name: "星河智算联络人",
      grants: [{ role: "FIRM_CONTACT" as Role, scope: { firmId: firmContact.firmId } }],
    },
  ];
  for (const login of logins) {
    if (!(await findUserByEmail(login.email))) {
      await createUser({ email: login.email, name: login.name, password: login.password });
    }
    for (const grant of login.grants) await grantRole({ email: login.email, role: grant.role, scope: grant.scope });
  }
}

export const demoFirmLogin = { role: "firm contact", email: "firm@demo.example.org", password: "demo-firm-2025" };
