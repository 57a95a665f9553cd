// The one banner that says the console is not showing current answers: the server is
// unreachable or failing. It retries on its own and says when.

const banner = () => document.getElementById('status');
let timer = null;

export function showProblem(message, retry, seconds = 5) {
  clearTimeout(timer);
  const element = banner();
  element.hidden = false;
  element.dataset.kind = 'problem';
  let left = seconds;
  const render = () => {
    element.textContent = retry ? `${message} Retrying in ${left} s.` : message;
    if (retry) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Retry now';
      button.addEventListener('click', () => { clearProblem(); retry(); });
      element.append(button);
    }
  };
  render();
  if (!retry) return;
  const tick = () => {
    left -= 1;
    if (left <= 0) { clearProblem(); retry(); return; }
    render();
    timer = setTimeout(tick, 1000);
  };
  timer = setTimeout(tick, 1000);
}

export function clearProblem() {
  clearTimeout(timer);
  const element = banner();
  element.hidden = true;
  element.textContent = '';
  delete element.dataset.kind;
}
