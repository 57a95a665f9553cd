// Numbers and times as people read them under pressure: grouped digits, short ages.

const grouped = new Intl.NumberFormat('en-GB');
const tenths = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function number(value) {
  return value === null || value === undefined ? '–' : grouped.format(value);
}

// A mean or a share: grouped digits, at most one decimal.
export function decimal(value) {
  return value === null || value === undefined ? '–' : tenths.format(value);
}

export function age(iso, now = Date.now()) {
  if (!iso) return '–';
  const minutes = Math.round((now - Date.parse(iso)) / 60000);
  if (minutes < 0) return 'in the future';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function date(iso) {
  return iso ? iso.slice(0, 10) : '–';
}

export function label(building) {
  return building.label ?? building.name ?? building.address ?? building.id;
}

// "in 5 h" for a time to come, "3 days ago" for one gone: when a figure goes stale.
export function relative(iso, now = Date.now()) {
  if (!iso) return '–';
  const minutes = Math.round((Date.parse(iso) - now) / 60000);
  if (minutes <= 0) return age(iso, now);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in ${hours} h` : `in ${Math.round(hours / 24)} days`;
}
