// Starts Pagefind's UI on the search page, on the bundle of the page's language (data-bundle). Its
// wording comes from the page (Gazette's dictionary), because Pagefind words zh-Hant in Simplified.
window.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('search');
  var translations = JSON.parse(root.getAttribute('data-translations') || '{}');
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: root.getAttribute('data-bundle'),
    showImages: true,
    showSubResults: true,
    resetStyles: false,
    autofocus: false,
    translations: translations,
  });
  // Pagefind's input has only a placeholder; screen readers need a name that stays.
  var input = document.querySelector('#search input');
  if (input) input.setAttribute('aria-label', document.getElementById('search').getAttribute('data-label'));
  var query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});
