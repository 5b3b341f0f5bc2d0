/** A form's save button (disabled while sending) and its cancel button, side by side. */
export function FormActions({ save, cancel, busy, onCancel }: { save: string; cancel: string; busy: boolean; onCancel(): void }) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {save}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
