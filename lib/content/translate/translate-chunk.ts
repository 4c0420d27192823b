/** The `translate` chunk: the translation popover's controller, with this window's on-device translator. */
import { onDeviceTranslator } from '../shell/translation/on-device';
import { createTranslateController, type TranslateControllerDeps } from './translate-controller';

/** Starts the translation popover's controller in this window. */
export const startTranslate = (deps: Omit<TranslateControllerDeps, 'onDevice'>) =>
  createTranslateController({ ...deps, onDevice: onDeviceTranslator(deps.doc.defaultView!) });
