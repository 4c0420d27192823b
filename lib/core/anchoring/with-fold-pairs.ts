/**
 * Provides the bundled Traditional ↔ Simplified pairs to script folding, for code that bundles them anyway (the
 * background, tests, the bench); the content script asks the background for them instead, when first needed.
 */
import { provideFoldPairs } from './script-fold';
import { SCRIPT_FOLD_PAIRS } from './script-fold-pairs';

provideFoldPairs(SCRIPT_FOLD_PAIRS);
