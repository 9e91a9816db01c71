// Starts Pagefind's UI on the search page. Pagefind picks the index for <html lang>.
window.addEventListener('DOMContentLoaded', function () {
  var ui = new PagefindUI({ element: '#search', showImages: true, showSubResults: true, resetStyles: false, autofocus: true });
  var query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});
