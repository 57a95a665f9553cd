// Which time's figures apply: now, today's day, tonight or this weekend (London), or a given time. The
// choice becomes the API's `at` parameter; a time without a zone is London time to the API.

const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

// This weekend's Saturday in London: today on a Saturday, yesterday on a Sunday.
function saturday() {
  const [year, month, day] = london.format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + (weekday === 0 ? -1 : 6 - weekday));
  return date.toISOString().slice(0, 10);
}

export function atParameter() {
  const choice = document.getElementById('time-choice').value;
  const today = london.format(new Date());
  switch (choice) {
    case 'day': return `${today}T12:00:00`;
    case 'night': return `${today}T23:00:00`;
    case 'weekend': return `${saturday()}T12:00:00`;
    case 'given': {
      const given = document.getElementById('time-given').value;
      if (!given) return null;
      return given.length === 16 ? `${given}:00` : given;
    }
    default: return null;
  }
}

export function watchTime(onChange) {
  const choice = document.getElementById('time-choice');
  const given = document.getElementById('time-given');
  choice.addEventListener('change', () => {
    given.hidden = choice.value !== 'given';
    if (choice.value === 'given' && !given.value) return given.focus();
    onChange();
  });
  given.addEventListener('change', onChange);
}
