/** Icons drawn from shapes (24×24 grid, stroked with currentColor), and the coloured square that stands for a node kind. */
import type { ReactNode } from 'react';
import type { AnyKind, IconShape } from '../../nodes/kit/contract.ts';

function shape(s: IconShape, key: number) {
  const fill = s.filled ? 'currentColor' : undefined;
  if ('path' in s) return <path key={key} d={s.path} fill={fill} />;
  if ('circle' in s) return <circle key={key} cx={s.circle[0]} cy={s.circle[1]} r={s.circle[2]} fill={fill} />;
  const [x, y, width, height, rx] = s.rect;
  return <rect key={key} x={x} y={y} width={width} height={height} rx={rx} fill={fill} />;
}

/** The 24×24 frame every icon shares; with a label it is an image, without one it is hidden from assistive technology. */
export function IconFrame({ label, children }: { label?: string | undefined; children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {children}
    </svg>
  );
}

export function ShapeIcon({ shapes, label }: { shapes: readonly IconShape[]; label?: string | undefined }) {
  return <IconFrame label={label}>{shapes.map(shape)}</IconFrame>;
}

/** A kind no one registered: an empty rounded square. */
const UNKNOWN: readonly IconShape[] = [{ rect: [4, 4, 16, 16, 3] }];

/** The coloured square that stands for a node kind (palette, nodes, picker); `--kind-<kind>` comes from its definition. */
export function KindIcon({ kind, name }: { kind: Pick<AnyKind, 'look'> | undefined; name: string }) {
  return (
    <span className="kind-icon" style={{ ['--kind-color' as string]: `var(--kind-${name}, var(--muted))` }}>
      <ShapeIcon shapes={kind?.look.icon ?? UNKNOWN} />
    </span>
  );
}
