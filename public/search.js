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
  if (input) input.setAttribute('aria-label', root.getAttribute('data-label'));
  // Pagefind's result count ("5 results for …") is not announced: a status line of the page
  // (role=status, visually hidden) repeats it whenever it changes.
  var status = document.getElementById('search-status');
  if (status) {
    new MutationObserver(function () {
      var message = root.querySelector('.pagefind-ui__message');
      var text = message ? message.textContent.trim() : '';
      if (status.textContent !== text) status.textContent = text;
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }
  var query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});
