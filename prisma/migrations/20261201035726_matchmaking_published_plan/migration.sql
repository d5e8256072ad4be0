-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MatchmakingSetup" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "slotMinutes" INTEGER NOT NULL DEFAULT 15,
    "tables" INTEGER NOT NULL DEFAULT 10,
    "optInClosesAt" DATETIME,
    "planPublishedAt" DATETIME,
    "planVersion" INTEGER NOT NULL DEFAULT 0,
    "publishedPlan" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MatchmakingSetup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MatchmakingSetup" ("enabled", "eventId", "optInClosesAt", "planPublishedAt", "planVersion", "slotMinutes", "tables", "updatedAt") SELECT "enabled", "eventId", "optInClosesAt", "planPublishedAt", "planVersion", "slotMinutes", "tables", "updatedAt" FROM "MatchmakingSetup";
DROP TABLE "MatchmakingSetup";
ALTER TABLE "new_MatchmakingSetup" RENAME TO "MatchmakingSetup";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
