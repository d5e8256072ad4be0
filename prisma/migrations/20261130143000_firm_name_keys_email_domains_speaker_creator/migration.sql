-- AlterTable
ALTER TABLE "Firm" ADD COLUMN "nameNormalized" TEXT;

-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN "createdById" TEXT;

-- CreateTable
CREATE TABLE "FirmEmailDomain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "firmId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "FirmEmailDomain_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FirmEmailDomain_domain_key" ON "FirmEmailDomain"("domain");

-- CreateIndex
CREATE INDEX "FirmEmailDomain_firmId_idx" ON "FirmEmailDomain"("firmId");

-- CreateIndex
CREATE UNIQUE INDEX "Firm_nameNormalized_key" ON "Firm"("nameNormalized");

