/** The article as the other features see it: through the annotator's slot while it runs, or as found at start. */
import type { FeatureEnv } from './feature';

/** The article body now: the annotator's tracked root, or the one found at start (found again if replaced). */
export const articleRootOf =
  ({ slots, article, relocate }: FeatureEnv) =>
  (): Element | null =>
    slots.article?.root() ?? (article.root.isConnected ? article.root : (relocate()?.root ?? null));

/** Shows a failure to the reader through the annotator's toast; logged when the annotator is not running. */
export const showErrorOf =
  ({ slots }: FeatureEnv) =>
  (message: string, retry: (() => void) | null): void => {
    if (slots.article) slots.article.showError(message, retry);
    else console.error('[netease-annotator]', message);
  };
