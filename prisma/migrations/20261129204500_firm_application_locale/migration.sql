-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FirmApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "firmName" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "website" TEXT,
    "size" TEXT NOT NULL DEFAULT '',
    "offers" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "charterVersion" TEXT NOT NULL,
    "charterAcceptedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "reviewerNotes" TEXT NOT NULL DEFAULT '',
    "amendTokenHash" TEXT,
    "firmId" TEXT,
    "duplicateOfId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FirmApplication_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FirmApplication_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FirmApplication_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "FirmApplication" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FirmApplication" ("amendTokenHash", "charterAcceptedAt", "charterVersion", "city", "contactEmail", "contactName", "contactPhone", "creditCode", "decidedAt", "decidedById", "duplicateOfId", "firmId", "firmName", "id", "industry", "needs", "offers", "programmeId", "reviewerNotes", "size", "status", "submittedAt", "updatedAt", "website") SELECT "amendTokenHash", "charterAcceptedAt", "charterVersion", "city", "contactEmail", "contactName", "contactPhone", "creditCode", "decidedAt", "decidedById", "duplicateOfId", "firmId", "firmName", "id", "industry", "needs", "offers", "programmeId", "reviewerNotes", "size", "status", "submittedAt", "updatedAt", "website" FROM "FirmApplication";
DROP TABLE "FirmApplication";
ALTER TABLE "new_FirmApplication" RENAME TO "FirmApplication";
CREATE UNIQUE INDEX "FirmApplication_amendTokenHash_key" ON "FirmApplication"("amendTokenHash");
CREATE INDEX "FirmApplication_creditCode_idx" ON "FirmApplication"("creditCode");
CREATE INDEX "FirmApplication_status_submittedAt_idx" ON "FirmApplication"("status", "submittedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

