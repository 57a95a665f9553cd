// Signing in and out. The key typed here is sent once, in the Authorization header of
// POST /session, and the field is emptied at once: from then on the HttpOnly cookie
// authenticates, and nothing readable by scripts holds a credential.
import { api, ApiError } from './api.js';

export async function whoIsSignedIn() {
  return api('/session');
}

export function showSignIn(message, onSignedIn) {
  for (const id of ['app', 'desk', 'refused']) document.getElementById(id).hidden = true;
  const section = document.getElementById('sign-in');
  const form = document.getElementById('sign-in-form');
  const input = document.getElementById('sign-in-key');
  const error = document.getElementById('sign-in-error');
  section.hidden = false;
  error.hidden = !message;
  error.textContent = message ?? '';
  input.focus();
  form.onsubmit = async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    input.value = '';
    if (!key) return;
    try {
      const who = await api('/session', { method: 'POST', key });
      section.hidden = true;
      onSignedIn(who);
    } catch (problem) {
      error.hidden = false;
      error.textContent = problem instanceof ApiError && problem.kind === 'session'
        ? 'The key was refused: it is unknown, revoked or expired. Check it with your administrator.'
        : problem.message;
      input.focus();
    }
  };
}

export function showRefused(reason) {
  for (const id of ['app', 'desk', 'sign-in']) document.getElementById(id).hidden = true;
  document.getElementById('refused').hidden = false;
  document.getElementById('refused-reason').textContent = reason;
}

export function wireSignOut(onSignedOut) {
  for (const button of document.querySelectorAll('.sign-out')) {
    button.onclick = async () => {
      try { await api('/session', { method: 'DELETE' }); } catch { /* the session is gone either way */ }
      onSignedOut();
    };
  }
}
