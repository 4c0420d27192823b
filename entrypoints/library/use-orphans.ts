import { useEffect, useState } from 'preact/hooks';
import { articleTabs, orphanIds } from '../../lib/pages/article-tabs';

/** How often open tabs are asked again while the library is visible (a tab may have re-anchored meanwhile). */
const REFRESH_MS = 5_000;

/**
 * The annotations that open article tabs could not place on their page. Only open tabs can tell (the page text
 * is needed), so the set is asked again when `data` changes, when the library regains focus, and every few seconds
 * while it is visible.
 */
export function useOrphans(data: unknown): ReadonlySet<string> {
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      void articleTabs().then((tabs) => {
        if (!live) return;
        const next = orphanIds(tabs);
        // Keep the same set object when nothing changed, so the list is not filtered again for nothing.
        setOrphans((current) => (current.size === next.size && [...next].every((id) => current.has(id)) ? current : next));
      });
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [data]);
  return orphans;
}
