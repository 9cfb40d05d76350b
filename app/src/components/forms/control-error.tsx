/** A refused value's advice under its control; the control points at it with `aria-describedby`. */
export function ControlError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

/** The attributes that mark a control refused and tie it to its `ControlError`. */
export function invalidProps(id: string, placed: ReadonlyMap<string, string>) {
  return placed.has(id) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}
