-- AlterTable
ALTER TABLE "Event" ADD COLUMN "emailConfirmHoldMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN "confirmTokenHash" TEXT;
ALTER TABLE "Registration" ADD COLUMN "holdExpiresAt" DATETIME;
ALTER TABLE "Registration" ADD COLUMN "manageTokenVersion" INTEGER;

-- CreateTable
CREATE TABLE "ReplacedManageLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "replacedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplacedManageLink_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReplacedManageLink_registrationId_idx" ON "ReplacedManageLink"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_confirmTokenHash_key" ON "Registration"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "Registration_status_holdExpiresAt_idx" ON "Registration"("status", "holdExpiresAt");

