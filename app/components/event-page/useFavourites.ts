import { useCallback, useEffect, useState, type RefObject } from "react";

const favouritesKey = (slug: string) => `my-agenda:${slug}`;

function readFavourites(slug: string): string[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(favouritesKey(slug)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/**
 * "My agenda": favourites live in this browser only (localStorage); nothing leaves it until the .ics
 * download. The agenda itself is server-rendered HTML, so the star buttons are wired up here.
 */
export function useFavourites(slug: string, container: RefObject<HTMLDivElement>, labels: { add: string; remove: string }) {
  const [favourites, setFavourites] = useState<string[] | null>(null);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the favourites live in localStorage, which exists only in the browser after hydration
  useEffect(() => setFavourites(readFavourites(slug)), [slug]);
  const toggle = useCallback(
    (id: string) => {
      setFavourites((current) => {
        const list = current ?? [];
        const next = list.includes(id) ? list.filter((value) => value !== id) : [...list, id];
        try {
          window.localStorage.setItem(favouritesKey(slug), JSON.stringify(next));
        } catch {
          // Private mode without storage: favourites last for this visit only.
        }
        return next;
      });
    },
    [slug],
  );
  useEffect(() => {
    const root = container.current;
    if (!root || favourites === null) return;
    for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-favourite]")) {
      const on = favourites.includes(button.dataset.favourite ?? "");
      const title = button.closest("li")?.querySelector("h4")?.textContent ?? "";
      button.hidden = false;
      button.setAttribute("aria-pressed", String(on));
      button.setAttribute("aria-label", `${on ? labels.remove : labels.add}: ${title}`);
      button.title = on ? labels.remove : labels.add;
      button.textContent = on ? "★" : "☆";
    }
  });
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-favourite]");
      if (button?.dataset.favourite) toggle(button.dataset.favourite);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [container, toggle]);
  return favourites;
}
