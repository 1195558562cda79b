// Applies the remembered or system theme before first paint. The build inlines it into each page
// and allows it by hash in the CSP (vite.config.ts). Key and format match src/features/theme/theme.ts.
(function () {
  var choice = null;
  try {
    choice = JSON.parse(localStorage.getItem('notes-reader:theme'));
  } catch (error) {
    choice = null;
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
})();
