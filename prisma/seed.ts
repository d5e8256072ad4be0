import { fileURLToPath } from "node:url";
import { seedAgendas } from "./seed/agenda";
import { seedBoard } from "./seed/board";
import { demoReviewerLogins, seedCases } from "./seed/cases";
import { seedCheckIn } from "./seed/checkin";
import { seedEventPages } from "./seed/event-pages";
import { seedEvents } from "./seed/events";
import { seedMatchmaking } from "./seed/matchmaking";
import { seedProgramme } from "./seed/programme";
import { seedRegistrations } from "./seed/registrations";
import { seedTaxonomy } from "./seed/taxonomy";
import { demoFirmLogin, demoLogins as staffLogins, seedUsers } from "./seed/users";

export const demoLogins = [...staffLogins, demoFirmLogin, ...demoReviewerLogins];

/**
 * The demo of DESIGN.md §8. Idempotent: every step finds what an earlier run created instead of adding
 * it again, so running it twice changes nothing.
 */
export async function seedDemo(now = new Date()) {
  await seedTaxonomy();
  const { firms } = await seedProgramme();
  await seedEvents(now);
  await seedAgendas(now);
  await seedEventPages(firms);
  await seedUsers({ firmContact: { firmId: firms[0].id } });
  await seedRegistrations({ firms, now });
  await seedCheckIn();
  await seedBoard(firms, now);
  await seedMatchmaking(now);
  await seedCases({ firms, now });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  seedDemo()
    .then(() => console.log("Demo data is in place."))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
