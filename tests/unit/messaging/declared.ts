/** The declared messages' request schemas by name, and validation through the real `dispatch`, for schema tests. */
import type * as v from 'valibot';
import { BACKGROUND_MESSAGES } from '../../../lib/background/messages';
import { annotatorPageMessages } from '../../../lib/content/annotator/annotator-page-messages';
import { glossPageMessages } from '../../../lib/content/gloss/gloss-page-messages';
import type { AnyDeclaration } from '../../../lib/extension/messaging/declare';
import { dispatch } from '../../../lib/extension/messaging/dispatch';
import type { BackgroundType, PageType, Result } from '../../../lib/extension/messaging/messages';

const schemasOf = (list: readonly AnyDeclaration[]) =>
  Object.fromEntries(list.map((d) => [d.name, d.request])) as Record<string, v.GenericSchema>;

/** Request schema of every background message, by name. */
export const backgroundRequestSchemas = schemasOf(BACKGROUND_MESSAGES) as Record<BackgroundType, v.GenericSchema>;

const PAGE_MESSAGES: readonly AnyDeclaration[] = [...annotatorPageMessages, ...glossPageMessages];

/** Request schema of every page message, by name. */
export const pageRequestSchemas = schemasOf(PAGE_MESSAGES) as Record<PageType, v.GenericSchema>;

const wording = {
  failure: () => {
    throw new Error('echo handlers do not fail');
  },
};

/** Validates `payload` as `list`'s request `type` as a receiver does, answering what `answer` makes of the valid payload. */
function validateIn(list: readonly AnyDeclaration[], type: string, payload: unknown, answer: (p: unknown) => unknown) {
  const declaration = list.find((d) => d.name === type);
  if (!declaration) throw new Error(`${type} is not declared`);
  return dispatch({ declaration: { ...declaration, handle: answer }, payload }, undefined, wording);
}

/** Validates `payload` as a background request of `type`; answers with the validated payload. */
export const validateRequest = (type: BackgroundType, payload: unknown): Promise<Result<unknown>> =>
  validateIn(BACKGROUND_MESSAGES, type, payload, (p) => p);

/** Validates `payload` as a page request of `type`; answers `'done'` when it is valid. */
export const validatePageRequest = (type: string, payload: unknown): Promise<Result<unknown>> =>
  validateIn(PAGE_MESSAGES, type, payload, () => 'done');
