import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { SiteHeader } from "~/components/SiteHeader";
import { defaultLocale, type Locale } from "~/i18n";
import { catalogScript } from "~/i18n/catalog-script.server";
import { sessionUser } from "~/auth/session.server";
import { localeFromRequest } from "~/utils/i18n.server";
import { navigationFor } from "~/auth/navigation.server";
import { env } from "~/utils/env.server";
import { useNonce } from "~/utils/nonce";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

// An error page whose route never loaded (an unknown address) still needs a title: screen readers announce it.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: isRouteErrorResponse(error) && error.status === 404 ? "页面不存在 · Page not found" : "出错了 · Something went wrong" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await sessionUser(request);
  const locale = localeFromRequest(request);
  return {
    locale,
    // The reader's messages, as a script cached across pages (app/i18n/loaded.ts).
    catalogScript: catalogScript(locale).path,
    user: user ? { name: user.name, email: user.email } : null,
    navigation: navigationFor(user, "header"),
    // Absolute links in share tags (route-helpers/social-meta.ts).
    appUrl: env().APP_URL,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? defaultLocale;
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1e40af" />
        {/* Deferred, so it never holds up the first paint; entry.client.tsx hydrates once it has run. */}
        <script src={data?.catalogScript ?? `/i18n/${locale}.js`} nonce={nonce} defer data-messages="" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-canvas text-ink antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // A page framed by another site (`handle.bare`) shows no site navigation: it could not be followed in the frame.
  const bare = useMatches().some((match) => (match.handle as { bare?: boolean } | undefined)?.bare);
  return (
    <>
      {bare ? null : <SiteHeader />}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <SiteHeader />
      <ErrorPage />
    </>
  );
}
