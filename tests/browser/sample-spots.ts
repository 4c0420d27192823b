/** Places in the sample article (`tests/fixtures/netease`) the browser tests select and highlight. */

/** The first two paragraphs of the article body, by their NetEase ids. */
export const P1 = '[id="004FXQVR"]';
export const P2 = '[id="004FXWZQ"]';

/** A passage of `P1` and one of `P2`, as the page spells them. */
export const QUOTE_A = '一切都應(yīng)該是“昨天就完成”';
export const QUOTE_B = '挺反常的';
