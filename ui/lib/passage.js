// A passage found by search, shown where it is: the block of a lesson or transcript whose text
// holds it is scrolled into view, marked and focused.

/** Case and accents aside, as the core's search folds text. */
function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Shows the innermost block of `container` whose text holds the start of `passage`; false if none. */
export function showPassage(container, passage) {
  const wanted = fold(passage).slice(0, 60);
  if (!wanted) return false;
  const matches = [...container.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote')]
    .filter((el) => fold(el.textContent).includes(wanted));
  const found = matches.find((el) => !matches.some((other) => other !== el && el.contains(other)));
  if (!found) return false;
  found.classList.add('found-passage');
  found.dataset.testid = 'found-passage';
  found.setAttribute('tabindex', '-1');
  found.scrollIntoView({ block: 'center' });
  found.focus({ preventScroll: true });
  return true;
}
