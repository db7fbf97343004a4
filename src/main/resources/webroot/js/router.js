// Hash routes (#/accounts): the server serves one index.html, and a reload keeps the page.

export function currentRoute() {
  return location.hash.replace(/^#\/?/, '').split('?')[0];
}

export function go(pageId) {
  const target = `#/${pageId}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

/** The query part of the hash (#/streamers?id=3): pages that show one object take its id from here. */
export function routeParams() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}
