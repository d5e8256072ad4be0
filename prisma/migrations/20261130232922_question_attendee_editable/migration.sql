-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RegistrationQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT NOT NULL DEFAULT '[]',
    "categoryIds" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,
    "attendeeEditable" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "RegistrationQuestion_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RegistrationQuestion" ("categoryIds", "eventId", "id", "key", "kind", "label", "labelEn", "options", "position", "required") SELECT "categoryIds", "eventId", "id", "key", "kind", "label", "labelEn", "options", "position", "required" FROM "RegistrationQuestion";
DROP TABLE "RegistrationQuestion";
ALTER TABLE "new_RegistrationQuestion" RENAME TO "RegistrationQuestion";
CREATE UNIQUE INDEX "RegistrationQuestion_eventId_key_key" ON "RegistrationQuestion"("eventId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
