// Hash routes (#/accounts): the server serves one index.html, and a reload keeps the page.

export function currentRoute() {
  return location.hash.replace(/^#\/?/, '').split('?')[0];
}

export function go(pageId) {
  const target = `#/${pageId}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}
