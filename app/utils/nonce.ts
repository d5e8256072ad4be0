import { createContext, useContext } from "react";

/**
 * The per-request CSP nonce (app/server/http.ts makes it, app/entry.server.tsx provides it). Remix's inline
 * hydration scripts carry it, so the Content-Security-Policy needs no 'unsafe-inline' for scripts. In the
 * browser the value is "" (browsers hide nonce attributes), which React accepts when hydrating.
 */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
