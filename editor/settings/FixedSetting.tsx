/**
 * A setting the platform fixes (R30), shown where the admin would look for
 * it: its name, its value and the preset's reason, read-only.
 */
export function FixedSetting({ name, value, platformName, reason }: { name: string; value: string; platformName: string; reason: string }) {
  return (
    <div className="rf-field rf-fixed" role="group" aria-label={name} data-fixed="true">
      <div className="rf-fixed__row">
        <span className="rf-label">{name}</span>
        <strong className="rf-fixed__value">{value}</strong>
        <span className="rf-fixed__badge">fixed by {platformName}</span>
      </div>
      <p className="rf-hint">{reason}</p>
    </div>
  );
}
