import { useEffect } from 'react';
import { useStore } from '../store';

/**
 * Applies Settings › Theme: "light" or "dark" set data-theme on <html>
 * (styles.css turns it into color-scheme); "system" removes it, so the OS's
 * prefers-color-scheme decides. Forced colours (high contrast) apply either way.
 */
export function useTheme(): void {
  const theme = useStore((s) => s.config.view?.values['ui.theme']);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
