import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, boundsOf, freeSpot } from './placement.ts';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

describe('freeSpot', () => {
  it('keeps the asked spot (snapped to the grid) when it is free', () => {
    expect(freeSpot({ x: 5, y: 9 }, { width: 208, height: 132 }, [])).toEqual({ x: 0, y: 16 });
  });

  it('moves a tall new node clear of the node it would cover, below it first', () => {
    const taken = [{ x: 0, y: 0, width: 208, height: 134 }];
    const spot = freeSpot({ x: 0, y: 0 }, { width: 208, height: 155 }, taken);
    expect(spot.x).toBe(0);
    expect(spot.y).toBeGreaterThanOrEqual(134 + 24);
  });

  it('keeps clear of the ports that hang under a node (the margin), not only of its frame', () => {
    const taken = [{ x: 0, y: 0, width: 208, height: 132 }];
    // Right under the frame, where its output handles hang: not free.
    const spot = freeSpot({ x: 0, y: 140 }, { width: 208, height: 54 }, taken);
    expect(spot.y - 132).toBeGreaterThanOrEqual(24);
  });

  it('never returns a spot overlapping a taken box when one is free within reach', () => {
    const box = fc.record({ x: fc.integer({ min: -800, max: 800 }), y: fc.integer({ min: -800, max: 800 }), width: fc.integer({ min: 40, max: 400 }), height: fc.integer({ min: 40, max: 300 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), box, (taken, wanted) => {
        const spot = freeSpot(wanted, wanted, taken);
        const placed = { ...spot, width: wanted.width, height: wanted.height };
        return taken.every((t) => !overlaps(placed, t));
      }),
    );
  });
});

describe('boundsOf', () => {
  it('is the box around every box, or null for none', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: -30, y: 60, width: 40, height: 40 },
      ]),
    ).toEqual({ x: -30, y: 20, width: 140, height: 80 });
  });
});
