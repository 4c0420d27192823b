import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { GlossSwitches } from '../../components/popup/GlossSwitches';
import { callTab } from '../../lib/extension/messaging/client';
import type { GlossSettingsPatch, GlossState } from '../../lib/core/model/gloss';
import { followChanges } from '../../lib/pages/follow-changes';

/**
 * The gloss settings of the article in tab `tabId`: read from its page, changed there (which stores them for every
 * tab), and read again when the settings change elsewhere (Alt+G in the page, another tab). A switch moves at once;
 * the page's answer then says what it did (and whether paragraph mode fell back to word glosses, and why).
 */
export function PageGloss({ tabId }: { tabId: number }) {
  const [state, setState] = useState<GlossState | null>(null);
  /** Bumped by every request to the page, so only the newest answer is shown (a re-read never undoes a switch just moved). */
  const requests = useRef(0);

  const send = useCallback(
    async (patch: GlossSettingsPatch) => {
      const asked = ++requests.current;
      setState((s) => s && { ...s, settings: { ...s.settings, ...patch }, error: null });
      const result = await callTab(tabId, 'page/gloss', patch);
      if (asked !== requests.current) return;
      setState((s) => (result.ok ? result.value : s && { ...s, error: result.error.message }));
    },
    [tabId],
  );

  useEffect(() => void send({}), [send]);
  useEffect(
    () =>
      followChanges((changes) => {
        if (!changes.kinds.includes('setting')) return;
        const asked = ++requests.current;
        void callTab(tabId, 'page/gloss', {}).then((result) => result.ok && asked === requests.current && setState(result.value));
      }),
    [tabId],
  );

  if (!state) return null;
  return (
    <GlossSwitches
      settings={state.settings}
      error={state.error}
      fallback={state.fallback}
      onChange={(patch) => void send(patch)}
    />
  );
}
