// Applies the remembered or system theme before first paint (an external file, so a strict CSP
// without 'unsafe-inline' still allows it). Key and format match src/features/theme/theme.ts.
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
  document.documentElement.classList.toggle('light', !dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
})();
