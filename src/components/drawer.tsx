import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from './icon';

/**
 * A modal side drawer on the native <dialog>: the page behind is inert (focus stays inside),
 * Esc closes it, and focus goes back to the button that opened it.
 */
export function Drawer({
  open,
  onClose,
  label,
  children,
}: {
  open: boolean;
  onClose: () => void;
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The content mounts once the dialog is shown, in the commit after, before the paint: mounted
  // with it, it measured itself inside a closed dialog (nothing has a size there), and the long
  // sidebar's rows, placed by their measured heights, were drawn on top of each other.
  const [shown, setShown] = useState(false);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    setShown(open);
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-label={label}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog box itself, outside its panel) or on a link closes it.
        const target = event.target as Element;
        if (target === event.currentTarget || target.closest('a[href]')) onClose();
      }}
      className="drawer"
    >
      {open && shown && (
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2 dark:border-slate-800">
            <p className="font-semibold">{label}</p>
            <button type="button" className="icon-button" onClick={onClose} aria-label="Close menu">
              <Icon name="close" className="size-5" />
            </button>
          </div>
          <div className="flex-1 overflow-y-auto">{children}</div>
        </div>
      )}
    </dialog>
  );
}
