-- One role per meaning: MODERATOR (主持人) meant what HOST (主持) means, the person who chairs the session.
-- A person who held both roles on one session keeps the HOST row; every other MODERATOR row becomes HOST.
DELETE FROM "SessionSpeaker"
WHERE "role" = 'MODERATOR'
  AND EXISTS (SELECT 1 FROM "SessionSpeaker" AS "host" WHERE "host"."sessionId" = "SessionSpeaker"."sessionId" AND "host"."speakerId" = "SessionSpeaker"."speakerId" AND "host"."role" = 'HOST');
UPDATE "SessionSpeaker" SET "role" = 'HOST' WHERE "role" = 'MODERATOR';

-- Speaker order is counted from 1, as people read it: sessions whose order started at 0 move up by one.
UPDATE "SessionSpeaker" SET "position" = "position" + 1
WHERE "sessionId" IN (SELECT "sessionId" FROM "SessionSpeaker" GROUP BY "sessionId" HAVING MIN("position") < 1);
