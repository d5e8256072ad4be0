import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { clientAddress } from "~/utils/http.server";
import { logoutRedirect, sessionUser } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const user = await sessionUser(request);
  if (user) await audit({ action: "auth.logout", actorUserId: user.id, ip: clientAddress(request) });
  return logoutRedirect(request, "/");
}

export const loader = () => redirect("/");
