import { sqlDate, writeTransaction } from "~/models/store/connection.server";
import { backInside, checkInOfEvent, entryTakenBack, firstCountedEntry, markUndone, recountCheckedInAt, resolveConflictOf } from "~/models/store/checkin-undo-store.server";
import { DomainError } from "~/utils/domain-error";
import { audit } from "~/models/audit.server";

/** An organizer takes back a mistaken check-in (or exit); the presence row is put back, and it is audited. */
export async function undoCheckIn({ eventId, checkInId, actorUserId, ip }: { eventId: string; checkInId: string; actorUserId: string; ip?: string }) {
  const undone = await writeTransaction((sql) => {
    const row = checkInOfEvent.get(sql, { id: checkInId, eventId });
    if (!row) throw new DomainError("not_found", "not_found", "error.notFound.body");
    if (row.undoneAt) throw new DomainError("conflict", "already_undone", "checkin.undo.alreadyUndone");
    if (row.result !== "OK" || !row.registrationId) throw new DomainError("invalid", "not_undoable", "checkin.undo.notUndoable");
    const registrationId = row.registrationId;
    const at = sqlDate(new Date());
    markUndone.run(sql, { id: row.id, undoneById: actorUserId, at });
    if (row.direction === "EXIT") {
      backInside.run(sql, { registrationId, listId: row.listId, at });
    } else {
      const next = firstCountedEntry.get(sql, { registrationId, listId: row.listId });
      entryTakenBack.run(sql, { registrationId, listId: row.listId, firstCheckInId: next?.id ?? null, firstEntryAt: next?.scannedAt ?? null, at });
      recountCheckedInAt.run(sql, { registrationId, at });
    }
    return row;
  });
  await audit({
    action: "checkin.undone",
    actorUserId,
    targetType: "check_in",
    targetId: undone.id,
    eventId,
    ip,
    details: { registrationId: undone.registrationId, listId: undone.listId, direction: undone.direction },
  });
}

/** Marks an offline conflict as looked at by an organizer. */
export async function resolveConflict({ eventId, checkInId, actorUserId, ip }: { eventId: string; checkInId: string; actorUserId: string; ip?: string }) {
  const { changes } = await writeTransaction((sql) => resolveConflictOf.run(sql, { id: checkInId, eventId }));
  if (changes === 0) throw new DomainError("not_found", "not_found", "error.notFound.body");
  await audit({ action: "checkin.override", actorUserId, targetType: "check_in", targetId: checkInId, eventId, ip, details: { conflict: "resolved" } });
}
