-- AlterTable
ALTER TABLE "TicketCategory" ADD COLUMN "isDefault" BOOLEAN NOT NULL DEFAULT false;
