-- CreateTable
CREATE TABLE "Industry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CaseCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "eligibility" TEXT NOT NULL DEFAULT '',
    "eligibilityEn" TEXT NOT NULL DEFAULT '',
    "industryCodes" TEXT NOT NULL DEFAULT '[]',
    "scenarioCodes" TEXT NOT NULL DEFAULT '[]',
    "timeZone" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "licence" TEXT NOT NULL DEFAULT '',
    "licenceEn" TEXT NOT NULL DEFAULT '',
    "licenceVersion" TEXT NOT NULL DEFAULT '1',
    "maxAttachmentBytes" INTEGER NOT NULL DEFAULT 20971520,
    "maxAttachments" INTEGER NOT NULL DEFAULT 5,
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewersPerCase" INTEGER NOT NULL DEFAULT 3,
    "normaliseScores" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CaseQuestion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CaseCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "weight" REAL NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CaseCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CaseCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "firmId" TEXT,
    "submitterUserId" TEXT,
    "organizationName" TEXT NOT NULL DEFAULT '',
    "organizationNameEn" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "industryId" TEXT,
    "scenarioId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "problem" TEXT NOT NULL DEFAULT '',
    "problemEn" TEXT NOT NULL DEFAULT '',
    "solution" TEXT NOT NULL DEFAULT '',
    "solutionEn" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "resultsEn" TEXT NOT NULL DEFAULT '',
    "figures" TEXT NOT NULL DEFAULT '[]',
    "answers" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "publicationConsent" BOOLEAN NOT NULL DEFAULT false,
    "consentAt" DATETIME,
    "licenceVersion" TEXT,
    "submittedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "shortlisted" BOOLEAN NOT NULL DEFAULT false,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "publishedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseSubmission_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CaseCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseSubmission_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CaseSubmission_submitterUserId_fkey" FOREIGN KEY ("submitterUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CaseSubmission_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CaseSubmission_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseCoSubmitter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "firmId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "nameEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CaseCoSubmitter_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseCoSubmitter_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseAttachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "firmId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseConflict_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CaseCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseConflict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseConflict_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseReviewAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "reviewerUserId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "CaseReviewAssignment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CaseSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseReviewAssignment_reviewerUserId_fkey" FOREIGN KEY ("reviewerUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseScore_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "CaseReviewAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "CaseCriterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "side" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "firmId" TEXT,
    "authorUserId" TEXT,
    "organizationName" TEXT NOT NULL DEFAULT '',
    "organizationNameEn" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "industryId" TEXT,
    "scenarioId" TEXT,
    "tags" TEXT NOT NULL DEFAULT ',',
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "detailsEn" TEXT NOT NULL DEFAULT '',
    "budgetMin" INTEGER,
    "budgetMax" INTEGER,
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "rejectionReason" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BoardPost_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BoardPost_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BoardPost_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BoardPost_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardContactRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromPostId" TEXT NOT NULL,
    "toPostId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "BoardContactRequest_fromPostId_fkey" FOREIGN KEY ("fromPostId") REFERENCES "BoardPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardContactRequest_toPostId_fkey" FOREIGN KEY ("toPostId") REFERENCES "BoardPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchmakingSetup" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "slotMinutes" INTEGER NOT NULL DEFAULT 15,
    "tables" INTEGER NOT NULL DEFAULT 10,
    "optInClosesAt" DATETIME,
    "planPublishedAt" DATETIME,
    "planVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MatchmakingSetup_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchmakingSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    CONSTRAINT "MatchmakingSlot_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchmakingSlot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchmakingProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "offers" TEXT NOT NULL DEFAULT '',
    "needs" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT ',',
    "industryId" TEXT,
    "shared" TEXT NOT NULL DEFAULT '["name","organization","jobTitle"]',
    "optedOutAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MatchmakingProfile_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchmakingProfile_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchmakingAvailability" (
    "profileId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,

    PRIMARY KEY ("profileId", "slotId"),
    CONSTRAINT "MatchmakingAvailability_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "MatchmakingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchmakingAvailability_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MatchmakingSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "fromProfileId" TEXT NOT NULL,
    "toProfileId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "unplacedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "MeetingRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingRequest_fromProfileId_fkey" FOREIGN KEY ("fromProfileId") REFERENCES "MatchmakingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingRequest_toProfileId_fkey" FOREIGN KEY ("toProfileId") REFERENCES "MatchmakingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "table" INTEGER NOT NULL,
    "fromCheckedInAt" DATETIME,
    "toCheckedInAt" DATETIME,
    "noShowRecordedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MeetingRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MatchmakingSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingSeat" (
    "slotId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,

    PRIMARY KEY ("slotId", "profileId"),
    CONSTRAINT "MeetingSeat_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MatchmakingSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingSeat_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "MatchmakingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingSeat_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "nextStep" BOOLEAN NOT NULL,
    "usefulness" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingFollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingFollowUp_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "MatchmakingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RoleAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "eventId" TEXT,
    "seriesId" TEXT,
    "firmId" TEXT,
    "callId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CaseCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RoleAssignment" ("createdAt", "createdById", "eventId", "firmId", "id", "role", "seriesId", "userId") SELECT "createdAt", "createdById", "eventId", "firmId", "id", "role", "seriesId", "userId" FROM "RoleAssignment";
DROP TABLE "RoleAssignment";
ALTER TABLE "new_RoleAssignment" RENAME TO "RoleAssignment";
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");
CREATE INDEX "RoleAssignment_callId_idx" ON "RoleAssignment"("callId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Industry_code_key" ON "Industry"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_code_key" ON "Scenario"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCall_slug_key" ON "CaseCall"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "CaseQuestion_callId_key_key" ON "CaseQuestion"("callId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCriterion_callId_key_key" ON "CaseCriterion"("callId", "key");

-- CreateIndex
CREATE INDEX "CaseSubmission_callId_status_idx" ON "CaseSubmission"("callId", "status");

-- CreateIndex
CREATE INDEX "CaseSubmission_publishedAt_idx" ON "CaseSubmission"("publishedAt");

-- CreateIndex
CREATE INDEX "CaseSubmission_firmId_idx" ON "CaseSubmission"("firmId");

-- CreateIndex
CREATE INDEX "CaseCoSubmitter_submissionId_idx" ON "CaseCoSubmitter"("submissionId");

-- CreateIndex
CREATE INDEX "CaseCoSubmitter_firmId_idx" ON "CaseCoSubmitter"("firmId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseAttachment_storageKey_key" ON "CaseAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "CaseAttachment_submissionId_idx" ON "CaseAttachment"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseConflict_callId_userId_firmId_key" ON "CaseConflict"("callId", "userId", "firmId");

-- CreateIndex
CREATE INDEX "CaseReviewAssignment_reviewerUserId_idx" ON "CaseReviewAssignment"("reviewerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseReviewAssignment_submissionId_reviewerUserId_key" ON "CaseReviewAssignment"("submissionId", "reviewerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseScore_assignmentId_criterionId_key" ON "CaseScore"("assignmentId", "criterionId");

-- CreateIndex
CREATE INDEX "BoardPost_side_status_publishedAt_idx" ON "BoardPost"("side", "status", "publishedAt");

-- CreateIndex
CREATE INDEX "BoardContactRequest_toPostId_status_idx" ON "BoardContactRequest"("toPostId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BoardContactRequest_fromPostId_toPostId_key" ON "BoardContactRequest"("fromPostId", "toPostId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchmakingSlot_eventId_startsAt_key" ON "MatchmakingSlot"("eventId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MatchmakingProfile_registrationId_key" ON "MatchmakingProfile"("registrationId");

-- CreateIndex
CREATE INDEX "MatchmakingProfile_eventId_idx" ON "MatchmakingProfile"("eventId");

-- CreateIndex
CREATE INDEX "MatchmakingAvailability_slotId_idx" ON "MatchmakingAvailability"("slotId");

-- CreateIndex
CREATE INDEX "MeetingRequest_eventId_status_idx" ON "MeetingRequest"("eventId", "status");

-- CreateIndex
CREATE INDEX "MeetingRequest_toProfileId_status_idx" ON "MeetingRequest"("toProfileId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRequest_fromProfileId_toProfileId_key" ON "MeetingRequest"("fromProfileId", "toProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_requestId_key" ON "Meeting"("requestId");

-- CreateIndex
CREATE INDEX "Meeting_eventId_idx" ON "Meeting"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_slotId_table_key" ON "Meeting"("slotId", "table");

-- CreateIndex
CREATE INDEX "MeetingSeat_meetingId_idx" ON "MeetingSeat"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingFollowUp_meetingId_profileId_key" ON "MeetingFollowUp"("meetingId", "profileId");
