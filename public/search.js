// Starts Pagefind's UI on the search page. The index is in shards, one per language and year:
// the page names the newest year's bundle and the older ones, which Pagefind merges. Its wording
// comes from the page (Gazette's dictionary), because Pagefind words zh-Hant in Simplified.
window.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('search');
  var translations = JSON.parse(root.getAttribute('data-translations') || '{}');
  var merge = (root.getAttribute('data-merge') || '').split(' ').filter(Boolean).map(function (path) {
    return { bundlePath: path };
  });
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: root.getAttribute('data-bundle'),
    mergeIndex: merge,
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
