import { useEffect } from 'react';
import { Icon } from '../../../components/icon';
import { applyTheme, useTheme } from '../theme';

/** Switches between light and dark; the choice is remembered, otherwise the system's is followed. */
export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={theme === 'dark'}
      aria-label="Dark theme"
      title={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      className="icon-button"
    >
      <Icon name={theme === 'dark' ? 'moon' : 'sun'} className="size-5" />
    </button>
  );
}
