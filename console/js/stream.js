// What a page does when a live stream (Server-Sent Events) is refused or ended by the server:
// most often the session ended or its key was revoked, which the page then says, asking for
// a sign-in; otherwise it says the updates stopped and opens the stream again.
import { api, ApiError } from './api.js';
import { showProblem } from './status.js';

// reopen: opens the stream again. Still signed in, the page says live updates stopped and
// reopens it after a few seconds (the banner's retry), so nobody trusts figures that have
// silently stopped moving.
export async function streamEnded(handled, what, reopen) {
  try {
    const who = await api('/session');
    if (!who.signed_in) return handled(new ApiError(401, who.detail ?? 'Signed out.', 'session'));
    showProblem(`Live updates of ${what} stopped: the server ended the stream. What you see may be out of date.`, reopen);
  } catch (problem) {
    if (!handled(problem, reopen)) showProblem(`Live updates of ${what} stopped: ${problem.message}`, reopen);
  }
}
