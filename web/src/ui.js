// Small DOM helpers: elements are built with textContent (never innerHTML with data), except
// rendered Markdown, which markdown.js makes safe.

/**
 * An element: `h('button', { class: 'primary', onclick }, 'Post')`.
 * Attributes starting with `on` are listeners; `false`/`null` attributes are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A short-lived message at the corner of the page. */
export function toast(text) {
  const box = document.getElementById('toasts');
  const item = h('div', { class: 'toast' }, text);
  box.append(item);
  setTimeout(() => item.remove(), 6_000);
}

/** A short form of an address: the first and last six characters. */
export function shortAddress(address) {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

/** A time as people read it: "3 min ago", or the date. */
export function ago(ms, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(ms).toISOString().slice(0, 10);
}
