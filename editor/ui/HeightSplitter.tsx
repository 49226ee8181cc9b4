/**
 * A horizontal bar that resizes the panel below it: drag it with the pointer, or focus it and press the arrow keys
 * (Home and End for the smallest and largest). The height is kept in this browser under `storageKey`, so the
 * layout a user chose survives a reload; null means the panel's own CSS height.
 */
import { type KeyboardEvent, type PointerEvent, useCallback, useRef, useState } from 'react';

export interface HeightLimits {
  min: number;
  /** The largest height, given the window's height (the panel must leave room for what is above it). */
  max: (windowHeight: number) => number;
}

const STEP = 24;

function stored(key: string): number | null {
  try {
    const v = Number(localStorage.getItem(key));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

/** The chosen height (null: not chosen) and a setter that clamps it to the limits and keeps it. */
export function useStoredHeight(storageKey: string, limits: HeightLimits): [number | null, (h: number) => void] {
  const [height, setHeight] = useState(() => stored(storageKey));
  const set = useCallback(
    (h: number) => {
      const clamped = Math.round(Math.min(Math.max(h, limits.min), Math.max(limits.min, limits.max(window.innerHeight))));
      setHeight(clamped);
      try {
        localStorage.setItem(storageKey, String(clamped));
      } catch {
        // Storage refused (private mode, quota): the height holds until the page is closed.
      }
    },
    [storageKey, limits],
  );
  return [height, set];
}

export interface HeightSplitterProps {
  /** What the bar resizes, for screen readers ("Resize the call simulator"). */
  label: string;
  /** The id of the panel it resizes. */
  controls: string;
  /** The panel's height now (as drawn). */
  current: () => number;
  /** The height the user chose (null: the panel's own), announced as the bar's value. */
  value: number | null;
  limits: HeightLimits;
  onResize: (height: number) => void;
}

export function HeightSplitter({ label, controls, current, value, limits, onResize }: HeightSplitterProps) {
  const drag = useRef<{ y: number; height: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, height: current() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    // Dragging up makes the panel below taller.
    if (d) onResize(d.height + (d.y - e.clientY));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const h = current();
    const to = { ArrowUp: h + STEP, ArrowDown: h - STEP, Home: limits.min, End: limits.max(window.innerHeight) }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    onResize(to);
  };
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max(typeof window === 'undefined' ? 800 : window.innerHeight)}
      aria-valuenow={value ?? undefined}
      tabIndex={0}
      className="height-splitter"
      title="Drag to resize (or focus and use the arrow keys)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
