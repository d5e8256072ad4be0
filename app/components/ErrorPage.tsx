import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { ButtonLink } from "~/components/ui/Button";

/** Friendly error screen in the reader's language; used by the root and by nested error boundaries. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const errorBody =
    isRouteErrorResponse(error) && typeof error.data === "object" && error.data && "error" in error.data
      ? (error.data as { error: { message?: string; messageKey?: MessageKey; params?: Record<string, string | number> } }).error
      : undefined;
  // An HttpError thrown by a guard or model carries a message key, translated here in the reader's language.
  const apiMessage = errorBody?.message ?? (errorBody?.messageKey ? t(errorBody.messageKey, errorBody.params) : undefined);
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : status === 429
          ? [t("error.title"), t("error.tooManyRequests")]
          : status < 500
            ? [t("error.badRequest.title"), apiMessage ?? t("validation.invalid")]
            : [t("error.server.title"), t("error.server.body")];
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-muted">{status}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-4 text-muted">{apiMessage && status < 500 && status !== 404 && status !== 403 ? apiMessage : body}</p>
      <ButtonLink to="/" className="mt-8">
        {t("error.goHome")}
      </ButtonLink>
    </main>
  );
}
