// Building page elements from data: properties set directly (textContent, never innerHTML,
// so text from the API is never read as markup), children appended in order.
export function element(tag, properties = {}, children = []) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

// Text for a map tooltip: Leaflet reads a string as HTML, so names from the data (which anyone
// can edit in OpenStreetMap) go in as an element holding plain text.
export function plainText(text) {
  return element('span', { textContent: text });
}
