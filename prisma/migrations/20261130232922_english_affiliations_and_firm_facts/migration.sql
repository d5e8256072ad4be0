-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Firm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameNormalized" TEXT,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "creditCode" TEXT,
    "founding" BOOLEAN NOT NULL DEFAULT false,
    "industry" TEXT NOT NULL DEFAULT '',
    "industryEn" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "cityEn" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "size" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "offers" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "logoPath" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "memberSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Firm_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Firm" ("city", "createdAt", "creditCode", "description", "founding", "id", "industry", "logoPath", "memberSince", "name", "nameEn", "nameNormalized", "needs", "offers", "programmeId", "size", "status", "updatedAt", "website") SELECT "city", "createdAt", "creditCode", "description", "founding", "id", "industry", "logoPath", "memberSince", "name", "nameEn", "nameNormalized", "needs", "offers", "programmeId", "size", "status", "updatedAt", "website" FROM "Firm";
DROP TABLE "Firm";
ALTER TABLE "new_Firm" RENAME TO "Firm";
CREATE UNIQUE INDEX "Firm_nameNormalized_key" ON "Firm"("nameNormalized");
CREATE UNIQUE INDEX "Firm_creditCode_key" ON "Firm"("creditCode");
CREATE INDEX "Firm_programmeId_name_idx" ON "Firm"("programmeId", "name");
CREATE TABLE "new_Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "organization" TEXT NOT NULL DEFAULT '',
    "organizationEn" TEXT NOT NULL DEFAULT '',
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "jobTitleEn" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "bioEn" TEXT NOT NULL DEFAULT '',
    "photoPath" TEXT,
    "email" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Speaker" ("bio", "createdAt", "createdById", "email", "id", "jobTitle", "name", "nameEn", "organization", "photoPath", "updatedAt") SELECT "bio", "createdAt", "createdById", "email", "id", "jobTitle", "name", "nameEn", "organization", "photoPath", "updatedAt" FROM "Speaker";
DROP TABLE "Speaker";
ALTER TABLE "new_Speaker" RENAME TO "Speaker";
CREATE INDEX "Speaker_name_idx" ON "Speaker"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
