/** Positions on the page, in CSS pixels from the top-left of the document, shared by the content script's features. */

/** A point on the page. */
export interface PagePoint {
  x: number;
  y: number;
}

/** A box on the page under which a floating control is placed. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
