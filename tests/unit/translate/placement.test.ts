/** Where the translation popover opens beside a selection, and how tall it may be. */
import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../../lib/content/translate/placement';

const WINDOW = { top: 1000, height: 900 };

describe('placeBeside', () => {
  it('opens under the selection, as tall as the room left below it', () => {
    expect(placeBeside({ left: 40, top: 1100, bottom: 1200 }, WINDOW)).toEqual({
      at: { x: 40, y: 1208 },
      above: false,
      room: 684,
    });
  });

  it('opens above the selection’s first line when little room is left below and more is above', () => {
    expect(placeBeside({ left: 40, top: 1500, bottom: 1760 }, WINDOW)).toEqual({
      at: { x: 40, y: 1492 },
      above: true,
      room: 484,
    });
  });

  it('stays under the selection when the room above is no bigger, as tall as the room left', () => {
    expect(placeBeside({ left: 40, top: 1050, bottom: 1700 }, WINDOW)).toEqual({
      at: { x: 40, y: 1708 },
      above: false,
      room: 184,
    });
  });

  it('takes a usable height even in a window with almost no room on either side', () => {
    expect(placeBeside({ left: 40, top: 1010, bottom: 1860 }, WINDOW)).toEqual({
      at: { x: 40, y: 1868 },
      above: false,
      room: 120,
    });
  });
});
