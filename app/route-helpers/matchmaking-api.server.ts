import { registrationForManageToken } from "~/models/registration-self-service.server";
import { HttpError } from "~/utils/http.server";

/**
 * The matchmaking API's participant (issue 18 §5): the registration's manage token, the last path segment of
 * its `manageUrl`, sent as `Authorization: Bearer …`. A token of another event's registration is a 404 here,
 * as the event would be to it.
 */
export async function manageTokenFor(request: Request, slug: string): Promise<string> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  if (!match) throw new HttpError(401, "unauthorized", "error.unauthorized");
  const registration = await registrationForManageToken(match[1]);
  if (!registration) throw new HttpError(401, "unauthorized", "error.unauthorized");
  if (registration.event.slug !== slug) throw new HttpError(404, "not_found", "event.notFound");
  return match[1];
}
