/** The `gloss` chunk: the gloss controller, with paragraph mode's sentence translation as this window offers it. */
import { contentParagraphDeps } from '../shell/translation/content-deps';
import { onDeviceTranslator } from '../shell/translation/on-device';
import { createGlossController, type GlossControllerDeps } from './gloss-controller';

/** Starts the gloss controller in this window (paragraph mode translates through the background or on the device). */
export const startGloss = (deps: Omit<GlossControllerDeps, 'paragraphs'>) =>
  createGlossController({ ...deps, paragraphs: contentParagraphDeps(deps.call, onDeviceTranslator(deps.doc.defaultView!)) });
