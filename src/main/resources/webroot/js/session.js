// The signed-in session lives in sessionStorage: it ends with the tab, and other tabs log in on their own.
const KEY = 'redlive.session';

export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) ?? null;
  } catch {
    return null;
  }
}

export function token() {
  return current()?.accessToken ?? null;
}

/** Stores a Session answer of the API (login or password change). */
export function save(session) {
  sessionStorage.setItem(KEY, JSON.stringify({
    accessToken: session.accessToken,
    expiresAt: session.expiresAt,
    account: session.account,
  }));
}

export function clear() {
  sessionStorage.removeItem(KEY);
}
